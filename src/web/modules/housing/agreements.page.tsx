import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../components/alert';
import { DateText } from '../../components/date-text';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { TableScroll } from '../../components/table-scroll';
import { hasPermission, useSession } from '../../session';
import type { AgreementSavedState } from './agreement.page';
import { useAgreements } from './housing.api';

function savedName(state: unknown): string | null {
  const name = (state as AgreementSavedState | null)?.savedAgreement;
  return typeof name === 'string' ? name : null;
}

/** /boliger/aftaler: the framework agreements (rammeaftaler) with their periods. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const canManage = hasPermission(useSession().data?.user, 'housing.manage');
  const agreements = useAgreements();
  const saved = savedName(location.state);
  const items = [...(agreements.data?.items ?? [])].sort(
    (a, b) => b.validFrom.localeCompare(a.validFrom) || a.name.localeCompare(b.name, 'da'),
  );

  return (
    <Page title={t('housing.agreements.title')}>
      <p className="font-lead">{t('housing.agreements.intro')}</p>
      <div role="status">
        {saved ? (
          <Alert variant="success">
            <p>{t('housing.agreements.saved', { name: saved })}</p>
          </Alert>
        ) : null}
      </div>
      {canManage ? (
        <p>
          <Link to="/boliger/aftaler/ny" className="button button-primary">
            {t('housing.agreements.create')}
          </Link>
        </p>
      ) : null}
      <QueryState query={agreements} />
      {agreements.data && items.length === 0 ? <p>{t('housing.agreements.none')}</p> : null}
      {items.length > 0 ? (
        <TableScroll label={t('housing.agreements.caption', { count: items.length })}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{t('housing.agreements.caption', { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('housing.agreement.name')}</th>
                <th scope="col">{t('housing.agreement.organisation')}</th>
                <th scope="col">{t('housing.agreement.validFrom')}</th>
                <th scope="col">{t('housing.agreement.validTo')}</th>
                <th scope="col" className="align-text-right">
                  {t('housing.agreements.departments')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((agreement) => (
                <tr key={agreement.id}>
                  <th scope="row">
                    <Link to={`/boliger/aftaler/${encodeURIComponent(agreement.id)}`}>{agreement.name}</Link>
                  </th>
                  <td>{agreement.organisationName}</td>
                  <td>
                    <DateText value={agreement.validFrom} />
                  </td>
                  <td>
                    {agreement.validTo ? (
                      <DateText value={agreement.validTo} />
                    ) : (
                      t('housing.agreements.openEnded')
                    )}
                  </td>
                  <td className="align-text-right">
                    {new Set(agreement.quotas.map((q) => q.departmentId)).size}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </Page>
  );
}
