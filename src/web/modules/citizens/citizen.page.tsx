import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api';
import { Alert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { useCitizenActions } from '../../components/navigation';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { SelectField } from '../../components/select-field';
import { isoToDanishDate } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { PageTasks } from '../tasks';
import { ConsentsSection } from './citizen-consents';
import { ContactsSection } from './citizen-contacts';
import { EpisodesSection } from './citizen-episodes';
import { FactsSection, StatusSection } from './citizen-facts';
import { citizenName } from './citizen-format';
import { HouseholdSection } from './citizen-household';
import { MergesSection } from './citizen-merges';
import { SensitiveSection } from './citizen-sensitive';
import { TimelineSection } from './citizen-timeline';
import {
  type CitizenDetail,
  defaultPurpose,
  exportHref,
  type Purpose,
  useCitizen,
  VIEW_PURPOSES,
} from './citizens.api';
import type { RegisteredState } from './create-citizen.page';

/** The URL parameter that remembers the chosen purpose. */
const PURPOSE_PARAM = 'formaal';

function isViewPurpose(value: string | null): value is Purpose {
  return value !== null && (VIEW_PURPOSES as readonly string[]).includes(value);
}

function PurposeSelect({ value, onChange }: { value: Purpose; onChange: (purpose: Purpose) => void }) {
  const { t } = useTranslation();
  return (
    <div className="citizen-purpose">
      <SelectField
        id="citizen-purpose"
        label={t('citizen.purpose.label')}
        hint={t('citizen.purpose.hint')}
        options={VIEW_PURPOSES.map((p) => ({ value: p, label: t(`purposes.${p}`) }))}
        value={value}
        onChange={(event) => {
          if (isViewPurpose(event.target.value)) onChange(event.target.value);
        }}
      />
    </div>
  );
}

function isRegisteredState(state: unknown): state is RegisteredState {
  return typeof state === 'object' && state !== null && (state as RegisteredState).registered === true;
}

/** After a registration: confirmation, and any likely duplicates sent to review. */
function RegisteredNotice({ state }: { state: RegisteredState }) {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  return (
    <>
      <div role="status">
        <Alert variant="success">
          <p>{t('citizen.registered')}</p>
        </Alert>
      </div>
      {state.duplicates.length > 0 ? (
        <Alert variant="info" heading={t('citizen.duplicates.heading')}>
          <ul className="nobullet-list">
            {state.duplicates.map((duplicate) => (
              <li key={duplicate.id}>
                {t('citizen.duplicates.text', {
                  name: duplicate.name ?? t('citizens.unnamed'),
                  birthDate: isoToDanishDate(duplicate.birthDate),
                })}
              </li>
            ))}
          </ul>
          {hasPermission(user, 'citizens.merge') ? (
            <p>
              <Link to="/borgere/dubletter">{t('citizen.duplicates.review')}</Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
    </>
  );
}

function CitizenContent({ citizen, purpose }: { citizen: CitizenDetail; purpose: Purpose }) {
  const { t } = useTranslation();
  return (
    <>
      <StatusSection citizen={citizen} />
      <MergesSection citizen={citizen} />
      <EpisodesSection citizen={citizen} />
      <ContactsSection citizen={citizen} />
      <FactsSection citizen={citizen} purpose={purpose} />
      <SensitiveSection citizen={citizen} />
      <HouseholdSection citizen={citizen} />
      <ConsentsSection citizen={citizen} />
      <TimelineSection citizen={citizen} />
      {citizen.abilities.write ? (
        <section aria-labelledby="citizen-export-heading" className="citizen-section">
          <h2 id="citizen-export-heading">{t('citizen.export.heading')}</h2>
          <p>{t('citizen.export.intro')}</p>
          <p>
            <a href={exportHref(citizen.id)}>{t('citizen.export.link')}</a>
          </p>
        </section>
      ) : null}
    </>
  );
}

/** The other modules' links for this citizen that the user may follow (a recommendation, an enrollment, the plan). */
function CitizenActions({ citizenId }: { citizenId: string }) {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const actions = useCitizenActions().filter((action) => hasPermission(user, action.permission));
  if (actions.length === 0) return null;
  return (
    <ul className="nobullet-list citizen-actions">
      {actions.map((action) => (
        <li key={action.labelKey}>
          <Link to={action.to(citizenId)} className="button button-secondary">
            {t(action.labelKey)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** /borgere/:id: everything about one citizen, viewed (and logged) for a stated purpose. */
export function CitizenPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const user = useSession().data?.user;
  const chosen = params.get(PURPOSE_PARAM);
  const purpose = isViewPurpose(chosen) ? chosen : defaultPurpose(user?.role);
  const citizen = useCitizen(id, purpose);
  const data = citizen.data;
  const notFound = citizen.error instanceof ApiError && citizen.error.status === 404;

  const title = data
    ? citizenName(t, data)
    : notFound
      ? t('citizen.notFound.title')
      : t('citizen.loadingTitle');

  const choosePurpose = (next: Purpose) => {
    const nextParams = new URLSearchParams(params);
    nextParams.set(PURPOSE_PARAM, next);
    // Keep any registration notice (router state) while the same page is shown for a new purpose.
    setParams(nextParams, { replace: true, state: location.state });
  };

  return (
    <Page title={title} documentTitle={notFound ? title : t('citizen.documentTitle')}>
      <p>
        <Link to="/borgere">{t('citizen.backToList')}</Link>
      </p>
      {isRegisteredState(location.state) ? <RegisteredNotice state={location.state} /> : null}
      {notFound ? (
        <Alert variant="error" live="alert">
          <p>{t('citizen.notFound.text')}</p>
        </Alert>
      ) : (
        <PurposeSelect value={purpose} onChange={choosePurpose} />
      )}
      <QueryState
        query={citizen}
        loadingText={t('citizen.loading')}
        renderError={() => (notFound ? null : undefined)}
      />
      {data ? <CitizenActions citizenId={data.id} /> : null}
      {data ? (
        <>
          {citizen.isFetching && citizen.isPlaceholderData ? <Loading text={t('citizen.loading')} /> : null}
          <PageTasks />
          <CitizenContent key={data.id} citizen={data} purpose={purpose} />
        </>
      ) : null}
    </Page>
  );
}
