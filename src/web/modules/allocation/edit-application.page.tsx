import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { OPEN_STATUSES } from '../../../shared/allocation/model';
import { ApiError } from '../../api';
import { Alert } from '../../components/alert';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { ApplicationForm } from './application-form';
import { valuesFromApplication } from './application-values';
import { applicationHref, useApplication } from './applications.api';

/** /anvisning/ansoegninger/:id/rediger: the caseworker corrects an open application (same form, PUT). */
export function EditApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const application = useApplication(id);
  const data = application.data;
  const notFound = application.error instanceof ApiError && application.error.status === 404;
  const closed = data !== undefined && !OPEN_STATUSES.includes(data.status);
  return (
    <Page
      title={
        data ? t('applications.edit.title', { name: data.citizenName }) : t('applications.edit.loadingTitle')
      }
      documentTitle={t('applications.edit.documentTitle')}
    >
      <p>
        <Link to={applicationHref(id)}>{t('applications.edit.back')}</Link>
      </p>
      <QueryState
        query={application}
        renderError={() =>
          notFound ? (
            <Alert variant="error" live="alert">
              <p>{t('applications.detail.notFound')}</p>
            </Alert>
          ) : undefined
        }
      />
      {closed ? (
        <Alert variant="info">
          <p>{t('applications.edit.closed', { status: t(`allocation.statuses.${data.status}`) })}</p>
        </Alert>
      ) : null}
      {data && !closed ? (
        <>
          <p className="font-lead">{t('applications.edit.intro')}</p>
          <ApplicationForm
            key={data.id}
            citizenId={data.citizenId}
            citizenName={data.citizenName}
            initial={valuesFromApplication(data)}
            applicationId={data.id}
            cancelTo={applicationHref(data.id)}
          />
        </>
      ) : null}
    </Page>
  );
}
