import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { DateText } from '../../components/date-text';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { formatWhole } from '../../i18n/format';
import { departmentName } from '../housing';
import {
  type PartnerDepartment,
  usePartnerDepartments,
  usePartnerVacancies,
  useReportVacancy,
  type VacancyView,
} from './vacancies.api';
import { departmentOptions, VacancyForm } from './vacancy-form';
import { placeText, rentText } from './vacancy-format';

function ReportSection({ departments }: { departments: PartnerDepartment[] }) {
  const { t } = useTranslation();
  const report = useReportVacancy();
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
        onSaved={(_id, input, reset) => {
          reset();
          setNotice({ kind: 'success', key: 'partner.report.done', params: { address: input.address } });
        }}
      />
    </Section>
  );
}

function VacanciesSection() {
  const { t } = useTranslation();
  const vacancies = usePartnerVacancies();
  const items = vacancies.data?.items;
  const caption = t('partner.vacancies.caption', { count: items?.length ?? 0 });
  return (
    <Section id="partner-vacancies" heading={t('partner.vacancies.heading')}>
      <p>{t('partner.vacancies.intro')}</p>
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
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </Section>
  );
}

/** How far the municipality has come with a unit, without naming anyone. */
function stageText(t: ReturnType<typeof useTranslation>['t'], vacancy: VacancyView): string {
  if (vacancy.tenancy?.movedInOn) return t('partner.vacancies.stages.movedIn');
  if (vacancy.tenancy) return t('partner.vacancies.stages.let');
  if (vacancy.liveOffer) return t('partner.vacancies.stages.offered');
  if (vacancy.status === 'returned') return t('partner.vacancies.stages.returned');
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
            <VacanciesSection />
            <DepartmentsSection departments={data.items} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
