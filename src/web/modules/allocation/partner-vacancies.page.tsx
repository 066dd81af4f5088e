import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api';
import { Alert } from '../../components/alert';
import { CheckboxField } from '../../components/checkbox-field';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateText } from '../../components/date-text';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { formatWhole, isoToDanishDate } from '../../i18n/format';
import { departmentName } from '../housing';
import {
  type DuplicateVacancy,
  duplicateOf,
  type PartnerDepartment,
  useCorrectVacancy,
  usePartnerDepartments,
  usePartnerVacancies,
  useReportVacancy,
  useWithdrawVacancy,
  type VacancyView,
} from './vacancies.api';
import { departmentOptions, VacancyForm, vacancyValues } from './vacancy-form';
import { placeText, rentText } from './vacancy-format';

/**
 * A likely duplicate the API warned of (same department, address and available date), and the
 * partner's confirmation that it is another unit; the form is then sent again (issue 14 §3).
 */
function useDuplicateWarning(idPrefix: string) {
  const { t } = useTranslation();
  const [duplicate, setDuplicate] = useState<DuplicateVacancy | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const confirmedRef = useRef(false);
  confirmedRef.current = duplicate !== null && confirmed;
  const reset = () => {
    setDuplicate(null);
    setConfirmed(false);
  };
  const warning = duplicate ? (
    <Alert variant="warning" headingLevel={3} heading={t('partner.duplicate.heading')} live="alert">
      <p>
        {t('partner.duplicate.text', {
          address: duplicate.address,
          availableOn: isoToDanishDate(duplicate.availableOn),
          reportedOn: isoToDanishDate(duplicate.reportedOn),
        })}
      </p>
      <CheckboxField
        id={`${idPrefix}-duplicate-confirm`}
        label={t('partner.duplicate.confirm')}
        hint={t('partner.duplicate.confirmHint')}
        checked={confirmed}
        onChange={(event) => setConfirmed(event.target.checked)}
      />
    </Alert>
  ) : null;
  /** Takes the API's duplicate warning; true when the error was one. */
  const onSubmitError = (error: unknown) => {
    const found = duplicateOf(error);
    if (!found) return false;
    setDuplicate(found);
    setConfirmed(false);
    return true;
  };
  return { confirmed: () => confirmedRef.current, warning, onSubmitError, reset };
}

function ReportSection({ departments }: { departments: PartnerDepartment[] }) {
  const { t } = useTranslation();
  const duplicate = useDuplicateWarning('partner-vacancy');
  const report = useReportVacancy(duplicate.confirmed);
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <Section id="partner-report" heading={t('partner.report.heading')}>
      <p>{t('partner.report.intro')}</p>
      <NoticeArea notice={notice} />
      <VacancyForm
        idPrefix="partner-vacancy"
        departmentOptions={departmentOptions(t, departments)}
        deadlineDays={null}
        save={report}
        submitLabel={t('partner.report.submit')}
        onSubmitError={(error) => {
          setNotice(null);
          return duplicate.onSubmitError(error);
        }}
        beforeSubmit={duplicate.warning}
        onSaved={(_id, input, reset) => {
          reset();
          duplicate.reset();
          setNotice({ kind: 'success', key: 'partner.report.done', params: { address: input.address } });
        }}
      />
    </Section>
  );
}

/** Corrects a reported unit (with a reason) until the municipality has made an offer on it. */
function CorrectSection({
  vacancy,
  departments,
  onDone,
  onCancel,
}: {
  vacancy: VacancyView;
  departments: PartnerDepartment[];
  onDone: (notice: Notice) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const duplicate = useDuplicateWarning('partner-correct');
  const correct = useCorrectVacancy(vacancy.id, duplicate.confirmed);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section aria-labelledby="partner-correct-heading" className="citizen-section">
      <h2 id="partner-correct-heading" ref={headingRef} tabIndex={-1}>
        {t('partner.correct.heading', { address: vacancy.address })}
      </h2>
      <p>{t('partner.correct.intro')}</p>
      <VacancyForm
        idPrefix="partner-correct"
        departmentOptions={departmentOptions(t, departments)}
        deadlineDays={null}
        save={correct}
        submitLabel={t('partner.correct.submit')}
        initialValues={vacancyValues(vacancy)}
        reason={{ label: t('partner.correct.reason'), hint: t('partner.correct.reasonHint') }}
        onSubmitError={duplicate.onSubmitError}
        beforeSubmit={duplicate.warning}
        secondaryAction={
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        }
        onSaved={(_id, input) => {
          duplicate.reset();
          onDone({ kind: 'success', key: 'partner.correct.done', params: { address: input.address } });
        }}
      />
    </section>
  );
}

