import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { OPEN_STATUSES } from '../../../shared/allocation/model';
import { ApiError } from '../../api';
import { Alert } from '../../components/alert';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { citizenName, useCitizen } from '../citizens';
import { ApplicationForm } from './application-form';
import { valuesFromCitizen } from './application-values';
import { applicationHref, useApplications } from './applications.api';

/** An open application of the citizen, if there is one: a citizen has at most one. */
function OpenApplicationNotice({ citizenId }: { citizenId: string }) {
  const { t } = useTranslation();
  const applications = useApplications({ citizenId });
  const open = applications.data?.items.find((a) => OPEN_STATUSES.includes(a.status));
  if (!open) return null;
  return (
    <Alert variant="warning" heading={t('applications.create.openHeading')}>
      <p>
        {t('applications.create.openText', { status: t(`allocation.statuses.${open.status}`) })}{' '}
        <Link to={applicationHref(open.id)}>{t('applications.form.openExisting')}</Link>
      </p>
    </Alert>
  );
}

function CitizenForm({ citizenId }: { citizenId: string }) {
  const { t } = useTranslation();
  const citizen = useCitizen(citizenId, 'allocation');
  const notFound = citizen.error instanceof ApiError && citizen.error.status === 404;
  if (citizen.isPending || citizen.isError)
    return (
      <QueryState
        query={citizen}
        loadingText={t('applications.create.loadingCitizen')}
        renderError={() =>
          notFound ? (
            <Alert variant="error" live="alert">
              <p>{t('applications.create.citizenNotFound')}</p>
              <p>
                <Link to="/borgere">{t('applications.create.toCitizens')}</Link>
              </p>
            </Alert>
          ) : undefined
        }
      />
    );
  const data = citizen.data;
  const name = citizenName(t, data);
  return (
    <>
      <p>
        <Link to={`/borgere/${encodeURIComponent(data.id)}`}>
          {t('applications.create.backToCitizen', { name })}
        </Link>
      </p>
      <OpenApplicationNotice citizenId={data.id} />
      <ApplicationForm
        key={data.id}
        citizenId={data.id}
        citizenName={name}
        initial={valuesFromCitizen(data)}
        applicationId={null}
        cancelTo={`/borgere/${encodeURIComponent(data.id)}`}
      />
    </>
  );
}

/** /anvisning/ny?citizenId=…: the caseworker recommends a citizen for social housing allocation. */
export function CreateApplicationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const citizenId = params.get('citizenId') ?? '';
  return (
    <Page title={t('applications.create.title')}>
      <p className="font-lead">{t('applications.create.intro')}</p>
      {citizenId === '' ? (
        <Alert variant="info" heading={t('applications.create.noCitizenHeading')}>
          <p>{t('applications.create.noCitizen')}</p>
          <p>
            <Link to="/borgere">{t('applications.create.toCitizens')}</Link>
          </p>
        </Alert>
      ) : (
        <CitizenForm citizenId={citizenId} />
      )}
    </Page>
  );
}
