import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { FieldError } from '../../api';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import type { LoginRedirectState } from '../../components/require-auth';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { login, useSession } from '../../session';
import { SsoLoginChoices } from '../sso';

function targetAfterLogin(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  if (!from || from.pathname === '/login') return '/';
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

/** /login: username and password; afterwards back to the page the user asked for, or to /. */
export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const [submitting, setSubmitting] = useState(false);
  const form = useForm({
    formKey: 'login',
    initial: { username: '', password: '' },
    fields: {
      username: { id: 'login-username', label: t('login.username') },
      password: { id: 'login-password', label: t('login.password') },
    },
  });
  const { username, password } = form.values;

  if (session.data && !submitting) return <Navigate to={targetAfterLogin(location.state)} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const missing: FieldError[] = [];
    if (username.trim() === '') missing.push({ path: 'username', code: 'required' });
    if (password === '') missing.push({ path: 'password', code: 'required' });
    if (form.failed(missing)) return;
    setSubmitting(true);
    try {
      await login(queryClient, username.trim(), password);
      form.clear();
      await navigate(targetAfterLogin(location.state), { replace: true });
    } catch (error) {
      form.set('password', '');
      form.reportError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Page title={t('login.title')}>
      <p className="font-lead">{t('login.intro')}</p>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          {...form.field('username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          widthClass="input-width-l"
        />
        <TextField
          {...form.field('password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          widthClass="input-width-l"
        />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('login.submit')}
          </button>
        </div>
        {submitting ? <Loading text={t('login.submitting')} /> : null}
      </form>
      <SsoLoginChoices />
    </Page>
  );
}
