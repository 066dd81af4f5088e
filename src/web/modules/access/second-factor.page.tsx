import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import {
  type SecondFactorStatus,
  startOwnEnrolment,
  useConfirmOwnEnrolment,
  useRegenerateRecoveryCodes,
  useSecondFactorStatus,
} from './second-factor.api';
import { CodeForm, Enrolment, RecoveryCodes } from './second-factor.components';

function Enrolled({ status }: { status: SecondFactorStatus }) {
  const { t } = useTranslation();
  const regenerate = useRegenerateRecoveryCodes();
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) return <RecoveryCodes codes={codes} />;
  return (
    <>
      <Alert variant="success">
        <p>{t('secondFactor.isOn')}</p>
      </Alert>
      <p>{t('secondFactor.codesLeft', { count: status.recoveryCodesLeft })}</p>
      <section aria-labelledby="regenerate-heading">
        <h2 id="regenerate-heading">{t('secondFactor.regenerateHeading')}</h2>
        <p>{t('secondFactor.regenerateIntro')}</p>
        <CodeForm
          id="regenerate-code"
          submitLabel={t('secondFactor.regenerate')}
          onCode={async (code) => setCodes((await regenerate.mutateAsync(code)).recoveryCodes)}
        />
      </section>
      <p>{t('secondFactor.lostPhone')}</p>
    </>
  );
}

function NotEnrolled({ status }: { status: SecondFactorStatus }) {
  const { t } = useTranslation();
  const confirm = useConfirmOwnEnrolment();
  const [enrolling, setEnrolling] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes)
    return (
      <>
        <Alert variant="success" live="status">
          <p>{t('secondFactor.enrolled')}</p>
        </Alert>
        <RecoveryCodes codes={codes} />
      </>
    );
  if (enrolling)
    return (
      <Enrolment
        start={startOwnEnrolment}
        confirm={async (code) => setCodes((await confirm.mutateAsync(code)).recoveryCodes)}
      />
    );
  return (
    <>
      <p>{t(status.required ? 'secondFactor.requiredForRole' : 'secondFactor.optional')}</p>
      <button type="button" className="button button-primary" onClick={() => setEnrolling(true)}>
        {t('secondFactor.start')}
      </button>
    </>
  );
}

/** /konto/totrin: the user's own second factor — set it up, or new recovery codes. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const status = useSecondFactorStatus();
  const [initial, setInitial] = useState<boolean | null>(null);
  if (status.data && initial === null) setInitial(status.data.enrolled);
  return (
    <Page title={t('secondFactor.title')}>
      <p className="font-lead">{t('secondFactor.intro')}</p>
      <QueryState query={status} live={false} errorText={() => t('errors.UNKNOWN')}>
        {(data) =>
          // Keeps the enrolment's recovery codes on screen when the status turns to "enrolled".
          initial ? <Enrolled status={data} /> : <NotEnrolled status={data} />
        }
      </QueryState>
    </Page>
  );
}
