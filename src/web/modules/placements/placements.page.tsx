import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PLACEMENT_KINDS, SITUATIONS_AFTER } from '../../../shared/placements/model';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { RadioGroup } from '../../components/radio-group';
import { notInFuture, optionalText, readDate, readNumber } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useConfirmedMutation } from '../../components/use-confirmed-mutation';
import { useForm } from '../../components/use-form';
import { formatKroner, isoToDanishDate, todayText } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { PageTasks } from '../tasks';
import { useCitizenChoice } from './citizen-search';
import {
  type Placement,
  useCreatePlacement,
  useEndPlacement,
  usePlacements,
  useStartPlacement,
} from './placements.api';

type OnDone = (notice: Notice) => void;

/** A § 107 / § 108 decision: the citizen, the kind, the botilbud, the dates and the monthly cost. */
function NewPlacementForm({ onDone }: { onDone: OnDone }) {
  const { t } = useTranslation();
  const create = useCreatePlacement();
  const choice = useCitizenChoice('placement-citizen');
  const form = useForm({
    formKey: 'placements.create',
    initial: () => ({
      citizenId: '',
      kind: '',
      provider: '',
      decidedOn: todayText(),
      plannedMoveInOn: '',
      plannedEndOn: '',
      startedOn: '',
      monthlyCost: '',
    }),
    fields: {
      citizenId: { id: 'placement-citizen', label: t('placements.fields.citizen') },
      kind: { id: 'placement-kind', label: t('placements.fields.kind') },
      provider: { id: 'placement-provider', label: t('placements.fields.provider') },
      decidedOn: { id: 'placement-decided', label: t('placements.fields.decidedOn') },
      plannedMoveInOn: { id: 'placement-move-in', label: t('placements.fields.plannedMoveInOn') },
      plannedEndOn: { id: 'placement-planned-end', label: t('placements.fields.plannedEndOn') },
      startedOn: { id: 'placement-started', label: t('placements.fields.startedOn') },
      monthlyCost: { id: 'placement-cost', label: t('placements.fields.monthlyCost') },
    },
    serverErrors: {
      PLACEMENT_OVERLAP: { path: 'plannedMoveInOn', code: 'overlap' },
      PLACEMENT_MOVE_IN_BEFORE_DECISION: { path: 'plannedMoveInOn', code: 'before_decision' },
      PLACEMENT_START_BEFORE_DECISION: { path: 'startedOn', code: 'before_decision' },
      PLACEMENT_PLANNED_END_BEFORE_MOVE_IN: { path: 'plannedEndOn', code: 'before_move_in' },
    },
  });
  const { values } = form;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const problems: FieldError[] = [];
    if (!values.citizenId) problems.push({ path: 'citizenId', code: 'required' });
    const kind = PLACEMENT_KINDS.find((k) => k === values.kind);
    if (!kind) problems.push({ path: 'kind', code: 'required' });
    const provider = optionalText(values.provider);
    if (!provider) problems.push({ path: 'provider', code: 'required' });
    const decidedOn = readDate(values.decidedOn, 'decidedOn', problems, true);
    notInFuture(decidedOn, 'decidedOn', problems);
    const plannedMoveInOn = readDate(values.plannedMoveInOn, 'plannedMoveInOn', problems, true);
    if (decidedOn && plannedMoveInOn && plannedMoveInOn < decidedOn)
      problems.push({ path: 'plannedMoveInOn', code: 'before_decision' });
    const plannedEndOn = readDate(values.plannedEndOn, 'plannedEndOn', problems);
    if (plannedMoveInOn && plannedEndOn && plannedEndOn < plannedMoveInOn)
      problems.push({ path: 'plannedEndOn', code: 'before_move_in' });
    const startedOn = readDate(values.startedOn, 'startedOn', problems);
    notInFuture(startedOn, 'startedOn', problems);
    if (decidedOn && startedOn && startedOn < decidedOn)
      problems.push({ path: 'startedOn', code: 'before_decision' });
    const monthlyCost = readNumber(values.monthlyCost, 'kroner', 'monthlyCost', problems);
    if (
      form.failed(problems) ||
      !kind ||
      !provider ||
      !decidedOn ||
      !plannedMoveInOn ||
      monthlyCost === undefined
    )
      return;
    settle(
      create,
      {
        citizenId: values.citizenId,
        kind,
        provider,
        decidedOn,
        plannedMoveInOn,
        ...(plannedEndOn ? { plannedEndOn } : {}),
        ...(startedOn ? { startedOn } : {}),
        monthlyCost,
      },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'placements.create.done' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('placements.create.summary')}>
      {choice.searchForm}
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        {choice.options.length > 0 ? (
          <RadioGroup {...form.radio('citizenId')} options={choice.options} />
        ) : (
          <p id="placement-citizen">
            {form.field('citizenId').error ? (
              <span className="form-error-message">{form.field('citizenId').error}</span>
            ) : (
              t('placements.search.first')
            )}
          </p>
        )}
        <SelectField
          {...form.field('kind')}
          placeholder={t('placements.fields.kindPlaceholder')}
          options={PLACEMENT_KINDS.map((k) => ({ value: k, label: t(`placements.kinds.${k}`) }))}
        />
        <TextField {...form.field('provider')} hint={t('placements.fields.providerHint')} />
        <DateField {...form.field('decidedOn')} />
        <DateField {...form.field('plannedMoveInOn')} />
        <DateField {...form.field('plannedEndOn')} hint={t('placements.fields.plannedEndHint')} />
        <DateField {...form.field('startedOn')} hint={t('placements.fields.startedHint')} />
        <TextField
          {...form.field('monthlyCost')}
          inputMode="decimal"
          widthClass="input-width-s"
          hint={t('placements.fields.monthlyCostHint')}
        />
        <button type="submit" className="button button-primary">
          {t('placements.create.submit')}
        </button>
        {create.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** The move-in of a decided placement. */
function StartForm({ placement, onDone }: { placement: Placement; onDone: OnDone }) {
  const { t } = useTranslation();
  const start = useStartPlacement();
  const name = placement.name ?? t('placements.unnamed');
  const form = useForm({
    formKey: 'placements.start',
    initial: () => ({ startedOn: todayText() }),
    fields: { startedOn: { id: `start-${placement.id}`, label: t('placements.fields.startedOn') } },
    serverErrors: {
      PLACEMENT_START_BEFORE_DECISION: { path: 'startedOn', code: 'before_decision' },
      PLACEMENT_OVERLAP: { path: 'startedOn', code: 'overlap' },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (start.isPending) return;
    const problems: FieldError[] = [];
    const startedOn = readDate(form.values.startedOn, 'startedOn', problems, true);
    notInFuture(startedOn, 'startedOn', problems);
    if (startedOn && startedOn < placement.decidedOn)
      problems.push({ path: 'startedOn', code: 'before_decision' });
    if (form.failed(problems) || !startedOn) return;
    settle(
      start,
      { id: placement.id, startedOn },
      {
        onSuccess: () => onDone({ kind: 'success', key: 'placements.start.done', params: { name } }),
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('placements.start.summary', { name })}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('startedOn')} />
        <button type="submit" className="button button-primary">
          {t('placements.start.submit')}
        </button>
      </form>
    </FormDetails>
  );
}

/** The move-out (or a decision withdrawn), confirmed before it is recorded. */
function EndForm({ placement, onDone }: { placement: Placement; onDone: OnDone }) {
  const { t } = useTranslation();
  const end = useEndPlacement();
  const name = placement.name ?? t('placements.unnamed');
  const started = placement.startedOn !== null;
  const form = useForm({
    formKey: 'placements.end',
    initial: () => ({ endedOn: todayText(), situationAfter: started ? '' : 'unknown', reason: '' }),
    fields: {
      endedOn: { id: `end-on-${placement.id}`, label: t('placements.fields.endedOn') },
      situationAfter: { id: `end-to-${placement.id}`, label: t('placements.fields.situationAfter') },
      reason: { id: `end-reason-${placement.id}`, label: t('placements.fields.endReason') },
    },
    serverErrors: { PLACEMENT_END_BEFORE_START: { path: 'endedOn', code: 'before_start' } },
  });
  const confirm = useConfirmedMutation(end, {
    onSuccess: () => {
      form.clear();
      onDone({
        kind: 'success',
        key: started ? 'placements.end.done' : 'placements.end.withdrawn',
        params: { name },
      });
    },
    onError: form.reportError,
  });
  const confirming = confirm.pending;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const endedOn = readDate(form.values.endedOn, 'endedOn', problems, true);
    notInFuture(endedOn, 'endedOn', problems);
    if (endedOn && endedOn < (placement.startedOn ?? placement.decidedOn))
      problems.push({ path: 'endedOn', code: 'before_start' });
    const situationAfter = SITUATIONS_AFTER.find((s) => s === form.values.situationAfter);
    if (!situationAfter) problems.push({ path: 'situationAfter', code: 'required' });
    if (form.failed(problems) || !endedOn || !situationAfter) return;
    const reason = optionalText(form.values.reason);
    confirm.ask({ id: placement.id, endedOn, situationAfter, ...(reason ? { reason } : {}) });
  };
  return (
    <FormDetails summary={t(started ? 'placements.end.summary' : 'placements.end.withdrawSummary', { name })}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('endedOn')} />
        {started ? (
          <SelectField
            {...form.field('situationAfter')}
            placeholder={t('placements.fields.situationPlaceholder')}
            options={SITUATIONS_AFTER.map((s) => ({ value: s, label: t(`situations.${s}`) }))}
          />
        ) : null}
        <TextAreaField {...form.field('reason')} rows={2} />
        <button type="submit" className="button button-secondary">
          {t(started ? 'placements.end.submit' : 'placements.end.withdraw')}
        </button>
      </form>
      <ConfirmDialog
        {...confirm.dialog}
        heading={t(started ? 'placements.end.confirmHeading' : 'placements.end.withdrawHeading', { name })}
        confirmLabel={t(started ? 'placements.end.confirm' : 'placements.end.withdrawConfirm')}
        cancelLabel={t('common.cancel')}
      >
        <p>
          {started
            ? t('placements.end.confirmText', {
                name,
                date: confirming ? isoToDanishDate(confirming.endedOn) : '',
                situation: confirming ? t(`situations.${confirming.situationAfter}`) : '',
              })
            : t('placements.end.withdrawText', { name })}
        </p>
      </ConfirmDialog>
    </FormDetails>
  );
}

function StateCell({ p }: { p: Placement }) {
  const { t } = useTranslation();
  if (p.endedOn) return <>{t('placements.state.ended')}</>;
  if (p.moveInOverdue) return <span className="text-error">{t('placements.state.moveInOverdue')}</span>;
  if (!p.startedOn) return <>{t('placements.state.decided')}</>;
  if (p.needsNextStep) return <span className="text-error">{t('placements.state.nextStep')}</span>;
  return <>{t('placements.state.active')}</>;
}

function PlacementsTable({ rows, ended }: { rows: Placement[]; ended: boolean }) {
  const { t } = useTranslation();
  const caption = t(ended ? 'placements.list.captionEnded' : 'placements.list.captionActive');
  return (
    <TableScroll label={caption}>
      <table className="table table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('placements.list.name')}</th>
            <th scope="col">{t('placements.list.kind')}</th>
            <th scope="col">{t('placements.list.provider')}</th>
            <th scope="col">{t('placements.list.decidedOn')}</th>
            <th scope="col">{t('placements.list.startedOn')}</th>
            <th scope="col">{t(ended ? 'placements.list.endedOn' : 'placements.list.plannedEndOn')}</th>
            <th scope="col" className="text-align-right">
              {t('placements.list.monthlyCost')}
            </th>
            <th scope="col">{t('placements.list.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/borgere/${p.citizenId}`}>{p.name ?? t('placements.unnamed')}</Link>
              </td>
              <td>{t(`placements.kindsShort.${p.kind}`)}</td>
              <td>{p.provider}</td>
              <td>
                <DateText value={p.decidedOn} />
              </td>
              <td>
                {p.startedOn ? (
                  <DateText value={p.startedOn} />
                ) : (
                  <>
                    {t('placements.list.plannedPrefix')} <DateText value={p.plannedMoveInOn} />
                  </>
                )}
              </td>
              <td>
                {ended ? (
                  <DateText value={p.endedOn} />
                ) : p.plannedEndOn ? (
                  <DateText value={p.plannedEndOn} />
                ) : (
                  <NoValue />
                )}
              </td>
              <td className="text-align-right">{formatKroner(t, p.monthlyCost)}</td>
              <td>
                <StateCell p={p} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** /botilbud: § 107 (temporary) and § 108 (long-term) placements, their decisions, moves in and out. */
export function PlacementsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const ended = params.get('vis') === 'afsluttede';
  const query = usePlacements(ended ? 'ended' : 'active');
  const [notice, setNotice] = useState<Notice | null>(null);
  const manage = hasPermission(useSession().data?.user, 'placements.manage');
  return (
    <Page title={t('placements.title')}>
      <p className="font-lead">{t('placements.intro')}</p>
      <NoticeArea notice={notice} headingLevel={2} />
      <PageTasks />
      {manage ? (
        <Section id="placement-new" heading={t('placements.create.heading')}>
          <NewPlacementForm onDone={setNotice} />
        </Section>
      ) : null}
      <Section id="placement-list" heading={t('placements.list.heading')}>
        <nav aria-label={t('placements.list.filter')}>
          <ul className="nobullet-list">
            <li>
              <Link to="/botilbud" aria-current={ended ? undefined : 'page'}>
                {t('placements.list.active')}
              </Link>
            </li>
            <li>
              <Link to="/botilbud?vis=afsluttede" aria-current={ended ? 'page' : undefined}>
                {t('placements.list.ended')}
              </Link>
            </li>
          </ul>
        </nav>
        <QueryState
          query={query}
          loadingText={t('placements.loading')}
          empty={<p>{t(ended ? 'placements.list.noneEnded' : 'placements.list.noneActive')}</p>}
          isEmpty={(rows) => rows.length === 0}
        >
          {(rows) => (
            <>
              <PlacementsTable rows={rows} ended={ended} />
              {manage && !ended
                ? rows.map((p) => (
                    <div key={p.id}>
                      {p.startedOn === null ? <StartForm placement={p} onDone={setNotice} /> : null}
                      <EndForm placement={p} onDone={setNotice} />
                    </div>
                  ))
                : null}
            </>
          )}
        </QueryState>
      </Section>
    </Page>
  );
}
