import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/alert';
import { DateText } from '../../components/date-text';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { formatWhole } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { type CaseloadView, enrollmentHref, useCaseload } from './support.api';
import { loadText } from './support-format';

function LoadSection({ data }: { data: CaseloadView }) {
  const { t } = useTranslation();
  const caption = t('caseload.lines.caption');
  return (
    <Section id="caseload-load" heading={t('caseload.loadHeading')}>
      {data.worker ? (
        <p>
          {t('caseload.fte', {
            fte: formatWhole(Math.round(data.worker.fte * 100)),
            team: data.worker.teamName ?? t('caseload.noTeam'),
          })}
          {data.team?.sharedCaseload
            ? ` ${t('caseload.shared', { fte: data.team.fte.toLocaleString('da-DK') })}`
            : ''}
        </p>
      ) : (
        <p>{t('caseload.allEnrollments')}</p>
      )}
      {data.overNorm ? (
        <Alert variant="warning" heading={t('caseload.overNormHeading')} headingLevel={3}>
          <p>{t('caseload.overNorm', { load: loadText(data.load) })}</p>
        </Alert>
      ) : data.load !== null ? (
        <p>{t('caseload.withinNorm', { load: loadText(data.load) })}</p>
      ) : null}
      {data.lines.length === 0 ? (
        <p>{t('caseload.noActive')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('support.fields.method')}</th>
                <th scope="col" className="align-text-right">
                  {t('caseload.lines.active')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('caseload.lines.capacity')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.lines.map((line) => (
                <tr key={line.method}>
                  <th scope="row">{t(`support.methods.${line.method}`)}</th>
                  <td className="align-text-right">{formatWhole(line.active)}</td>
                  <td className="align-text-right">
                    {line.capacity === null ? <NoValue /> : line.capacity.toLocaleString('da-DK')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {data.patternWarnings.length > 0 ? (
        <Alert variant="warning" heading={t('caseload.patternHeading')} headingLevel={3}>
          <ul>
            {data.patternWarnings.map((w) => (
              <li key={w.enrollmentId}>
                <Link to={enrollmentHref(w.enrollmentId)}>{w.citizenName}</Link>:{' '}
                {w.warnings.map((code) => t(`support.patternWarnings.${code}`)).join(' ')}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </Section>
  );
}

function EnrollmentsSection({ data }: { data: CaseloadView }) {
  const { t } = useTranslation();
  const caption = t('caseload.list.caption');
  return (
    <Section id="caseload-list" heading={t('caseload.listHeading')}>
      {data.enrollments.length === 0 ? (
        <p>{t('caseload.empty')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('support.fields.citizen')}</th>
                <th scope="col">{t('support.fields.method')}</th>
                <th scope="col">{t('support.fields.phase')}</th>
                <th scope="col">{t('support.fields.assignedTo')}</th>
                <th scope="col">{t('support.fields.startOn')}</th>
                <th scope="col">{t('support.fields.plannedEndOn')}</th>
                <th scope="col">{t('support.fields.lastContactOn')}</th>
              </tr>
            </thead>
            <tbody>
              {data.enrollments.map((e) => {
                const late = e.daysWithoutContact !== null && e.daysWithoutContact >= e.contactGapDays;
                return (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={enrollmentHref(e.id)}>{e.citizenName}</Link>
                    </th>
                    <td>{t(`support.methods.${e.method}`)}</td>
                    <td>{e.phase ? t(`support.phases.${e.phase}`) : <NoValue />}</td>
                    <td>{e.workerName ?? e.teamName ?? <NoValue />}</td>
                    <td className="nowrap">
                      <DateText value={e.startOn} />
                    </td>
                    <td className="nowrap">
                      <DateText value={e.plannedEndOn} />
                    </td>
                    <td>
                      <DateText value={e.lastContactOn} />
                      {late ? (
                        <span className="d-block">
                          <strong>{t('caseload.daysWithout', { days: e.daysWithoutContact })}</strong>
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

/** /stoette: "Mit caseload" — the worker's active enrollments against the norm × FTE (rule 18). */
export function CaseloadPage() {
  const { t } = useTranslation();
  const canWrite = hasPermission(useSession().data?.user, 'support.write');
  const caseload = useCaseload();
  return (
    <Page title={t('caseload.title')}>
      <p className="font-lead">{t('caseload.intro')}</p>
      {canWrite ? (
        <p>
          <Link to="/stoette/nyt" className="button button-secondary">
            {t('caseload.create')}
          </Link>
        </p>
      ) : null}
      <QueryState query={caseload}>
        {(data) => (
          <>
            <LoadSection data={data} />
            <EnrollmentsSection data={data} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
