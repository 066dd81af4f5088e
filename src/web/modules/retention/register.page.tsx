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
          <h2 id={`register-${a.module}`}>{t(`dataRetention.modules.${a.module}`)}</h2>
          <dl>
            <dt>{t('dataRetention.register.purpose')}</dt>
            <dd>{t(`dataRetention.purposes.${a.module}`)}</dd>
            <dt>{t('dataRetention.register.subjects')}</dt>
            <dd>{list('dataRetention.subjects', a.subjects)}</dd>
            <dt>{t('dataRetention.register.categories')}</dt>
            <dd>{list('dataRetention.categories', a.categories)}</dd>
            <dt>{t('dataRetention.register.legalBases')}</dt>
            <dd>{list('dataRetention.legalBases', a.legalBases)}</dd>
            <dt>{t('dataRetention.register.recipients')}</dt>
            <dd>{list('dataRetention.recipients', a.recipients)}</dd>
            <dt>{t('dataRetention.register.retention')}</dt>
            <dd>{t(`dataRetention.rules.${a.retention}`, { years: register.retentionYears })}</dd>
            {a.tables.length > 0 ? (
              <>
                <dt>{t('dataRetention.register.tables')}</dt>
                <dd>{a.tables.join(', ')}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ))}
      <section aria-labelledby="register-measures">
        <h2 id="register-measures">{t('dataRetention.register.measuresHeading')}</h2>
        <ul>
          {(['tenant', 'access', 'audit', 'crypto', 'retention'] as const).map((m) => (
            <li key={m}>{t(`dataRetention.measures.${m}`)}</li>
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
    <Page title={t('dataRetention.register.title')}>
      <p>{t('dataRetention.register.intro')}</p>
      <QueryState query={register} live={false} errorText={() => t('errors.UNKNOWN')}>
        {(data) => <Activities register={data} />}
      </QueryState>
    </Page>
  );
}
