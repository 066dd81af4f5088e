import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SSO_REFUSALS, type SsoRefusal } from '../../../shared/sso/api';
import { Alert } from '../../components/alert';
import { Page } from '../../components/page';

/**
 * /login/sso?fejl=<reason>: why a single sign-on login was refused (no role for the user's groups,
 * a username in use, a disabled user, or the provider's answer was refused), and the way back.
 */
export function SsoRefusedPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const given = params.get('fejl');
  const reason: SsoRefusal = SSO_REFUSALS.find((r) => r === given) ?? 'failed';
  return (
    <Page title={t('sso.refused.title')}>
      <Alert variant="error" heading={t(`sso.refused.${reason}.heading`)}>
        <p>{t(`sso.refused.${reason}.text`)}</p>
      </Alert>
      <p>
        <Link to="/login">{t('sso.refused.back')}</Link>
      </p>
    </Page>
  );
}