/** The confirmation, with the reason, before a reported unit is withdrawn. */
function WithdrawDialog({
  vacancy,
  onDone,
  onCancel,
}: {
  vacancy: VacancyView | null;
  onDone: (notice: Notice) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawVacancy(vacancy?.id ?? '');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (vacancy) {
      setReason('');
      setMissing(false);
    }
  }, [vacancy]);
  const onConfirm = () => {
    if (!vacancy || withdraw.isPending) return;
    const why = reason.trim();
    if (why === '') {
      setMissing(true);
      return;
    }
    settle(
      withdraw,
      { reason: why },
      {
        onSuccess: () =>
          onDone({ kind: 'success', key: 'partner.withdraw.done', params: { address: vacancy.address } }),
        onError: (error) => onDone({ kind: 'error', error }),
      },
    );
  };
  return (
    <ConfirmDialog
      open={vacancy !== null}
      heading={t('partner.withdraw.confirmHeading')}
      confirmLabel={t('partner.withdraw.confirm')}
      cancelLabel={t('common.cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
      busy={withdraw.isPending}
    >
      <p>{t('partner.withdraw.confirmText', { address: vacancy?.address ?? '' })}</p>
      <TextAreaField
        id="partner-withdraw-reason"
        label={t('partner.withdraw.reason')}
        hint={t('partner.withdraw.reasonHint')}
        rows={3}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
          if (missing) setMissing(false);
        }}
        error={missing ? t('partner.withdraw.reasonRequired') : undefined}
      />
    </ConfirmDialog>
  );
}

/** Whether the housing organisation may still withdraw or correct a report: open, and no offer made. */
const changeable = (vacancy: VacancyView) => vacancy.status === 'open' && !vacancy.offerMade;

