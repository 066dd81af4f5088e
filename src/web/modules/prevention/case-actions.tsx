/** The actions on an eviction case: the list, the forms to record one and a fast-track answer, and the deposit loan check. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { depositLoanMandatory } from '../../../shared/prevention/clocks';
import { ACTION_KINDS, type ActionKind, HELP_KINDS } from '../../../shared/prevention/model';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { QueryState } from '../../components/query-state';
import { notInFuture, optionalText, readDate, readNumber } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { currentYear, formatKroner, isoToDanishDate, todayText } from '../../i18n/format';
import {
  type ActionView,
  type CaseDetail,
  usePreventionSettings,
  useRecordAction,
  useRecordResponse,
} from './prevention.api';

type OnDone = (notice: Notice) => void;

function responseText(t: ReturnType<typeof useTranslation>['t'], action: ActionView) {
  if (action.kind !== 'fast_track') return <NoValue />;
  if (action.respondedOn)
    return t('evictionCase.actions.responded', { date: isoToDanishDate(action.respondedOn) });
  if (action.respondBy)
    return t('evictionCase.actions.respondBy', { date: isoToDanishDate(action.respondBy) });
  return t('evictionCase.actions.awaiting');
}

function ActionsTable({ actions }: { actions: ActionView[] }) {
  const { t } = useTranslation();
  if (actions.length === 0) return <p>{t('evictionCase.actions.none')}</p>;
  const caption = t('evictionCase.actions.caption', { count: actions.length });
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evictionCase.actions.doneOn')}</th>
            <th scope="col">{t('evictionCase.actions.kind')}</th>
            <th scope="col">{t('evictionCase.actions.result')}</th>
            <th scope="col" className="align-text-right">
              {t('evictionCase.actions.amount')}
            </th>
            <th scope="col">{t('evictionCase.actions.response')}</th>
            <th scope="col">{t('evictionCase.actions.by')}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={action.id}>
              <td>
                <DateText value={action.doneOn} />
              </td>
              <th scope="row">{t(`prevention.actions.${action.kind}`)}</th>
              <td className="prewrap">{action.result ?? <NoValue />}</td>
              <td className="align-text-right nowrap">
                {action.amount === null ? <NoValue /> : formatKroner(t, action.amount)}
              </td>
              <td>{responseText(t, action)}</td>
              <td>{action.createdByName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** "Svar modtaget": the benefits office has answered a fast-track request. */
