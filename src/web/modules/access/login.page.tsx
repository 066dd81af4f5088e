import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, type FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import type { LoginRedirectState } from '../../components/require-auth';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { login, type Session, startSession, useSession } from '../../session';
import { SsoLoginChoices } from '../sso';
import { confirmLoginEnrolment, sendLoginCode, startLoginEnrolment } from './second-factor.api';
import { CodeForm, Enrolment, RecoveryCodes } from './second-factor.components';

/** Where the login stands: the password, a code, enrolment, or the new recovery codes to note. */
type Stage =
  | { kind: 'password' }
  | { kind: 'totp' }
  | { kind: 'enrol' }
  | { kind: 'recovery'; codes: string[]; session: Session };

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
  const [stage, setStage] = useState<Stage>({ kind: 'password' });
  const form = useForm({
    formKey: 'login',
    initial: { username: '', password: '' },
    fields: {
      username: { id: 'login-username', label: t('login.username') },
      password: { id: 'login-password', label: t('login.password') },
    },
  });
  const { username, password } = form.values;

  if (session.data && !submitting && stage.kind !== 'recovery')
    return <Navigate to={targetAfterLogin(location.state)} replace />;

  const done = async (next: Session) => {
    startSession(queryClient, next);
    await navigate(targetAfterLogin(location.state), { replace: true });
  };

  /** Runs a second step; when its five minutes have run out, back to the password, saying so. */
  const secondStep = async (step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'AUTH_SECOND_STEP_EXPIRED')) throw error;
      setStage({ kind: 'password' });
      form.reportError(error);
    }
  };

  if (stage.kind === 'totp')
    return (
      <Page title={t('secondFactor.loginTitle')}>
        <p className="font-lead">{t('secondFactor.loginIntro')}</p>
        <CodeForm
          id="login-code"
          allowRecovery
          submitLabel={t('login.submit')}
          onCode={(code) =>
            secondStep(async () => {
              setSubmitting(true);
              try {
                await done(await sendLoginCode(code));
              } finally {
                setSubmitting(false);
              }
            })
          }
        />
      </Page>
    );

  if (stage.kind === 'enrol')
    return (
      <Page title={t('secondFactor.enrolTitle')}>
        <p className="font-lead">{t('secondFactor.enrolRequired')}</p>
        <Enrolment
          start={startLoginEnrolment}
          confirm={(code) =>
            secondStep(async () => {
              const { recoveryCodes, ...next } = await confirmLoginEnrolment(code);
              setStage({ kind: 'recovery', codes: recoveryCodes, session: next });
            })
          }
        />
      </Page>
    );

  if (stage.kind === 'recovery')
    return (
      <Page title={t('secondFactor.enrolTitle')}>
        <Alert variant="success" live="status">
          <p>{t('secondFactor.enrolled')}</p>
        </Alert>
        <RecoveryCodes codes={stage.codes}>
          <button type="button" className="button button-primary" onClick={() => void done(stage.session)}>
            {t('secondFactor.continue')}
          </button>
        </RecoveryCodes>
      </Page>
    );

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const missing: FieldError[] = [];
    if (username.trim() === '') missing.push({ path: 'username', code: 'required' });
    if (password === '') missing.push({ path: 'password', code: 'required' });
    if (form.failed(missing)) return;
    setSubmitting(true);
    try {
      const answer = await login(queryClient, username.trim(), password);
      form.clear();
      if ('secondStep' in answer) setStage({ kind: answer.secondStep });
      else await navigate(targetAfterLogin(location.state), { replace: true });
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
