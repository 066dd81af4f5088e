import { useTranslation } from 'react-i18next';
import { useLoginChoices } from './sso.api';

/**
 * The login page's single sign-on: one link per municipality with single sign-on on ("Log ind med
 * Høje-Taastrup Kommune (single sign-on)"). A link, not a script: the browser goes to the server,
 * which sends it on to the municipality's provider. Nothing while the list loads or when it is empty.
 */
export function SsoLoginChoices() {
  const { t } = useTranslation();
  const choices = useLoginChoices();
  const items = choices.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="sso-login-heading" className="mt-8">
      <h2 id="sso-login-heading">{t('sso.login.heading')}</h2>
      <p>{t('sso.login.intro')}</p>
      <ul className="nobullet-list">
        {items.map((choice) => (
          <li key={choice.code} className="mb-4">
            <a className="button button-secondary" href={`/api/sso/${choice.code}/start`}>
              {t('sso.login.button', { name: choice.name })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