function ResponseForm({ action, onDone }: { action: ActionView; onDone: OnDone }) {
  const { t } = useTranslation();
  const respond = useRecordResponse();
  const fieldId = `response-${action.id}`;
  const form = useForm({
    formKey: 'evictionCase.response',
    initial: () => ({ respondedOn: todayText() }),
    fields: { respondedOn: { id: fieldId, label: t('evictionCase.response.respondedOn') } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (respond.isPending) return;
    const problems: FieldError[] = [];
    const date = readDate(form.values.respondedOn, 'respondedOn', problems, true);
    notInFuture(date, 'respondedOn', problems);
    if (form.failed(problems) || date === undefined) return;
    settle(
      respond,
      { actionId: action.id, respondedOn: date },
      {
        onSuccess: () => {
          form.clear();
          onDone({
            kind: 'success',
            key: 'evictionCase.response.done',
            params: { date: isoToDanishDate(date) },
          });
        },
        onError: form.reportError,
      },
    );
  };
  const headingId = `${fieldId}-heading`;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={headingId} className="mt-5">
      <h3 id={headingId}>
        {t('evictionCase.response.heading', {
          date: isoToDanishDate(action.doneOn),
          respondBy: action.respondBy ? isoToDanishDate(action.respondBy) : '–',
        })}
      </h3>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <DateField {...form.field('respondedOn')} />
      <button type="submit" className="button button-secondary">
        {t('evictionCase.response.submit')}
      </button>
      {respond.isPending ? <Loading text={t('common.saving')} /> : null}
    </form>
  );
}

function ActionForm({ detail, onDone }: { detail: CaseDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const record = useRecordAction(detail.id);
  const form = useForm({
    formKey: 'evictionCase.action',
    initial: () => ({ kind: '', doneOn: todayText(), result: '', amount: '', respondBy: '' }),
    fields: {
      kind: { id: 'action-kind', label: t('evictionCase.action.kind') },
      doneOn: { id: 'action-done', label: t('evictionCase.action.doneOn') },
      amount: { id: 'action-amount', label: t('evictionCase.action.amount') },
      respondBy: { id: 'action-respond-by', label: t('evictionCase.action.respondBy') },
      result: { id: 'action-result', label: t('evictionCase.action.result') },
    },
    mapServerField: (field) =>
      field.path === 'amount' && ['too_small', 'too_short'].includes(field.code)
        ? { path: 'amount', code: 'kroner' }
        : null,
  });
  const { values } = form;
  const kind = values.kind as ActionKind | '';
  const isHelp = kind !== '' && HELP_KINDS.includes(kind);
  const isFastTrack = kind === 'fast_track';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    const problems: FieldError[] = [];
    if (kind === '') problems.push({ path: 'kind', code: 'required' });
    const doneOn = readDate(values.doneOn, 'doneOn', problems, true);
    notInFuture(doneOn, 'doneOn', problems);
    const amount = isHelp ? readNumber(values.amount, 'kroner', 'amount', problems, false) : undefined;
    const respondBy = isFastTrack ? readDate(values.respondBy, 'respondBy', problems, true) : undefined;
    if (doneOn && respondBy && respondBy < doneOn) problems.push({ path: 'respondBy', code: 'before_done' });
    if (form.failed(problems) || kind === '' || doneOn === undefined) return;
    settle(
      record,
      {
        kind,
        doneOn,
        result: optionalText(values.result) ?? null,
        amount: amount ?? null,
        respondBy: respondBy ?? null,
      },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({
            kind: 'success',
            key: 'evictionCase.action.done',
            params: { action: t(`prevention.actions.${kind}`) },
          });
        },
        onError: form.reportError,
      },
    );
  };

  return (
    <FormDetails summary={t('evictionCase.action.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('kind')}
          placeholder={t('evictionCase.action.kindPlaceholder')}
          options={ACTION_KINDS.map((k) => ({ value: k, label: t(`prevention.actions.${k}`) }))}
        />
        <DateField {...form.field('doneOn')} />
        {isHelp ? (
          <TextField
            {...form.field('amount')}
            hint={t('evictionCase.action.amountHint')}
            inputMode="decimal"
            autoComplete="off"
            widthClass="input-width-s"
          />
        ) : null}
        {isFastTrack ? (
          <DateField
            {...form.field('respondBy')}
            hint={`${t('evictionCase.action.respondByHint')} ${t('form.dateHint')}`}
          />
        ) : null}
        <TextAreaField {...form.field('result')} hint={t('evictionCase.action.resultHint')} />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('evictionCase.action.submit')}
          </button>
        </div>
        {record.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** Rule 30: whether the household's income makes the deposit loan mandatory, with the year's limit. */
function DepositLoanCheck({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const settings = usePreventionSettings();
  const form = useForm({
    formKey: 'evictionCase.depositLoan',
    initial: () => ({
      income: '',
      children: detail.childrenUnder18 ? '' : '0',
      year: String(currentYear()),
    }),
    fields: {
      income: { id: 'deposit-income', label: t('evictionCase.depositLoan.income') },
      children: { id: 'deposit-children', label: t('evictionCase.depositLoan.children') },
      year: { id: 'deposit-year', label: t('evictionCase.depositLoan.year') },
    },
  });
  const { values } = form;
  const [result, setResult] = useState<{
    income: number;
    children: number;
    year: number;
    answer: ReturnType<typeof depositLoanMandatory>;
  } | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!settings.data) return;
    const problems: FieldError[] = [];
    const income = readNumber(values.income, 'kroner', 'income', problems);
    const children = readNumber(values.children, 'count', 'children', problems);
    const year = readNumber(values.year, 'positiveCount', 'year', problems);
    if (form.failed(problems) || income === undefined || children === undefined || year === undefined) {
      setResult(null);
      return;
    }
    form.clear();
    setResult({
      income,
      children,
      year,
      answer: depositLoanMandatory(income, children, year, settings.data.depositLoanLimits),
    });
  };
  return (
    <FormDetails summary={t('evictionCase.depositLoan.summary')}>
      <p>{t('evictionCase.depositLoan.intro')}</p>
      <QueryState query={settings} headingLevel={3} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          {...form.field('income')}
          hint={t('evictionCase.depositLoan.incomeHint')}
          inputMode="decimal"
          autoComplete="off"
          widthClass="input-width-s"
        />
        <TextField
          {...form.field('children')}
          inputMode="numeric"
          autoComplete="off"
          widthClass="input-width-xs"
        />
        <TextField
          {...form.field('year')}
          inputMode="numeric"
          autoComplete="off"
          widthClass="input-width-xs"
        />
        <button type="submit" className="button button-secondary" disabled={!settings.data}>
          {t('evictionCase.depositLoan.submit')}
        </button>
      </form>
      <div role="status" className="mt-5">
        {result ? (
          result.answer === null ? (
            <p>{t('evictionCase.depositLoan.noLimit', { year: result.year })}</p>
          ) : (
            <p>
              <strong>
                {result.answer.mandatory
                  ? t('evictionCase.depositLoan.mandatory')
                  : t('evictionCase.depositLoan.notMandatory')}
              </strong>{' '}
              {t(
                result.answer.mandatory ? 'evictionCase.depositLoan.below' : 'evictionCase.depositLoan.above',
                {
                  income: formatKroner(t, result.income),
                  limit: formatKroner(t, result.answer.limit),
                  year: result.answer.limitYear,
                  count: result.children,
                },
              )}
            </p>
          )
        ) : null}
      </div>
    </FormDetails>
  );
}

export function ActionsSection({ detail, canManage }: { detail: CaseDetail; canManage: boolean }) {
  const { t } = useTranslation();
  // The result shows in this section, which stays while the forms are replaced.
  const [notice, onDone] = useState<Notice | null>(null);
  const open = detail.status === 'open';
  const awaiting = detail.actions.filter((a) => a.kind === 'fast_track' && !a.respondedOn);
  return (
    <Section id="eviction-case-actions" heading={t('evictionCase.actions.heading')}>
      <NoticeArea notice={notice} />
      <ActionsTable actions={detail.actions} />
      {canManage && open
        ? awaiting.map((action) => <ResponseForm key={action.id} action={action} onDone={onDone} />)
        : null}
      {canManage && open ? <ActionForm detail={detail} onDone={onDone} /> : null}
      <DepositLoanCheck detail={detail} />
    </Section>
  );
}
