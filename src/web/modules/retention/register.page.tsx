import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { type ProcessingRegister, useProcessingRegister } from './retention.api';

function Activities({ register }: { register: ProcessingRegister }) {
  const { t } = useTranslation();
  const list = (prefix: string, codes: readonly string[]) => codes.map((c) => t(`${prefix}.${c}`)).join(', ');
  return (
    <>
      {register.activities.map((a) => (
        <section key={a.module} aria-labelledby={`register-${a.module}`}>
          <h2 id={`register-${a.module}`}>{t(`retention.modules.${a.module}`)}</h2>
          <dl>
            <dt>{t('retention.register.purpose')}</dt>
            <dd>{t(`retention.purposes.${a.module}`)}</dd>
            <dt>{t('retention.register.subjects')}</dt>
            <dd>{list('retention.subjects', a.subjects)}</dd>
            <dt>{t('retention.register.categories')}</dt>
            <dd>{list('retention.categories', a.categories)}</dd>
            <dt>{t('retention.register.legalBases')}</dt>
            <dd>{list('retention.legalBases', a.legalBases)}</dd>
            <dt>{t('retention.register.recipients')}</dt>
            <dd>{list('retention.recipients', a.recipients)}</dd>
            <dt>{t('retention.register.retention')}</dt>
            <dd>{t(`retention.rules.${a.retention}`, { years: register.retentionYears })}</dd>
            {a.tables.length > 0 ? (
              <>
                <dt>{t('retention.register.tables')}</dt>
                <dd>{a.tables.join(', ')}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ))}
      <section aria-labelledby="register-measures">
        <h2 id="register-measures">{t('retention.register.measuresHeading')}</h2>
        <ul>
          {(['tenant', 'access', 'audit', 'crypto', 'retention'] as const).map((m) => (
            <li key={m}>{t(`retention.measures.${m}`)}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** /fortegnelse: the register of processing activities (GDPR art. 30), generated from the modules. */
export function RegisterPage() {
  const { t } = useTranslation();
  const register = useProcessingRegister();
  return (
    <Page title={t('retention.register.title')}>
      <p>{t('retention.register.intro')}</p>
      <QueryState query={register} live={false} errorText={() => t('errors.UNKNOWN')}>
        {(data) => <Activities register={data} />}
      </QueryState>
    </Page>
  );
}
