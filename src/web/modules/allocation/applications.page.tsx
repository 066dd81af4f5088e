import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../../shared/allocation/model';
import { Alert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { hasPermission, useSession } from '../../session';
import { DayText, PriorityText, targetGroundsText } from './application-format';
import { applicationHref, useApplications } from './applications.api';

/** The URL parameter of the status filter. */
const STATUS_PARAM = 'status';

function statusFromParams(params: URLSearchParams): ApplicationStatus | '' {
  const value = params.get(STATUS_PARAM);
  return value !== null && (APPLICATION_STATUSES as readonly string[]).includes(value)
    ? (value as ApplicationStatus)
    : '';
}

function StatusFilter({ status, onChoose }: { status: string; onChoose: (status: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(status);
  const [shown, setShown] = useState(status);
  if (shown !== status) {
    // Back/forward changed the filter: show it without remounting (keeps focus).
    setShown(status);
    setValue(status);
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChoose(value);
  };
  return (
    <form onSubmit={onSubmit} noValidate className="housing-filter">
      <SelectField
        id="applications-status"
        label={t('applications.list.status')}
        placeholder={t('applications.list.anyStatus')}
        options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`allocation.statuses.${s}`) }))}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button button-secondary">
        {t('applications.list.show')}
      </button>
    </form>
  );
}

/** No applications at all: say where they come from. */
function EmptyState() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  return (
    <Alert variant="info" heading={t('applications.list.emptyHeading')} headingLevel={3}>
      <p>{t('applications.list.emptyText')}</p>
      {hasPermission(user, 'allocation.apply') && hasPermission(user, 'citizens.read') ? (
        <p>
          <Link to="/borgere">{t('applications.list.toCitizens')}</Link>
        </p>
      ) : null}
    </Alert>
  );
}

/** /anvisning: every application for social housing allocation, newest first, by status. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = statusFromParams(params);
  const list = useApplications({ status });
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  const caption = status
    ? t('applications.list.captionStatus', {
        status: t(`allocation.statuses.${status}`),
        count: items.length,
      })
    : t('applications.list.caption', { count: items.length });

  return (
    <Page title={t('applications.list.title')}>
      <p className="font-lead">{t('applications.list.intro')}</p>
      <StatusFilter
        status={status}
        onChoose={(next) => setParams(next === '' ? {} : { [STATUS_PARAM]: next })}
      />
      <section aria-labelledby="applications-results-heading" className="citizen-section">
        <h2 id="applications-results-heading">{t('applications.list.resultsHeading')}</h2>
        <div role="status">
          {list.isFetching ? <Loading text={t('applications.list.loading')} announce={false} /> : null}
          {list.data && !list.isFetching && status !== '' ? (
            <p>{t('applications.list.count', { count: items.length })}</p>
          ) : null}
        </div>
        <QueryState query={list} spinner={false} headingLevel={3} />
        {list.data && items.length === 0 && !list.isFetching ? (
          status === '' ? (
            <EmptyState />
          ) : (
            <p>{t('applications.list.noneWithStatus')}</p>
          )
        ) : null}
        {items.length > 0 ? (
          <TableScroll label={caption}>
            <table className="table table--zebra table--compact">
              <caption className="sr-only">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('applications.list.citizen')}</th>
                  <th scope="col">{t('applications.list.status')}</th>
                  <th scope="col">{t('applications.list.targetGrounds')}</th>
                  <th scope="col" className="align-text-right">
                    {t('applications.list.householdSize')}
                  </th>
                  <th scope="col">{t('applications.list.priority')}</th>
                  <th scope="col">{t('applications.list.submitted')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((application) => (
                  <tr key={application.id}>
                    <th scope="row">
                      <Link to={applicationHref(application.id)}>{application.citizenName}</Link>
                    </th>
                    <td>{t(`allocation.statuses.${application.status}`)}</td>
                    <td>{targetGroundsText(t, application.targetGrounds)}</td>
                    <td className="align-text-right">{application.householdSize}</td>
                    <td>
                      <PriorityText value={application.priority} />
                    </td>
                    <td>
                      <DayText value={application.submittedAt} />
                      <span className="d-block form-hint">
                        {t('applications.detail.by', { name: application.submittedByName })}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </Page>
  );
}
