import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DISCHARGE_DESTINATIONS, type DischargeDestination } from '../../../shared/shelters/model';
import { DISCHARGE_BLOCKERS, type DischargeBlocker } from '../../../shared/shelters/rules';
import type { FieldError } from '../../api';
import { ApiError, settle } from '../../api';
import { Alert } from '../../components/alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { notInFuture, optionalText, readDate } from '../../components/read-field';
import { Facts, FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { useForm } from '../../components/use-form';
import { todayText } from '../../i18n/format';
import { PageTasks } from '../tasks';
import {
  type DischargeConditions,
  type HandlekommuneResident,
  useActionPlan,
  useDischargeConditions,
  useHandlekommuneResidents,
  useMunicipalDischarge,
} from './shelters.api';

function ActionPlanForm({
  resident,
  onDone,
}: {
  resident: HandlekommuneResident;
  onDone: (n: Notice) => void;
}) {
  const { t } = useTranslation();
  const record = useActionPlan();
  const name = resident.name ?? '';
  const form = useForm({
    formKey: 'shelterResidents.plan',
    initial: () => ({ madeOn: todayText() }),
    fields: { madeOn: { id: `plan-${resident.id}`, label: t('shelterResidents.plan.madeOn') } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    const problems: FieldError[] = [];
    const madeOn = readDate(form.values.madeOn, 'madeOn', problems, true);
    notInFuture(madeOn, 'madeOn', problems);
    if (form.failed(problems) || !madeOn) return;
    settle(
      record,
      { stayId: resident.id, madeOn },
      {
        onSuccess: () => onDone({ kind: 'success', key: 'shelterResidents.plan.done', params: { name } }),
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('shelterResidents.plan.summary', { name })}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('madeOn')} />
        <button type="submit" className="button button-primary">
          {t('shelterResidents.plan.submit')}
        </button>
      </form>
    </FormDetails>
  );
}

/** What stands in the way of the discharge, in Danish or English, or that nothing does. */
function MissingList({ blockers }: { blockers: readonly DischargeBlocker[] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {blockers.map((b) => (
        <li key={b}>{t(`shelterResidents.discharge.blockers.${b}`)}</li>
      ))}
    </ul>
  );
}

/** The facts rule 12 reads, gathered from the data, and what is missing today. */
function ConditionFacts({ c }: { c: DischargeConditions }) {
  const { t } = useTranslation();
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  return (
    <>
      <Facts
        label={t('shelterResidents.discharge.factsLabel')}
        items={[
          { label: t('shelterResidents.discharge.plan'), value: t(`shelterResidents.planStatus.${c.plan}`) },
          { label: t('shelterResidents.discharge.housing'), value: yesNo(c.housingAllocated) },
          { label: t('shelterResidents.discharge.support'), value: yesNo(c.supportDecided) },
          {
            label: t('shelterResidents.discharge.lease'),
            value: c.leaseSignedOn ? <DateText value={c.leaseSignedOn} /> : t('common.no'),
          },
          {
            label: t('shelterResidents.discharge.moveIn'),
            value: c.moveInOn ? <DateText value={c.moveInOn} /> : <NoValue />,
          },
          {
            label: t('shelterResidents.discharge.care'),
            value: c.careDecision ? (
              <>
                {t(`shelterResidents.discharge.careKinds.${c.careDecision.kind}`)}{' '}
                {t('shelterResidents.discharge.careMoveIn')} <DateText value={c.careDecision.moveInOn} />
              </>
            ) : (
              t('shelterResidents.discharge.noCare')
            ),
          },
        ]}
      />
      {c.blockers.length === 0 ? (
        <p>{t('shelterResidents.discharge.allMet')}</p>
      ) : (
        <>
          <p>{t('shelterResidents.discharge.missingToday')}</p>
          <MissingList blockers={c.blockers} />
        </>
      )}
    </>
  );
}

function readBlockers(error: unknown): DischargeBlocker[] | null {
  if (!(error instanceof ApiError) || error.code !== 'STAY_DISCHARGE_CONDITIONS') return null;
  const raw = String(error.params.blockers ?? '');
  return DISCHARGE_BLOCKERS.filter((b) => raw.split(',').includes(b));
}

/** The municipal discharge's facts and form, loaded when opened. */
function MunicipalDischargeForm({
  resident,
  onDone,
}: {
  resident: HandlekommuneResident;
  onDone: (n: Notice) => void;
}) {
  const { t } = useTranslation();
  const conditions = useDischargeConditions(resident.id, true);
  const discharge = useMunicipalDischarge();
  const [refused, setRefused] = useState<DischargeBlocker[] | null>(null);
  const [pending, setPending] = useState<{
    dischargedOn: string;
    dischargedTo: DischargeDestination;
    reason?: string;
  } | null>(null);
  const name = resident.name ?? '';
  const form = useForm({
    formKey: 'shelterResidents.discharge',
    initial: () => ({ dischargedOn: todayText(), dischargedTo: '', reason: '' }),
    fields: {
      dischargedOn: {
        id: `mdischarge-on-${resident.id}`,
        label: t('shelterResidents.discharge.dischargedOn'),
      },
      dischargedTo: {
        id: `mdischarge-to-${resident.id}`,
        label: t('shelterResidents.discharge.dischargedTo'),
      },
      reason: { id: `mdischarge-reason-${resident.id}`, label: t('shelterResidents.discharge.reason') },
    },
    serverErrors: {
      STAY_DISCHARGE_BEFORE_ADMISSION: { path: 'dischargedOn', code: 'before_admission' },
      STAY_DATE_IN_FUTURE: { path: 'dischargedOn', code: 'future_date' },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (discharge.isPending) return;
    setRefused(null);
    const problems: FieldError[] = [];
    const dischargedOn = readDate(form.values.dischargedOn, 'dischargedOn', problems, true);
    notInFuture(dischargedOn, 'dischargedOn', problems);
    if (dischargedOn && dischargedOn < resident.admittedOn)
      problems.push({ path: 'dischargedOn', code: 'before_admission' });
    const dischargedTo = DISCHARGE_DESTINATIONS.find((d) => d === form.values.dischargedTo);
    if (!dischargedTo) problems.push({ path: 'dischargedTo', code: 'required' });
    if (form.failed(problems) || !dischargedOn || !dischargedTo) return;
    const reason = optionalText(form.values.reason);
    setPending({ dischargedOn, dischargedTo, ...(reason ? { reason } : {}) });
  };
  const confirm = () => {
    if (!pending) return;
    settle(
      discharge,
      { stayId: resident.id, ...pending },
      {
        onSuccess: () => {
          setPending(null);
          onDone({ kind: 'success', key: 'shelterResidents.discharge.done', params: { name } });
        },
        onError: (error) => {
          setPending(null);
          const blockers = readBlockers(error);
          if (blockers) setRefused(blockers);
          else form.reportError(error);
        },
      },
    );
  };
  return (
    <>
      <QueryState
        query={conditions}
        loadingText={t('shelterResidents.discharge.loading')}
        isEmpty={() => false}
      >
        {(c) => <ConditionFacts c={c} />}
      </QueryState>
      {refused ? (
        <Alert
          variant="error"
          live="alert"
          headingLevel={3}
          heading={t('shelterResidents.discharge.refused')}
        >
          <MissingList blockers={refused} />
        </Alert>
      ) : null}
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('dischargedOn')} />
        <SelectField
          {...form.field('dischargedTo')}
          placeholder={t('shelters.discharge.dischargedToPlaceholder')}
          options={DISCHARGE_DESTINATIONS.map((d) => ({ value: d, label: t(`shelters.destinations.${d}`) }))}
        />
        <TextAreaField {...form.field('reason')} rows={2} />
        <button type="submit" className="button button-primary">
          {t('shelterResidents.discharge.submit')}
        </button>
        {discharge.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
      <ConfirmDialog
        open={pending !== null}
        heading={t('shelterResidents.discharge.confirmHeading', { name })}
        confirmLabel={t('shelterResidents.discharge.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
        busy={discharge.isPending}
      >
        <p>
          {t('shelterResidents.discharge.confirmText', {
            name,
            shelter: resident.shelterName,
          })}{' '}
          <DateText value={pending?.dischargedOn} />
        </p>
      </ConfirmDialog>
    </>
  );
}

/** "Kommunal udskrivning" of one resident (§ 110 stk. 5): the facts are loaded when it is opened. */
function MunicipalDischarge({
  resident,
  onDone,
}: {
  resident: HandlekommuneResident;
  onDone: (n: Notice) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="details citizen-form" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="details-summary">
        {t('shelterResidents.discharge.summary', { name: resident.name ?? '' })}
      </summary>
      <div className="details-text">
        {open ? <MunicipalDischargeForm resident={resident} onDone={onDone} /> : null}
      </div>
    </details>
  );
}

/**
 * /herberg/borgere: the citizens in shelters the municipality is handlekommune for, with the action
 * plan every § 110 resident needs (rule 11), and the municipal discharge (§ 110 stk. 5, rule 12).
 */
export function CitizensInSheltersPage() {
  const { t } = useTranslation();
  const query = useHandlekommuneResidents();
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <Page title={t('shelterResidents.title')}>
      <NoticeArea notice={notice} headingLevel={2} />
      <p>{t('shelterResidents.intro')}</p>
      <p>
        <Link to="/herberg/underretninger">{t('shelterResidents.toNotifications')}</Link>
      </p>
      <PageTasks />
      <QueryState query={query} loadingText={t('shelterResidents.loading')} isEmpty={() => false}>
        {(residents) =>
          residents.length === 0 ? (
            <p>{t('shelterResidents.none')}</p>
          ) : (
            <Section id="shelter-citizens" heading={t('shelterResidents.heading')}>
              <TableScroll label={t('shelterResidents.caption')}>
                <table className="table table--compact">
                  <caption className="sr-only">{t('shelterResidents.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('shelterResidents.name')}</th>
                      <th scope="col">{t('shelterResidents.shelter')}</th>
                      <th scope="col">{t('shelterResidents.admittedOn')}</th>
                      <th scope="col">{t('shelterResidents.notifiedOn')}</th>
                      <th scope="col">{t('shelterResidents.plan.heading')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {residents.map((r) => (
                      <tr key={r.id}>
                        <td>
                          <Link to={`/borgere/${encodeURIComponent(r.citizenId)}`}>
                            {r.name ?? r.citizenId}
                          </Link>
                        </td>
                        <td>{r.shelterName}</td>
                        <td>
                          <DateText value={r.admittedOn} />
                        </td>
                        <td>{r.notifiedOn ? <DateText value={r.notifiedOn} /> : <NoValue />}</td>
                        <td className={r.plan === 'missing' ? 'text-error' : undefined}>
                          {t(`shelterResidents.planStatus.${r.plan}`)}
                          {r.actionPlanOn ? (
                            <>
                              {' '}
                              (<DateText value={r.actionPlanOn} />)
                            </>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              {residents
                .filter((r) => r.plan === 'missing')
                .map((r) => (
                  <ActionPlanForm key={r.id} resident={r} onDone={setNotice} />
                ))}
              <h3>{t('shelterResidents.discharge.heading')}</h3>
              <p>{t('shelterResidents.discharge.intro')}</p>
              {residents.map((r) => (
                <MunicipalDischarge key={`md-${r.id}`} resident={r} onDone={setNotice} />
              ))}
            </Section>
          )
        }
      </QueryState>
    </Page>
  );
}