function VacanciesSection({ departments }: { departments: PartnerDepartment[] }) {
  const { t } = useTranslation();
  const vacancies = usePartnerVacancies();
  const items = vacancies.data?.items;
  const caption = t('partner.vacancies.caption', { count: items?.length ?? 0 });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [withdrawing, setWithdrawing] = useState<VacancyView | null>(null);
  const [correcting, setCorrecting] = useState<VacancyView | null>(null);
  return (
    <Section id="partner-vacancies" heading={t('partner.vacancies.heading')}>
      <p>{t('partner.vacancies.intro')}</p>
      <p className="form-hint">{t('partner.vacancies.changeHint')}</p>
      <NoticeArea notice={notice} />
      <QueryState query={vacancies} headingLevel={3} />
      {items && items.length === 0 ? <p>{t('partner.vacancies.empty')}</p> : null}
      {items && items.length > 0 ? (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('vacancies.columns.address')}</th>
                <th scope="col">{t('vacancies.columns.place')}</th>
                <th scope="col">{t('vacancies.columns.unitType')}</th>
                <th scope="col" className="align-text-right">
                  {t('vacancies.columns.rooms')}
                </th>
                <th scope="col">{t('vacancies.columns.rent')}</th>
                <th scope="col">{t('vacancies.columns.availableOn')}</th>
                <th scope="col">{t('vacancies.columns.deadlineOn')}</th>
                <th scope="col">{t('vacancies.columns.status')}</th>
                <th scope="col">{t('partner.vacancies.stage')}</th>
                <th scope="col">{t('partner.vacancies.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((vacancy: VacancyView) => (
                <tr key={vacancy.id}>
                  <th scope="row">{vacancy.address}</th>
                  <td>{placeText(t, vacancy)}</td>
                  <td>{t(`allocation.unitTypes.${vacancy.unitType}`)}</td>
                  <td className="align-text-right">{formatWhole(vacancy.rooms)}</td>
                  <td className="nowrap">{rentText(t, vacancy)}</td>
                  <td>
                    <DateText value={vacancy.availableOn} />
                  </td>
                  <td>
                    <DateText value={vacancy.deadlineOn} />
                  </td>
                  <td>{t(`allocation.vacancyStatuses.${vacancy.status}`)}</td>
                  <td>{stageText(t, vacancy)}</td>
                  <td className="nowrap">
                    {changeable(vacancy) ? (
                      <>
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          onClick={() => {
                            setNotice(null);
                            setCorrecting(vacancy);
                          }}
                        >
                          {t('partner.correct.button')}
                          <span className="sr-only"> {vacancy.address}</span>
                        </button>{' '}
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          onClick={() => {
                            setNotice(null);
                            setWithdrawing(vacancy);
                          }}
                        >
                          {t('partner.withdraw.button')}
                          <span className="sr-only"> {vacancy.address}</span>
                        </button>
                      </>
                    ) : (
                      <NoValue />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {correcting ? (
        <CorrectSection
          key={correcting.id}
          vacancy={correcting}
          departments={departments}
          onCancel={() => setCorrecting(null)}
          onDone={(done) => {
            setCorrecting(null);
            setNotice(done);
          }}
        />
      ) : null}
      <WithdrawDialog
        vacancy={withdrawing}
        onCancel={() => setWithdrawing(null)}
        onDone={(done) => {
          setWithdrawing(null);
          if (correcting?.id === withdrawing?.id) setCorrecting(null);
          setNotice(done);
        }}
      />
    </Section>
  );
}

/** How far the municipality has come with a unit, without naming anyone. */
function stageText(t: ReturnType<typeof useTranslation>['t'], vacancy: VacancyView): string {
  if (vacancy.tenancy?.movedInOn) return t('partner.vacancies.stages.movedIn');
  if (vacancy.tenancy) return t('partner.vacancies.stages.let');
  if (vacancy.liveOffer) return t('partner.vacancies.stages.offered');
  if (vacancy.status === 'returned') return t('partner.vacancies.stages.returned');
  if (vacancy.status === 'withdrawn') return t('partner.vacancies.stages.withdrawn');
  return t('partner.vacancies.stages.open');
}

function DepartmentsSection({ departments }: { departments: PartnerDepartment[] }) {
  const { t } = useTranslation();
  const caption = t('partner.departments.caption', { count: departments.length });
  return (
    <Section id="partner-departments" heading={t('partner.departments.heading')}>
      <TableScroll label={caption}>
        <table className="table table--zebra table--compact">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('partner.departments.department')}</th>
              <th scope="col">{t('partner.departments.organisation')}</th>
              <th scope="col">{t('partner.departments.address')}</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((department) => (
              <tr key={department.id}>
                <th scope="row">{departmentName(t, department)}</th>
                <td>{department.organisationName}</td>
                <td>{department.address ?? <NoValue />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

/**
 * /partner/boliger: the housing organisation's own view. Its users report vacant units in their own
 * departments to the municipality and follow them; they see no citizen data.
 */
export function PartnerVacanciesPage() {
  const { t } = useTranslation();
  const departments = usePartnerDepartments();
  return (
    <Page title={t('partner.title')}>
      <p className="font-lead">{t('partner.intro')}</p>
      <QueryState
        query={departments}
        empty={
          <Alert variant="info" heading={t('partner.notLinkedHeading')}>
            <p>{t('partner.notLinked')}</p>
          </Alert>
        }
      >
        {(data) => (
          <>
            <ReportSection departments={data.items} />
            <VacanciesSection departments={data.items} />
            <DepartmentsSection departments={data.items} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
