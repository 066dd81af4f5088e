import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SITUATIONS_AFTER } from '../../../shared/placements/model';
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
import { useCitizenChoice } from './citizen-search';
import {
  type SkaevUnit,
  useCreateUnit,
  useEndTenancy,
  useSkaeveBoliger,
  useStartTenancy,
} from './placements.api';

type OnDone = (notice: Notice) => void;

/** A new unit in the register (the administrator). */
function NewUnitForm({ onDone }: { onDone: OnDone }) {
  const { t } = useTranslation();
  const create = useCreateUnit();
  const form = useForm({
    formKey: 'skaeve.create',
    initial: () => ({
      name: '',
      address: '',
      project: 'Thorsholm',
      rooms: '1',
      monthlyRent: '',
      socialCaretaker: 'yes',
    }),
    fields: {
      name: { id: 'unit-name', label: t('skaeve.fields.name') },
      address: { id: 'unit-address', label: t('skaeve.fields.address') },
      project: { id: 'unit-project', label: t('skaeve.fields.project') },
      rooms: { id: 'unit-rooms', label: t('skaeve.fields.rooms') },
      monthlyRent: { id: 'unit-rent', label: t('skaeve.fields.monthlyRent') },
      socialCaretaker: { id: 'unit-caretaker', label: t('skaeve.fields.socialCaretaker') },
    },
    serverErrors: { SKAEV_UNIT_NAME_TAKEN: { path: 'name', code: 'taken' } },
  });
  const { values } = form;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const problems: FieldError[] = [];
    const name = optionalText(values.name);
    if (!name) problems.push({ path: 'name', code: 'required' });
    const address = optionalText(values.address);
    if (!address) problems.push({ path: 'address', code: 'required' });
    const project = optionalText(values.project);
    if (!project) problems.push({ path: 'project', code: 'required' });
    const rooms = readNumber(values.rooms, 'positiveCount', 'rooms', problems);
    const monthlyRent = readNumber(values.monthlyRent, 'kroner', 'monthlyRent', problems);
    if (
      form.failed(problems) ||
      !name ||
      !address ||
      !project ||
      rooms === undefined ||
      monthlyRent === undefined
    )
      return;
    settle(
      create,
      { name, address, project, rooms, monthlyRent, socialCaretaker: values.socialCaretaker === 'yes' },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'skaeve.create.done', params: { name } });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('skaeve.create.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField {...form.field('name')} hint={t('skaeve.fields.nameHint')} />
        <TextField {...form.field('address')} autoComplete="off" />
        <TextField {...form.field('project')} />
        <TextField {...form.field('rooms')} inputMode="numeric" widthClass="input-width-xs" />
        <TextField {...form.field('monthlyRent')} inputMode="decimal" widthClass="input-width-s" />
        <RadioGroup
          {...form.radio('socialCaretaker')}
          options={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
          inline
        />
        <button type="submit" className="button button-primary">
          {t('skaeve.create.submit')}
        </button>
        {create.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** Lets a vacant unit to a citizen from a date. */
function LetForm({ unit, onDone }: { unit: SkaevUnit; onDone: OnDone }) {
  const { t } = useTranslation();
  const start = useStartTenancy();
  const choice = useCitizenChoice(`let-${unit.id}`);
  const form = useForm({
    formKey: 'skaeve.let',
    initial: () => ({ citizenId: '', fromDate: todayText() }),
    fields: {
      citizenId: { id: `let-citizen-${unit.id}`, label: t('skaeve.fields.tenant') },
      fromDate: { id: `let-from-${unit.id}`, label: t('skaeve.fields.fromDate') },
    },
    serverErrors: {
      SKAEV_CITIZEN_HAS_TENANCY: { path: 'citizenId', code: 'has_tenancy' },
      SKAEV_UNIT_LET: { path: 'fromDate', code: 'unit_let' },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (start.isPending) return;
    const problems: FieldError[] = [];
    if (!form.values.citizenId) problems.push({ path: 'citizenId', code: 'required' });
    const fromDate = readDate(form.values.fromDate, 'fromDate', problems, true);
    notInFuture(fromDate, 'fromDate', problems);
    if (form.failed(problems) || !fromDate) return;
    settle(
      start,
      { unitId: unit.id, citizenId: form.values.citizenId, fromDate },
      {
        onSuccess: () => {
          form.clear();
          onDone({ kind: 'success', key: 'skaeve.let.done', params: { unit: unit.name } });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('skaeve.let.summary', { unit: unit.name })}>
      {choice.searchForm}
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        {choice.options.length > 0 ? (
          <RadioGroup {...form.radio('citizenId')} options={choice.options} />
        ) : (
          <p id={`let-citizen-${unit.id}`}>
            {form.field('citizenId').error ? (
              <span className="form-error-message">{form.field('citizenId').error}</span>
            ) : (
              t('placements.search.first')
            )}
          </p>
        )}
        <DateField {...form.field('fromDate')} />
        <button type="submit" className="button button-primary">
          {t('skaeve.let.submit')}
        </button>
      </form>
    </FormDetails>
  );
}

/** Ends the unit's tenancy, confirmed first; the tenant's whereabouts become the situation chosen. */
function EndTenancyForm({ unit, onDone }: { unit: SkaevUnit; onDone: OnDone }) {
  const { t } = useTranslation();
  const end = useEndTenancy();
  const tenancy = unit.tenancy;
  const name = tenancy?.name ?? t('placements.unnamed');
  const form = useForm({
    formKey: 'skaeve.end',
    initial: () => ({ toDate: todayText(), situationAfter: '', reason: '' }),
    fields: {
      toDate: { id: `tenancy-end-${unit.id}`, label: t('skaeve.fields.toDate') },
      situationAfter: { id: `tenancy-to-${unit.id}`, label: t('placements.fields.situationAfter') },
      reason: { id: `tenancy-reason-${unit.id}`, label: t('skaeve.fields.endReason') },
    },
    serverErrors: { SKAEV_END_BEFORE_START: { path: 'toDate', code: 'before_start' } },
  });
  const confirm = useConfirmedMutation(end, {
    onSuccess: () => {
      form.clear();
      onDone({ kind: 'success', key: 'skaeve.end.done', params: { name, unit: unit.name } });
    },
    onError: form.reportError,
  });
  const confirming = confirm.pending;
  if (!tenancy) return null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const toDate = readDate(form.values.toDate, 'toDate', problems, true);
    notInFuture(toDate, 'toDate', problems);
    if (toDate && toDate < tenancy.fromDate) problems.push({ path: 'toDate', code: 'before_start' });
    const situationAfter = SITUATIONS_AFTER.find((s) => s === form.values.situationAfter);
    if (!situationAfter) problems.push({ path: 'situationAfter', code: 'required' });
    if (form.failed(problems) || !toDate || !situationAfter) return;
    const reason = optionalText(form.values.reason);
    confirm.ask({ tenancyId: tenancy.id, toDate, situationAfter, ...(reason ? { reason } : {}) });
  };
  return (
    <FormDetails summary={t('skaeve.end.summary', { name, unit: unit.name })}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('toDate')} />
        <SelectField
          {...form.field('situationAfter')}
          placeholder={t('placements.fields.situationPlaceholder')}
          options={SITUATIONS_AFTER.map((s) => ({ value: s, label: t(`situations.${s}`) }))}
        />
        <TextAreaField {...form.field('reason')} rows={2} />
        <button type="submit" className="button button-secondary">
          {t('skaeve.end.submit')}
        </button>
      </form>
      <ConfirmDialog
        {...confirm.dialog}
        heading={t('skaeve.end.confirmHeading', { name, unit: unit.name })}
        confirmLabel={t('skaeve.end.confirm')}
        cancelLabel={t('common.cancel')}
      >
        <p>
          {t('skaeve.end.confirmText', {
            name,
            date: confirming ? isoToDanishDate(confirming.toDate) : '',
            situation: confirming ? t(`situations.${confirming.situationAfter}`) : '',
          })}
        </p>
      </ConfirmDialog>
    </FormDetails>
  );
}

/** /skaeve-boliger: the unit register with each unit's tenant (vacant units first) and the tenancies. */
export function SkaeveBoligerPage() {
  const { t } = useTranslation();
  const query = useSkaeveBoliger();
  const [notice, setNotice] = useState<Notice | null>(null);
  const user = useSession().data?.user;
  const manage = hasPermission(user, 'placements.manage');
  const units = hasPermission(user, 'placements.units');
  return (
    <Page title={t('skaeve.title')}>
      <p className="font-lead">{t('skaeve.intro')}</p>
      <NoticeArea notice={notice} headingLevel={2} />
      <QueryState query={query} loadingText={t('skaeve.loading')} isEmpty={() => false}>
        {(data) => {
          const vacant = data.units.filter((u) => u.tenancy === null).length;
          return (
            <>
              <Section id="skaeve-units" heading={t('skaeve.units.heading')}>
                {data.units.length === 0 ? (
                  <p>{t(units ? 'skaeve.units.noneAdmin' : 'skaeve.units.none')}</p>
                ) : (
                  <>
                    <p>{t('skaeve.units.summary', { count: data.units.length, vacant })}</p>
                    <TableScroll label={t('skaeve.units.caption')}>
                      <table className="table table--compact">
                        <caption className="sr-only">{t('skaeve.units.caption')}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('skaeve.units.unit')}</th>
                            <th scope="col">{t('skaeve.fields.project')}</th>
                            <th scope="col">{t('skaeve.fields.address')}</th>
                            <th scope="col">{t('skaeve.fields.rooms')}</th>
                            <th scope="col" className="text-align-right">
                              {t('skaeve.fields.monthlyRent')}
                            </th>
                            <th scope="col">{t('skaeve.units.caretaker')}</th>
                            <th scope="col">{t('skaeve.units.tenant')}</th>
                            <th scope="col">{t('skaeve.units.since')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {data.units.map((u) => (
                            <tr key={u.id}>
                              <td>{u.name}</td>
                              <td>{u.project}</td>
                              <td>{u.address}</td>
                              <td>{u.rooms}</td>
                              <td className="text-align-right">{formatKroner(t, u.monthlyRent)}</td>
                              <td>{u.socialCaretaker ? t('common.yes') : t('common.no')}</td>
                              <td>
                                {u.tenancy ? (
                                  <Link to={`/borgere/${u.tenancy.citizenId}`}>
                                    {u.tenancy.name ?? t('placements.unnamed')}
                                  </Link>
                                ) : (
                                  <strong>{t('skaeve.units.vacant')}</strong>
                                )}
                              </td>
                              <td>{u.tenancy ? <DateText value={u.tenancy.fromDate} /> : <NoValue />}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </TableScroll>
                    {manage
                      ? data.units.map((u) =>
                          u.tenancy ? (
                            <EndTenancyForm key={u.id} unit={u} onDone={setNotice} />
                          ) : (
                            <LetForm key={u.id} unit={u} onDone={setNotice} />
                          ),
                        )
                      : null}
                  </>
                )}
              </Section>
              {units ? (
                <Section id="skaeve-new" heading={t('skaeve.create.heading')}>
                  <NewUnitForm onDone={setNotice} />
                </Section>
              ) : null}
              <Section id="skaeve-ended" heading={t('skaeve.ended.heading')}>
                {data.ended.length === 0 ? (
                  <p>{t('skaeve.ended.none')}</p>
                ) : (
                  <TableScroll label={t('skaeve.ended.caption')}>
                    <table className="table table--compact">
                      <caption className="sr-only">{t('skaeve.ended.caption')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('skaeve.units.unit')}</th>
                          <th scope="col">{t('skaeve.units.tenant')}</th>
                          <th scope="col">{t('skaeve.fields.fromDate')}</th>
                          <th scope="col">{t('skaeve.fields.toDate')}</th>
                          <th scope="col">{t('skaeve.fields.endReason')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.ended.map((e) => (
                          <tr key={e.id}>
                            <td>{e.unitName}</td>
                            <td>{e.name ?? t('placements.unnamed')}</td>
                            <td>
                              <DateText value={e.fromDate} />
                            </td>
                            <td>
                              <DateText value={e.toDate} />
                            </td>
                            <td>{e.endReason ?? <NoValue />}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                )}
              </Section>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
