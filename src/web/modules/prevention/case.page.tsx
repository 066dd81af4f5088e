import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { depositLoanMandatory } from '../../../shared/prevention/clocks';
import {
  ACTION_KINDS,
  type ActionKind,
  AVERTED,
  HELP_KINDS,
  OUTCOMES,
  type Outcome,
} from '../../../shared/prevention/model';
import { ApiError, type FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import { useFormProblems } from '../../components/form-problems';
import { Icon } from '../../components/icon';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { RadioGroup } from '../../components/radio-group';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { errorMessage } from '../../i18n/errors';
import { formatDate, isoToDanishDate } from '../../i18n/format';
import { hasPermission, useSession } from '../access/session';
import { settle } from '../allocation/vacancies.api';
import {
  DateText,
  type Notice,
  NoticeArea,
  notInFuture,
  optionalText,
  readDate,
  todayText,
  YesNoText,
} from '../citizens/citizen-format';
import { type Fact, Facts, FormDetails, Section } from '../citizens/citizen-layout';
import {
  currentYear,
  formatKroner,
  formatWhole,
  mapFieldErrors,
  readNumber,
} from '../housing/housing-format';
import { isNoticeCreatedState } from './create-notice.page';
import {
  type ActionView,
  type CaseDetail,
  letterHref,
  useCase,
  usePreventionSettings,
  useRecordAction,
  useRecordDecision,
  useRecordOutcome,
  useRecordResponse,
} from './prevention.api';
import { arrearsText, ChildrenBadge, DutyList, PlaceText } from './prevention-format';

type OnDone = (notice: Notice) => void;

/** The tenant's name, linked to the citizen page when the case has a citizen and the user may read it. */
function CitizenLink({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const canRead = hasPermission(useSession().data?.user, 'citizens.read');
  if (!detail.citizenId) return <>{t('evictionCase.facts.noCitizen')}</>;
  if (!canRead) return <>{t('evictionCase.facts.citizenLinked')}</>;
  return (
    <Link to={`/borgere/${encodeURIComponent(detail.citizenId)}`}>
      {t('evictionCase.facts.toCitizen', { name: detail.tenantName })}
    </Link>
  );
}

function FactsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const items: Fact[] = [
    {
      label: t('evictionCase.facts.status'),
      value: detail.status === 'open' ? t('evictionCase.facts.open') : t('evictionCase.facts.closed'),
    },
    { label: t('evictionCase.facts.tenant'), value: detail.tenantName },
    { label: t('evictionCase.facts.citizen'), value: <CitizenLink detail={detail} /> },
    { label: t('evictionCase.facts.address'), value: detail.address },
    {
      label: t('evictionCase.facts.place'),
      value: <PlaceText organisationName={detail.organisationName} departmentName={detail.departmentName} />,
    },
    {
      label: t('evictionCase.facts.children'),
      value: detail.childrenUnder18 ? <ChildrenBadge /> : t('common.no'),
    },
    { label: t('evictionCase.facts.knownNeed'), value: <YesNoText value={detail.knownNeed} /> },
    { label: t('evictionCase.facts.openedOn'), value: <DateText value={detail.openedOn} /> },
    { label: t('evictionCase.facts.step'), value: t(`prevention.steps.${detail.step}`) },
    {
      label: t('evictionCase.facts.sources'),
      value: detail.sources.map((s) => t(`prevention.sources.${s}`)).join(', ') || <NoValue />,
    },
    { label: t('evictionCase.facts.arrears'), value: arrearsText(t, detail.arrearsAmount) },
    { label: t('evictionCase.facts.evictionDate'), value: <DateText value={detail.evictionDate} /> },
  ];
  if (detail.noHelpDecisionOn)
    items.push(
      {
        label: t('evictionCase.facts.noHelpDecisionOn'),
        value: <DateText value={detail.noHelpDecisionOn} />,
      },
      { label: t('evictionCase.facts.noHelpReason'), value: detail.noHelpReason ?? <NoValue /> },
    );
  if (detail.status === 'closed')
    items.push(
      {
        label: t('evictionCase.facts.outcome'),
        value: detail.outcome ? t(`prevention.outcomes.${detail.outcome}`) : <NoValue />,
      },
      { label: t('evictionCase.facts.outcomeOn'), value: <DateText value={detail.outcomeOn} /> },
      { label: t('evictionCase.facts.outcomeNote'), value: detail.outcomeNote ?? <NoValue /> },
      {
        label: t('evictionCase.facts.daysToOutcome'),
        value:
          detail.daysToOutcome === null ? (
            <NoValue />
          ) : (
            t('evictionCase.facts.days', {
              count: detail.daysToOutcome,
              days: formatWhole(detail.daysToOutcome),
            })
          ),
      },
    );
  return (
    <Section id="eviction-case-facts" heading={t('evictionCase.facts.heading')}>
      <Facts items={items} label={t('evictionCase.facts.heading')} />
      <p>
        <a href={letterHref(detail.id)} className="function-link" download>
          <Icon name="file-pdf" />
          {t('evictionCase.letter')}
        </a>
      </p>
    </Section>
  );
}

function DutiesSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Section id="eviction-case-duties" heading={t('evictionCase.duties.heading')}>
      <p>{t('evictionCase.duties.intro')}</p>
      {detail.duties.length === 0 ? (
        <p>{detail.status === 'open' ? t('evictionCase.duties.none') : t('evictionCase.duties.closed')}</p>
      ) : (
        <DutyList duties={detail.duties} law />
      )}
    </Section>
  );
}

function NoticesSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const caption = t('evictionCase.notices.caption', { count: detail.noticeList.length });
  return (
    <Section id="eviction-case-notices" heading={t('evictionCase.notices.heading')}>
      <TableScroll label={caption}>
        <table className="table table--zebra table--compact">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evictionCase.notices.receivedOn')}</th>
              <th scope="col">{t('evictionCase.notices.source')}</th>
              <th scope="col">{t('evictionCase.notices.step')}</th>
              <th scope="col" className="align-text-right">
                {t('evictionCase.notices.arrears')}
              </th>
              <th scope="col">{t('evictionCase.notices.paakravOn')}</th>
              <th scope="col">{t('evictionCase.notices.paakravDeadline')}</th>
              <th scope="col">{t('evictionCase.notices.terminationOn')}</th>
              <th scope="col">{t('evictionCase.notices.bailiffFiledOn')}</th>
              <th scope="col">{t('evictionCase.notices.evictionDate')}</th>
              <th scope="col">{t('evictionCase.notices.reported')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.noticeList.map((notice) => (
              <tr key={notice.id}>
                <th scope="row">
                  <DateText value={notice.receivedOn} />
                </th>
                <td>{t(`prevention.sources.${notice.source}`)}</td>
                <td>{t(`prevention.steps.${notice.step}`)}</td>
                <td className="align-text-right nowrap">
                  {arrearsText(t, notice.arrearsAmount, notice.arrearsMonths)}
                </td>
                <td>
                  <DateText value={notice.paakravOn} />
                </td>
                <td>
                  <DateText value={notice.paakravDeadline} />
                </td>
                <td>
                  <DateText value={notice.terminationOn} />
                </td>
                <td>
                  <DateText value={notice.bailiffFiledOn} />
                </td>
                <td>
                  <DateText value={notice.evictionDate} />
                </td>
                <td>
                  {t('evictionCase.notices.reportedBy', {
                    via: t(`evictionCase.notices.via.${notice.reportedVia}`),
                    name: notice.reportedByName,
                    date: formatDate(notice.createdAt),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

// ---- actions ----

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
  const [respondedOn, setRespondedOn] = useState(todayText);
  const fieldId = `response-${action.id}`;
  const form = useFormProblems('evictionCase.response', {
    respondedOn: { id: fieldId, label: t('evictionCase.response.respondedOn') },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (respond.isPending) return;
    const problems: FieldError[] = [];
    const date = readDate(respondedOn, 'respondedOn', problems, true);
    notInFuture(date, 'respondedOn', problems);
    if (problems.length > 0 || date === undefined) {
      form.report({ fields: problems, error: null });
      return;
    }
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
        onError: (error) => form.reportError(error),
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
      <DateField
        id={fieldId}
        label={t('evictionCase.response.respondedOn')}
        value={respondedOn}
        onChange={(event) => setRespondedOn(event.target.value)}
        error={form.fieldMessage('respondedOn')}
      />
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
  const empty = { kind: '', doneOn: todayText(), result: '', amount: '', respondBy: '' };
  const [values, setValues] = useState(empty);
  const form = useFormProblems('evictionCase.action', {
    kind: { id: 'action-kind', label: t('evictionCase.action.kind') },
    doneOn: { id: 'action-done', label: t('evictionCase.action.doneOn') },
    amount: { id: 'action-amount', label: t('evictionCase.action.amount') },
    respondBy: { id: 'action-respond-by', label: t('evictionCase.action.respondBy') },
    result: { id: 'action-result', label: t('evictionCase.action.result') },
  });
  const kind = values.kind as ActionKind | '';
  const isHelp = kind !== '' && HELP_KINDS.includes(kind);
  const isFastTrack = kind === 'fast_track';
  const set = (key: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

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
    if (problems.length > 0 || kind === '' || doneOn === undefined) {
      form.report({ fields: problems, error: null });
      return;
    }
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
          setValues({ ...empty, doneOn: todayText() });
          onDone({
            kind: 'success',
            key: 'evictionCase.action.done',
            params: { action: t(`prevention.actions.${kind}`) },
          });
        },
        onError: (error) =>
          form.reportError(
            mapFieldErrors(error, (field) =>
              field.path === 'amount' && ['too_small', 'too_short'].includes(field.code)
                ? { path: 'amount', code: 'kroner' }
                : null,
            ),
          ),
      },
    );
  };

  return (
    <FormDetails summary={t('evictionCase.action.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          id="action-kind"
          label={t('evictionCase.action.kind')}
          placeholder={t('evictionCase.action.kindPlaceholder')}
          options={ACTION_KINDS.map((k) => ({ value: k, label: t(`prevention.actions.${k}`) }))}
          value={values.kind}
          onChange={(event) => set('kind')(event.target.value)}
          error={form.fieldMessage('kind')}
        />
        <DateField
          id="action-done"
          label={t('evictionCase.action.doneOn')}
          value={values.doneOn}
          onChange={(event) => set('doneOn')(event.target.value)}
          error={form.fieldMessage('doneOn')}
        />
        {isHelp ? (
          <TextField
            id="action-amount"
            label={t('evictionCase.action.amount')}
            hint={t('evictionCase.action.amountHint')}
            inputMode="decimal"
            autoComplete="off"
            value={values.amount}
            onChange={(event) => set('amount')(event.target.value)}
            error={form.fieldMessage('amount')}
            widthClass="input-width-s"
          />
        ) : null}
        {isFastTrack ? (
          <DateField
            id="action-respond-by"
            label={t('evictionCase.action.respondBy')}
            hint={`${t('evictionCase.action.respondByHint')} ${t('form.dateHint')}`}
            value={values.respondBy}
            onChange={(event) => set('respondBy')(event.target.value)}
            error={form.fieldMessage('respondBy')}
          />
        ) : null}
        <TextAreaField
          id="action-result"
          label={t('evictionCase.action.result')}
          hint={t('evictionCase.action.resultHint')}
          value={values.result}
          onChange={(event) => set('result')(event.target.value)}
          error={form.fieldMessage('result')}
        />
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
  const [values, setValues] = useState({
    income: '',
    children: detail.childrenUnder18 ? '' : '0',
    year: String(currentYear()),
  });
  const [result, setResult] = useState<{
    income: number;
    children: number;
    year: number;
    answer: ReturnType<typeof depositLoanMandatory>;
  } | null>(null);
  const form = useFormProblems('evictionCase.depositLoan', {
    income: { id: 'deposit-income', label: t('evictionCase.depositLoan.income') },
    children: { id: 'deposit-children', label: t('evictionCase.depositLoan.children') },
    year: { id: 'deposit-year', label: t('evictionCase.depositLoan.year') },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!settings.data) return;
    const problems: FieldError[] = [];
    const income = readNumber(values.income, 'kroner', 'income', problems);
    const children = readNumber(values.children, 'count', 'children', problems);
    const year = readNumber(values.year, 'positiveCount', 'year', problems);
    if (problems.length > 0 || income === undefined || children === undefined || year === undefined) {
      setResult(null);
      form.report({ fields: problems, error: null });
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
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? (
        <Alert variant="error" live="alert" headingLevel={3}>
          <p>{errorMessage(t, settings.error)}</p>
        </Alert>
      ) : null}
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id="deposit-income"
          label={t('evictionCase.depositLoan.income')}
          hint={t('evictionCase.depositLoan.incomeHint')}
          inputMode="decimal"
          autoComplete="off"
          value={values.income}
          onChange={(event) => setValues((v) => ({ ...v, income: event.target.value }))}
          error={form.fieldMessage('income')}
          widthClass="input-width-s"
        />
        <TextField
          id="deposit-children"
          label={t('evictionCase.depositLoan.children')}
          inputMode="numeric"
          autoComplete="off"
          value={values.children}
          onChange={(event) => setValues((v) => ({ ...v, children: event.target.value }))}
          error={form.fieldMessage('children')}
          widthClass="input-width-xs"
        />
        <TextField
          id="deposit-year"
          label={t('evictionCase.depositLoan.year')}
          inputMode="numeric"
          autoComplete="off"
          value={values.year}
          onChange={(event) => setValues((v) => ({ ...v, year: event.target.value }))}
          error={form.fieldMessage('year')}
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

function ActionsSection({ detail, canManage }: { detail: CaseDetail; canManage: boolean }) {
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

// ---- § 5 a decision ----

function DecisionSection({ detail, onDone }: { detail: CaseDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const decide = useRecordDecision(detail.id);
  const [values, setValues] = useState({ decidedOn: todayText(), reason: '' });
  const form = useFormProblems('evictionCase.decision', {
    decidedOn: { id: 'decision-on', label: t('evictionCase.decision.decidedOn') },
    reason: { id: 'decision-reason', label: t('evictionCase.decision.reason') },
  });
  const duty = detail.duties.find((d) => d.kind === 'decide_no_help');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (decide.isPending) return;
    const problems: FieldError[] = [];
    const decidedOn = readDate(values.decidedOn, 'decidedOn', problems, true);
    notInFuture(decidedOn, 'decidedOn', problems);
    const reason = optionalText(values.reason);
    if (!reason) problems.push({ path: 'reason', code: 'required' });
    if (problems.length > 0 || decidedOn === undefined || !reason) {
      form.report({ fields: problems, error: null });
      return;
    }
    settle(
      decide,
      { decidedOn, reason },
      {
        onSuccess: () => {
          form.clear();
          onDone({
            kind: 'success',
            key: 'evictionCase.decision.done',
            params: { date: isoToDanishDate(decidedOn) },
          });
        },
        onError: (error) => form.reportError(error),
      },
    );
  };
  return (
    <Section id="eviction-case-decision" heading={t('evictionCase.decision.heading')}>
      <p>
        {t('evictionCase.decision.intro', {
          date: duty ? isoToDanishDate(duty.dueOn) : '',
        })}
      </p>
      <FormDetails summary={t('evictionCase.decision.summary')}>
        {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
        <form onSubmit={onSubmit} noValidate>
          <DateField
            id="decision-on"
            label={t('evictionCase.decision.decidedOn')}
            value={values.decidedOn}
            onChange={(event) => setValues((v) => ({ ...v, decidedOn: event.target.value }))}
            error={form.fieldMessage('decidedOn')}
          />
          <TextAreaField
            id="decision-reason"
            label={t('evictionCase.decision.reason')}
            hint={t('evictionCase.decision.reasonHint')}
            value={values.reason}
            onChange={(event) => setValues((v) => ({ ...v, reason: event.target.value }))}
            error={form.fieldMessage('reason')}
          />
          <div className="mt-5">
            <button type="submit" className="button button-primary">
              {t('evictionCase.decision.submit')}
            </button>
          </div>
          {decide.isPending ? <Loading text={t('common.saving')} /> : null}
        </form>
      </FormDetails>
    </Section>
  );
}

// ---- the outcome ----

function OutcomeSection({ detail, onDone }: { detail: CaseDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const close = useRecordOutcome(detail.id);
  const [values, setValues] = useState({ outcome: '', outcomeOn: todayText(), note: '' });
  const [confirm, setConfirm] = useState<{ outcome: Outcome; outcomeOn: string; note: string | null } | null>(
    null,
  );
  const form = useFormProblems('evictionCase.outcome', {
    outcome: { id: 'outcome', label: t('evictionCase.outcome.outcome') },
    outcomeOn: { id: 'outcome-on', label: t('evictionCase.outcome.outcomeOn') },
    note: { id: 'outcome-note', label: t('evictionCase.outcome.note') },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (values.outcome === '') problems.push({ path: 'outcome', code: 'required' });
    const outcomeOn = readDate(values.outcomeOn, 'outcomeOn', problems, true);
    notInFuture(outcomeOn, 'outcomeOn', problems);
    if (problems.length > 0 || outcomeOn === undefined) {
      form.report({ fields: problems, error: null });
      return;
    }
    form.clear();
    setConfirm({ outcome: values.outcome as Outcome, outcomeOn, note: optionalText(values.note) ?? null });
  };

  const onConfirm = () => {
    if (!confirm || close.isPending) return;
    settle(close, confirm, {
      onSuccess: () => {
        setConfirm(null);
        onDone({
          kind: 'success',
          key: 'evictionCase.outcome.done',
          params: { outcome: t(`prevention.outcomes.${confirm.outcome}`) },
        });
      },
      onError: (error) => {
        setConfirm(null);
        form.reportError(error);
      },
    });
  };

  const consequence = (outcome: Outcome, outcomeOn: string) => {
    if (!detail.citizenId) return t('evictionCase.outcome.noCitizen');
    if (AVERTED.includes(outcome)) return t('evictionCase.outcome.housed');
    if (outcome === 'evicted') return t('evictionCase.outcome.unknown', { date: isoToDanishDate(outcomeOn) });
    return t('evictionCase.outcome.moved');
  };

  return (
    <Section id="eviction-case-outcome" heading={t('evictionCase.outcome.heading')}>
      <p>{t('evictionCase.outcome.intro')}</p>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <RadioGroup
          id="outcome"
          name="outcome"
          legend={t('evictionCase.outcome.outcome')}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`prevention.outcomes.${o}`) }))}
          value={values.outcome}
          onChange={(value) => setValues((v) => ({ ...v, outcome: value }))}
          error={form.fieldMessage('outcome')}
        />
        <DateField
          id="outcome-on"
          label={t('evictionCase.outcome.outcomeOn')}
          value={values.outcomeOn}
          onChange={(event) => setValues((v) => ({ ...v, outcomeOn: event.target.value }))}
          error={form.fieldMessage('outcomeOn')}
        />
        <TextAreaField
          id="outcome-note"
          label={t('evictionCase.outcome.note')}
          value={values.note}
          onChange={(event) => setValues((v) => ({ ...v, note: event.target.value }))}
          error={form.fieldMessage('note')}
        />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('evictionCase.outcome.submit')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirm !== null}
        heading={t('evictionCase.outcome.confirmHeading')}
        confirmLabel={t('evictionCase.outcome.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={onConfirm}
        onCancel={() => setConfirm(null)}
        busy={close.isPending}
      >
        {confirm ? (
          <>
            <p>
              {t('evictionCase.outcome.confirmText', {
                name: detail.tenantName,
                outcome: t(`prevention.outcomes.${confirm.outcome}`),
                date: isoToDanishDate(confirm.outcomeOn),
              })}
            </p>
            <p>{consequence(confirm.outcome, confirm.outcomeOn)}</p>
          </>
        ) : null}
      </ConfirmDialog>
    </Section>
  );
}

/** What the page says after a notice was registered: new or joined case, citizen created or found. */
function CreatedAlert({
  state,
}: {
  state: { joinedCase: boolean; citizenCreated: boolean; citizenLinked: boolean };
}) {
  const { t } = useTranslation();
  return (
    <Alert variant="success" live="status">
      <p>{state.joinedCase ? t('evictionCase.created.joined') : t('evictionCase.created.newCase')}</p>
      <p>
        {state.citizenCreated
          ? t('evictionCase.created.citizenCreated')
          : state.citizenLinked
            ? t('evictionCase.created.citizenFound')
            : t('evictionCase.created.noCitizen')}
      </p>
    </Alert>
  );
}

/**
 * /udsaettelser/:id: one eviction case: its facts, duties with the law, the notices, the actions and
 * the forms to record an action, a § 5 a decision and the outcome.
 */
export function EvictionCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const canManage = hasPermission(useSession().data?.user, 'prevention.manage');
  const query = useCase(id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const detail = query.data;
  const notFound = query.error instanceof ApiError && query.error.status === 404;
  const title = detail
    ? t('evictionCase.title', { name: detail.tenantName })
    : notFound
      ? t('evictionCase.notFound')
      : t('evictionCase.loadingTitle');
  const open = detail?.status === 'open';
  const decisionDue = detail?.duties.some((d) => d.kind === 'decide_no_help') ?? false;

  return (
    <Page title={title}>
      {detail ? <p className="font-lead">{detail.address}</p> : null}
      <p>
        <Link to="/udsaettelser">{t('evictionCases.backToInbox')}</Link>
      </p>
      {isNoticeCreatedState(location.state) ? <CreatedAlert state={location.state} /> : null}
      <NoticeArea notice={notice} headingLevel={2} />
      {query.isPending ? <Loading /> : null}
      {query.isError ? (
        <Alert variant="error" live="alert">
          <p>{notFound ? t('evictionCase.notFoundText') : errorMessage(t, query.error)}</p>
        </Alert>
      ) : null}
      {detail ? (
        <>
          {detail.overdue ? (
            <Alert variant="error" heading={t('evictionCase.overdueHeading')}>
              <p>{t('evictionCase.overdueText')}</p>
            </Alert>
          ) : null}
          <FactsSection detail={detail} />
          <DutiesSection detail={detail} />
          <NoticesSection detail={detail} />
          <ActionsSection detail={detail} canManage={canManage} />
          {canManage && open && decisionDue ? <DecisionSection detail={detail} onDone={setNotice} /> : null}
          {canManage && open ? <OutcomeSection detail={detail} onDone={setNotice} /> : null}
        </>
      ) : null}
    </Page>
  );
}
