import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText } from '../../components/date-text';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { formatWhole } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { type ElderlyApplicant, useElderly } from './housing.api';
import { departmentName } from './housing-format';

/** Acute first, then high, then normal (as the waiting list orders them). */
const PRIORITY_ORDER = { acute: 0, high: 1, normal: 2 } as const;

/** The family waiting list's applicants with reduced function, who may also fit an elderly unit. */
function ApplicantsSection({ applicants }: { applicants: ElderlyApplicant[] }) {
  const { t } = useTranslation();
  const canOpen = hasPermission(useSession().data?.user, 'allocation.read');
  const sorted = [...applicants].sort(
    (a, b) =>
      PRIORITY_ORDER[a.priority ?? 'normal'] - PRIORITY_ORDER[b.priority ?? 'normal'] ||
      (a.waitingSince ?? '9999').localeCompare(b.waitingSince ?? '9999'),
  );
  const caption = t('housing.elderly.applicantsCaption', { count: sorted.length });
  return (
    <Section id="elderly-applicants" heading={t('housing.elderly.applicantsHeading')}>
      <p>{t('housing.elderly.applicantsIntro')}</p>
      {sorted.length === 0 ? (
        <p>{t('housing.elderly.applicantsNone')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('waitingList.results.citizen')}</th>
                <th scope="col" className="align-text-right">
                  {t('waitingList.results.householdSize')}
                </th>
                <th scope="col">{t('waitingList.results.priority')}</th>
                <th scope="col">{t('waitingList.results.waitingSince')}</th>
                <th scope="col">{t('waitingList.results.status')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((applicant) => (
                <tr key={applicant.applicationId}>
                  <th scope="row">
                    {canOpen ? (
                      <Link to={`/anvisning/ansoegninger/${encodeURIComponent(applicant.applicationId)}`}>
                        {applicant.citizenName}
                      </Link>
                    ) : (
                      applicant.citizenName
                    )}
                  </th>
                  <td className="align-text-right">{applicant.householdSize}</td>
                  <td>
                    {applicant.priority ? t(`allocation.priorities.${applicant.priority}`) : <NoValue />}
                  </td>
                  <td>
                    <DateText value={applicant.waitingSince} />
                  </td>
                  <td>{t(`allocation.statuses.${applicant.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

/**
 * /boliger/aeldre: the elderly and handicap stock, and the family waiting list's applicants with
 * reduced function; the plan asks that the two lists are used together.
 */
export function ElderlyPage() {
  const { t } = useTranslation();
  const elderly = useElderly();
  const departments = [...(elderly.data?.departments ?? [])].sort(
    (a, b) =>
      a.organisationName.localeCompare(b.organisationName, 'da') ||
      a.number.localeCompare(b.number, 'da', { numeric: true }),
  );

  return (
    <Page title={t('housing.elderly.title')}>
      <p className="font-lead">{t('housing.elderly.intro')}</p>
      <QueryState query={elderly} />
      {elderly.data?.applicants ? <ApplicantsSection applicants={elderly.data.applicants} /> : null}
      {elderly.data ? (
        <Section id="elderly-stock" heading={t('housing.elderly.stockHeading')}>
          <p>
            {t('housing.elderly.total', {
              count: elderly.data.totalElderly,
              units: formatWhole(elderly.data.totalElderly),
            })}
          </p>
          {departments.length === 0 ? (
            <p>{t('housing.elderly.none')}</p>
          ) : (
            <TableScroll label={t('housing.elderly.caption', { count: departments.length })}>
              <table className="table table--zebra table--compact">
                <caption className="sr-only">
                  {t('housing.elderly.caption', { count: departments.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('housing.department.organisation')}</th>
                    <th scope="col">{t('housing.agreement.department')}</th>
                    <th scope="col" className="align-text-right">
                      {t('housing.unitTypes.elderly')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {departments.map((department) => (
                    <tr key={department.departmentId}>
                      <td>{department.organisationName}</td>
                      <th scope="row">{departmentName(t, department)}</th>
                      <td className="align-text-right">{formatWhole(department.unitsElderly)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2}>
                      {t('housing.expected.total')}
                    </th>
                    <td className="align-text-right weight-semibold">
                      {formatWhole(elderly.data.totalElderly)}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          )}
        </Section>
      ) : null}
    </Page>
  );
}
