import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue, TeamView, WorkerView } from '../../../shared/support/api';
import { LEGAL_BASES, METHODS, type Method } from '../../../shared/support/model';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { CheckboxField } from '../../components/checkbox-field';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { readDate, readNumber } from '../../components/read-field';
import { Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { formatKroner, todayText } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import {
  useCatalogue,
  useCreateTeam,
  useCreateWorker,
  useSaveContactGap,
  useSaveMethodSettings,
  useTeams,
  useUpdateWorker,
  useWorkers,
} from './support.api';

function CatalogueTable({ catalogue }: { catalogue: Catalogue }) {
  const { t } = useTranslation();
  const caption = t('supportCatalogue.caption');
  const rows = catalogue.methods.flatMap((m) =>
    m.history.map((s) => ({ ...s, current: s === m.current || s.validFrom === m.current.validFrom })),
  );
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('support.fields.method')}</th>
            <th scope="col">{t('supportCatalogue.fields.validFrom')}</th>
            <th scope="col">{t('support.fields.legalBasis')}</th>
            <th scope="col" className="align-text-right">
              {t('supportCatalogue.fields.caseloadNorm')}
            </th>
            <th scope="col">{t('supportCatalogue.fields.ctiPattern')}</th>
            <th scope="col">{t('supportCatalogue.fields.leaseRequired')}</th>
            <th scope="col" className="align-text-right">
              {t('supportCatalogue.fields.monthlyCost')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={`${s.method}-${s.validFrom}`}>
              <th scope="row">
                {t(`support.methods.${s.method}`)}
                {s.current ? <span className="sr-only"> ({t('supportCatalogue.current')})</span> : null}
              </th>
              <td className="nowrap">
                <DateText value={s.validFrom} />
              </td>
              <td>{t(`support.legalBases.${s.legalBasis}`)}</td>
              <td className="align-text-right">{s.caseloadNorm ?? <NoValue />}</td>
              <td>
                {s.phaseIntervalDays ? (
                  t('supportCatalogue.pattern', {
                    building: s.contactBuildingDays ?? 0,
                    p1: s.phaseIntervalDays[0],
                    p2: s.phaseIntervalDays[1],
                    p3: s.phaseIntervalDays[2],
                  })
                ) : (
                  <NoValue />
                )}
              </td>
              <td>{s.leaseRequired ? t('common.yes') : t('common.no')}</td>
              <td className="align-text-right nowrap">
                {s.monthlyCost === null ? <NoValue /> : formatKroner(t, s.monthlyCost)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function MethodForm({ catalogue, onDone }: { catalogue: Catalogue; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const save = useSaveMethodSettings();
  const fromCurrent = (method: Method) => {
    const s = catalogue.methods.find((m) => m.method === method)?.current;
    return {
      method,
      validFrom: todayText(),
      legalBasis: s?.legalBasis ?? 's85a',
      caseloadNorm: s?.caseloadNorm?.toString() ?? '',
      contactBuildingDays: s?.contactBuildingDays?.toString() ?? '',
      phase1: s?.phaseIntervalDays?.[0].toString() ?? '',
      phase2: s?.phaseIntervalDays?.[1].toString() ?? '',
      phase3: s?.phaseIntervalDays?.[2].toString() ?? '',
      leaseRequired: s?.leaseRequired ?? false,
      monthlyCost: s?.monthlyCost?.toString() ?? '',
    };
  };
  const label = (key: string) => t(`supportCatalogue.fields.${key}`);
  const form = useForm({
    formKey: 'supportCatalogue',
    initial: () => fromCurrent('cti'),
    fields: {
      method: { id: 'norm-method', label: t('support.fields.method') },
      validFrom: { id: 'norm-valid-from', label: label('validFrom') },
      legalBasis: { id: 'norm-legal-basis', label: t('support.fields.legalBasis') },
      caseloadNorm: { id: 'norm-caseload', label: label('caseloadNorm') },
      contactBuildingDays: { id: 'norm-building', label: label('contactBuildingDays') },
      phase1: { id: 'norm-phase1', label: label('phase1') },
      phase2: { id: 'norm-phase2', label: label('phase2') },
      phase3: { id: 'norm-phase3', label: label('phase3') },
      leaseRequired: { id: 'norm-lease', label: label('leaseRequired') },
      monthlyCost: { id: 'norm-cost', label: label('monthlyCost') },
    },
    mapServerField: (f) => {
      const m = /^phaseIntervalDays\.(\d)$/.exec(f.path);
      return m ? { path: `phase${Number(m[1]) + 1}`, code: 'positive_number' } : null;
    },
  });
  const { values } = form;
  const cti = values.method === 'cti';
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const problems: FieldError[] = [];
    const validFrom = readDate(values.validFrom, 'validFrom', problems, true);
    const norm = readNumber(values.caseloadNorm, 'positiveCount', 'caseloadNorm', problems, false);
    const building = cti
      ? readNumber(values.contactBuildingDays, 'count', 'contactBuildingDays', problems)
      : undefined;
    const p1 = cti ? readNumber(values.phase1, 'positiveCount', 'phase1', problems) : undefined;
    const p2 = cti ? readNumber(values.phase2, 'positiveCount', 'phase2', problems) : undefined;
    const p3 = cti ? readNumber(values.phase3, 'positiveCount', 'phase3', problems) : undefined;
    const cost = readNumber(values.monthlyCost, 'kroner', 'monthlyCost', problems, false);
    if (form.failed(problems) || !validFrom) return;
    settle(
      save,
      {
        method: values.method as Method,
        validFrom,
        legalBasis: values.legalBasis as (typeof LEGAL_BASES)[number],
        caseloadNorm: norm ?? null,
        contactBuildingDays: building ?? null,
        phaseIntervalDays: p1 && p2 && p3 ? ([p1, p2, p3] as [number, number, number]) : null,
        leaseRequired: values.leaseRequired,
        monthlyCost: cost ?? null,
      },
      {
        onSuccess: () => {
          form.clear();
          onDone({
            kind: 'success',
            key: 'supportCatalogue.saved',
            params: { method: t(`support.methods.${values.method}`) },
          });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <Section id="catalogue-add" heading={t('supportCatalogue.addHeading')}>
      <p>{t('supportCatalogue.addIntro')}</p>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('method')}
          onChange={(event) => form.setValues(fromCurrent(event.target.value as Method))}
          options={METHODS.map((m) => ({ value: m, label: t(`support.methods.${m}`) }))}
        />
        <DateField {...form.field('validFrom')} />
        <SelectField
          {...form.field('legalBasis')}
          options={LEGAL_BASES.map((b) => ({ value: b, label: t(`support.legalBases.${b}`) }))}
        />
        <TextField
          {...form.field('caseloadNorm')}
          hint={t('supportCatalogue.normHint')}
          inputMode="numeric"
          widthClass="input-width-xs"
        />
        {cti ? (
          <>
            <TextField
              {...form.field('contactBuildingDays')}
              inputMode="numeric"
              widthClass="input-width-xs"
            />
            <TextField {...form.field('phase1')} inputMode="numeric" widthClass="input-width-xs" />
            <TextField {...form.field('phase2')} inputMode="numeric" widthClass="input-width-xs" />
            <TextField {...form.field('phase3')} inputMode="numeric" widthClass="input-width-xs" />
          </>
        ) : null}
        <CheckboxField {...form.checkbox('leaseRequired')} />
        <TextField {...form.field('monthlyCost')} inputMode="decimal" widthClass="input-width-s" />
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('supportCatalogue.save')}
        </button>
      </form>
    </Section>
  );
}

function GapForm({ catalogue, onDone }: { catalogue: Catalogue; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const save = useSaveContactGap();
  const form = useForm({
    formKey: 'supportGap',
    initial: () => ({ validFrom: todayText(), days: String(catalogue.contactGap.current.days) }),
    fields: {
      validFrom: { id: 'gap-valid-from', label: t('supportCatalogue.fields.validFrom') },
      days: { id: 'gap-days', label: t('supportCatalogue.fields.gapDays') },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const problems: FieldError[] = [];
    const validFrom = readDate(form.values.validFrom, 'validFrom', problems, true);
    const days = readNumber(form.values.days, 'positiveCount', 'days', problems);
    if (form.failed(problems) || !validFrom || !days) return;
    settle(
      save,
      { validFrom, days },
      {
        onSuccess: () => {
          form.clear();
          onDone({ kind: 'success', key: 'supportCatalogue.gapSaved', params: { days } });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <DateField {...form.field('validFrom')} />
      <TextField {...form.field('days')} inputMode="numeric" widthClass="input-width-xs" />
      <button type="submit" className="button button-secondary" disabled={save.isPending}>
        {t('supportCatalogue.saveGap')}
      </button>
    </form>
  );
}

function TeamsSection({
  teams,
  manage,
  onDone,
}: {
  teams: TeamView[];
  manage: boolean;
  onDone: (n: Notice) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateTeam();
  const form = useForm({
    formKey: 'supportTeam',
    initial: () => ({ name: '', sharedCaseload: false }),
    fields: {
      name: { id: 'team-name', label: t('supportTeams.name') },
      sharedCaseload: { id: 'team-shared', label: t('supportTeams.shared') },
    },
  });
  const caption = t('supportTeams.caption');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const name = form.values.name.trim();
    if (form.failed(name ? [] : [{ path: 'name', code: 'required' }])) return;
    settle(
      create,
      { name, sharedCaseload: form.values.sharedCaseload },
      {
        onSuccess: () => {
          form.clear();
          form.setValues({ name: '', sharedCaseload: false });
          onDone({ kind: 'success', key: 'supportTeams.created', params: { name } });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <Section id="support-teams" heading={t('supportTeams.heading')}>
      {teams.length === 0 ? (
        <p>{t('supportTeams.none')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('supportTeams.name')}</th>
                <th scope="col">{t('supportTeams.shared')}</th>
                <th scope="col" className="align-text-right">
                  {t('supportTeams.members')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('supportTeams.fte')}
                </th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.id}>
                  <th scope="row">{team.name}</th>
                  <td>{team.sharedCaseload ? t('common.yes') : t('common.no')}</td>
                  <td className="align-text-right">{team.members}</td>
                  <td className="align-text-right">{team.fte.toLocaleString('da-DK')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {manage ? (
        <form onSubmit={onSubmit} noValidate>
          <h3>{t('supportTeams.createHeading')}</h3>
          {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
          <TextField {...form.field('name')} autoComplete="off" />
          <CheckboxField {...form.checkbox('sharedCaseload')} hint={t('supportTeams.sharedHint')} />
          <button type="submit" className="button button-secondary" disabled={create.isPending}>
            {t('supportTeams.create')}
          </button>
        </form>
      ) : null}
    </Section>
  );
}

function WorkersSection({
  workers,
  candidates,
  teams,
  manage,
  onDone,
}: {
  workers: WorkerView[];
  candidates: { userId: string; name: string }[];
  teams: TeamView[];
  manage: boolean;
  onDone: (n: Notice) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateWorker();
  const update = useUpdateWorker();
  const teamOptions = [
    { value: '', label: t('supportWorkers.noTeam') },
    ...teams.map((x) => ({ value: x.id, label: x.name })),
  ];
  const form = useForm({
    formKey: 'supportWorker',
    initial: () => ({ workerId: '', userId: '', teamId: '', fte: '1', active: true }),
    fields: {
      workerId: { id: 'worker-id', label: t('supportWorkers.worker') },
      userId: { id: 'worker-user', label: t('supportWorkers.user') },
      teamId: { id: 'worker-team', label: t('supportWorkers.team') },
      fte: { id: 'worker-fte', label: t('supportWorkers.fte') },
      active: { id: 'worker-active', label: t('supportWorkers.active') },
    },
  });
  const { values } = form;
  const caption = t('supportWorkers.caption');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const fte = Number(values.fte.replace(',', '.'));
    if (!(fte > 0 && fte <= 1)) problems.push({ path: 'fte', code: 'fte_range' });
    if (!values.workerId && !values.userId) problems.push({ path: 'userId', code: 'required' });
    if (form.failed(problems)) return;
    const teamId = values.teamId || null;
    const done = {
      onSuccess: () => {
        form.clear();
        onDone({ kind: 'success' as const, key: 'supportWorkers.saved' });
      },
      onError: form.reportError,
    };
    if (values.workerId) settle(update, { id: values.workerId, teamId, fte, active: values.active }, done);
    else settle(create, { userId: values.userId, teamId, fte }, done);
  };
  return (
    <Section id="support-workers" heading={t('supportWorkers.heading')}>
      {workers.length === 0 ? (
        <p>{t('supportWorkers.none')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('supportWorkers.worker')}</th>
                <th scope="col">{t('supportWorkers.team')}</th>
                <th scope="col" className="align-text-right">
                  {t('supportWorkers.fte')}
                </th>
                <th scope="col">{t('supportWorkers.active')}</th>
              </tr>
            </thead>
            <tbody>
              {workers.map((w) => (
                <tr key={w.id}>
                  <th scope="row">{w.name}</th>
                  <td>{w.teamName ?? <NoValue />}</td>
                  <td className="align-text-right">{w.fte.toLocaleString('da-DK')}</td>
                  <td>{w.active ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {manage ? (
        <form onSubmit={onSubmit} noValidate>
          <h3>{t('supportWorkers.formHeading')}</h3>
          {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
          <SelectField
            {...form.field('workerId')}
            onChange={(event) => {
              const w = workers.find((x) => x.id === event.target.value);
              form.setValues({
                workerId: event.target.value,
                userId: '',
                teamId: w?.teamId ?? '',
                fte: w ? String(w.fte).replace('.', ',') : '1',
                active: w?.active ?? true,
              });
            }}
            options={[
              { value: '', label: t('supportWorkers.newWorker') },
              ...workers.map((w) => ({ value: w.id, label: w.name })),
            ]}
          />
          {values.workerId ? null : (
            <SelectField
              {...form.field('userId')}
              placeholder={t('supportWorkers.chooseUser')}
              options={candidates.map((c) => ({ value: c.userId, label: c.name }))}
              hint={t('supportWorkers.userHint')}
            />
          )}
          <SelectField {...form.field('teamId')} options={teamOptions} />
          <TextField
            {...form.field('fte')}
            hint={t('supportWorkers.fteHint')}
            inputMode="decimal"
            widthClass="input-width-xs"
          />
          {values.workerId ? <CheckboxField {...form.checkbox('active')} /> : null}
          <button
            type="submit"
            className="button button-secondary"
            disabled={create.isPending || update.isPending}
          >
            {t('supportWorkers.save')}
          </button>
        </form>
      ) : null}
    </Section>
  );
}

/** /stoette/metoder: the method catalogue with dated norms; administrators also keep workers and teams. */
export function CataloguePage() {
  const { t } = useTranslation();
  const manage = hasPermission(useSession().data?.user, 'support.manage');
  const catalogue = useCatalogue();
  const teams = useTeams();
  const workers = useWorkers();
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <Page title={t('supportCatalogue.title')}>
      <p className="font-lead">{t('supportCatalogue.intro')}</p>
      <NoticeArea notice={notice} />
      <QueryState query={catalogue}>
        {(data) => (
          <>
            <Section id="catalogue-norms" heading={t('supportCatalogue.normsHeading')}>
              <CatalogueTable catalogue={data} />
            </Section>
            <Section id="catalogue-gap" heading={t('supportCatalogue.gapHeading')}>
              <p>
                {t('supportCatalogue.gapText', { days: data.contactGap.current.days })}{' '}
                <DateText value={data.contactGap.current.validFrom} />
              </p>
              {manage ? <GapForm catalogue={data} onDone={setNotice} /> : null}
            </Section>
            {manage ? <MethodForm catalogue={data} onDone={setNotice} /> : null}
          </>
        )}
      </QueryState>
      <QueryState query={teams}>
        {(data) => <TeamsSection teams={data.items} manage={manage} onDone={setNotice} />}
      </QueryState>
      <QueryState query={workers}>
        {(data) => (
          <WorkersSection
            workers={data.workers}
            candidates={data.candidates}
            teams={teams.data?.items ?? []}
            manage={manage}
            onDone={setNotice}
          />
        )}
      </QueryState>
    </Page>
  );
}
