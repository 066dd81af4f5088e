import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { errorMessage } from '../../i18n/errors';
import type { EnrolmentStart } from './second-factor.api';

/** A wrong or used code is a problem of the code field. */
const CODE_ERRORS = { AUTH_CODE_INVALID: { path: 'code', code: 'invalid' } };

/**
 * A form with one field for a code from the authenticator app (or, with `allowRecovery`, a
 * recovery code in its place) and its submit button.
 */
export function CodeForm({
  id,
  submitLabel,
  allowRecovery = false,
  onCode,
}: {
  id: string;
  submitLabel: string;
  allowRecovery?: boolean;
  /** Sends the code; throws the API's error when it is refused. */
  onCode: (code: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [sending, setSending] = useState(false);
  const form = useForm({
    formKey: 'secondFactor',
    initial: { code: '' },
    fields: { code: { id, label: t(allowRecovery ? 'secondFactor.codeOrRecovery' : 'secondFactor.code') } },
    serverErrors: CODE_ERRORS,
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    const code = form.values.code.trim();
    if (form.failed(code === '' ? [{ path: 'code', code: 'required' }] : [])) return;
    setSending(true);
    try {
      await onCode(code);
      form.clear();
    } catch (error) {
      form.set('code', '');
      form.reportError(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          {...form.field('code')}
          name="code"
          hint={t(allowRecovery ? 'secondFactor.codeOrRecoveryHint' : 'secondFactor.codeHint')}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          inputMode={allowRecovery ? 'text' : 'numeric'}
          required
          widthClass="input-width-s"
        />
        <button type="submit" className="button button-primary" disabled={sending}>
          {submitLabel}
        </button>
        {sending ? <Loading text={t('secondFactor.checking')} /> : null}
      </form>
    </>
  );
}

/**
 * Setting up a second factor: a new secret as a QR code and as text (for a screen reader, a keyboard
 * or an app on the same device), then a code from the app to confirm it.
 */
export function Enrolment({
  start,
  confirm,
}: {
  /** Asks the server for a new secret (once, when shown). */
  start: () => Promise<EnrolmentStart>;
  /** Confirms with a code; throws the API's error when it is refused. */
  confirm: (code: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<EnrolmentStart | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    // Once per showing: a second secret would replace the first one the user may have scanned.
    if (started.current) return;
    started.current = true;
    start().then(setEnrolment, setFailure);
  }, [start]);

  if (failure)
    return (
      <Alert variant="error" live="alert">
        <p>{errorMessage(t, failure)}</p>
      </Alert>
    );
  if (!enrolment) return <Loading text={t('secondFactor.preparing')} />;
  const grouped = enrolment.secret.match(/.{1,4}/g)?.join(' ') ?? enrolment.secret;
  return (
    <section aria-labelledby="enrol-heading">
      <h2 id="enrol-heading">{t('secondFactor.enrolHeading')}</h2>
      <ol>
        <li>{t('secondFactor.enrolStep1')}</li>
        <li>
          {t('secondFactor.enrolStep2')}
          <div className="mt-3 mb-3">
            <img src={enrolment.qrCode} alt={t('secondFactor.qrAlt')} width={200} height={200} />
          </div>
          <dl>
            <dt>{t('secondFactor.secretLabel')}</dt>
            <dd>
              <code id="totp-secret">{grouped}</code>
            </dd>
          </dl>
        </li>
        <li>{t('secondFactor.enrolStep3')}</li>
      </ol>
      <CodeForm id="enrol-code" submitLabel={t('secondFactor.confirm')} onCode={confirm} />
    </section>
  );
}

/** The new recovery codes, shown once, with what to do with them. */
export function RecoveryCodes({ codes, children }: { codes: string[]; children?: ReactNode }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="recovery-heading">
      <h2 id="recovery-heading" ref={heading} tabIndex={-1}>
        {t('secondFactor.recoveryHeading')}
      </h2>
      <Alert variant="warning">
        <p>{t('secondFactor.recoveryWarning', { count: codes.length })}</p>
      </Alert>
      <ol className="recovery-codes" aria-label={t('secondFactor.recoveryList')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      {children}
    </section>
  );
}
