import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/permissions';
import type { SsoSettingsView } from '../../../shared/sso/api';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { CheckboxField } from '../../components/checkbox-field';
import { ErrorSummary } from '../../components/error-summary';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { useSaveSsoSettings, useSsoSettings } from './sso.api';

interface MappingRow {
  /** A key for React only (rows come and go). */
  key: number;
  value: string;
  role: Role | '';
}

interface Values {
  enabled: boolean;
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string;
  usernameClaim: string;
  mappings: MappingRow[];
}

let nextKey = 1;
const row = (value = '', role: Role | '' = ''): MappingRow => ({ key: nextKey++, value, role });

/** What the browser can tell before sending: every problem named by its field. */
function problemsOf(values: Values, secretSet: boolean): FieldError[] {
  const problems: FieldError[] = [];
  const issuer = values.issuer.trim();
  if (issuer === '') problems.push({ path: 'issuer', code: 'required' });
  else if (!/^https?:\/\/[^/?#\s]+/.test(issuer)) problems.push({ path: 'issuer', code: 'url' });
  if (values.clientId.trim() === '') problems.push({ path: 'clientId', code: 'required' });
  if (!secretSet && values.clientSecret.trim() === '')
    problems.push({ path: 'clientSecret', code: 'required' });
  if (values.roleClaim.trim() === '') problems.push({ path: 'roleClaim', code: 'required' });
  if (values.usernameClaim.trim() === '') problems.push({ path: 'usernameClaim', code: 'required' });
  const seen = new Set<string>();
  values.mappings.forEach((m, i) => {
    const value = m.value.trim();
    if (value === '') problems.push({ path: `roleMappings.${i}.value`, code: 'required' });
    else if (seen.has(value)) problems.push({ path: `roleMappings.${i}.value`, code: 'duplicate_value' });
    seen.add(value);
    if (m.role === '') problems.push({ path: `roleMappings.${i}.role`, code: 'required' });
  });
  if (values.enabled && values.mappings.length === 0)
    problems.push({ path: 'roleMappings', code: 'mapping_required' });
  return problems;
}

function SsoForm({ current }: { current: SsoSettingsView }) {
  const { t } = useTranslation();
  const save = useSaveSsoSettings();
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({
    formKey: 'sso',
    initial: () => ({
      enabled: current.enabled,
      issuer: current.issuer,
      clientId: current.clientId,
      clientSecret: '',
      roleClaim: current.roleClaim,
      usernameClaim: current.usernameClaim,
      mappings: current.roleMappings.map((m) => row(m.value, m.role)),
    }),
    fields: (values) => ({
      enabled: { id: 'sso-enabled', label: t('sso.settings.enabled') },
      issuer: { id: 'sso-issuer', label: t('sso.settings.issuer') },
      clientId: { id: 'sso-client-id', label: t('sso.settings.clientId') },
      clientSecret: { id: 'sso-client-secret', label: t('sso.settings.clientSecret') },
      roleClaim: { id: 'sso-role-claim', label: t('sso.settings.roleClaim') },
      usernameClaim: { id: 'sso-username-claim', label: t('sso.settings.usernameClaim') },
      roleMappings: { id: 'sso-add-mapping', label: t('sso.settings.mappingsHeading') },
      ...Object.fromEntries(
        values.mappings.flatMap((m, i) => [
          [
            `roleMappings.${i}.value`,
            { id: `sso-mapping-${m.key}-value`, label: t('sso.settings.mappingValue', { n: i + 1 }) },
          ],
          [
            `roleMappings.${i}.role`,
            { id: `sso-mapping-${m.key}-role`, label: t('sso.settings.mappingRole', { n: i + 1 }) },
          ],
        ]),
      ),
    }),
  });
  const { values } = form;
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  const setMapping = (index: number, change: Partial<MappingRow>) =>
    form.set(
      'mappings',
      values.mappings.map((m, i) => (i === index ? { ...m, ...change } : m)),
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    if (form.failed(problemsOf(values, current.clientSecretSet))) return;
    const secret = values.clientSecret.trim();
    save.mutate(
      {
        enabled: values.enabled,
        issuer: values.issuer.trim(),
        clientId: values.clientId.trim(),
        ...(secret ? { clientSecret: secret } : {}),
        roleClaim: values.roleClaim.trim(),
        usernameClaim: values.usernameClaim.trim(),
        roleMappings: values.mappings.map((m) => ({ value: m.value.trim(), role: m.role as Role })),
      },
      {
        onSuccess: () => {
          form.clear();
          form.set('clientSecret', '');
          setSaved(true);
        },
        onError: form.reportError,
      },
    );
  };

  return (
    <>
      <div role="status">
        {saved ? (
          <Alert variant="success">
            <p>{t(values.enabled ? 'sso.settings.savedOn' : 'sso.settings.savedOff')}</p>
          </Alert>
        ) : null}
      </div>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <h2>{t('sso.settings.providerHeading')}</h2>
        <TextField
          {...form.field('issuer')}
          hint={t('sso.settings.issuerHint')}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          required
          widthClass="input-width-xl"
        />
        <TextField
          {...form.field('clientId')}
          hint={t('sso.settings.clientIdHint')}
          autoComplete="off"
          spellCheck={false}
          required
          widthClass="input-width-xl"
        />
        <TextField
          {...form.field('clientSecret')}
          type="password"
          hint={t(
            current.clientSecretSet ? 'sso.settings.clientSecretSetHint' : 'sso.settings.clientSecretHint',
          )}
          autoComplete="new-password"
          required={!current.clientSecretSet}
          widthClass="input-width-xl"
        />
        <h2>{t('sso.settings.claimsHeading')}</h2>
        <TextField
          {...form.field('usernameClaim')}
          hint={t('sso.settings.usernameClaimHint')}
          autoComplete="off"
          spellCheck={false}
          required
          widthClass="input-width-m"
        />
        <TextField
          {...form.field('roleClaim')}
          hint={t('sso.settings.roleClaimHint')}
          autoComplete="off"
          spellCheck={false}
          required
          widthClass="input-width-m"
        />
        <fieldset>
          <legend className="h3">{t('sso.settings.mappingsHeading')}</legend>
          <p>{t('sso.settings.mappingsIntro')}</p>
          {values.mappings.map((m, i) => (
            <div key={m.key} className="mb-5">
              <TextField
                {...form.field('issuer', { path: `roleMappings.${i}.value` })}
                value={m.value}
                onChange={(event) => setMapping(i, { value: event.target.value })}
                autoComplete="off"
                spellCheck={false}
                widthClass="input-width-xl"
              />
              <SelectField
                {...form.field('issuer', { path: `roleMappings.${i}.role` })}
                value={m.role}
                onChange={(event) => setMapping(i, { role: event.target.value as Role | '' })}
                options={roleOptions}
                placeholder={t('sso.settings.chooseRole')}
              />
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() =>
                  form.set(
                    'mappings',
                    values.mappings.filter((_, j) => j !== i),
                  )
                }
              >
                {t('sso.settings.removeMapping', { n: i + 1 })}
              </button>
            </div>
          ))}
          {form.fieldMessage('roleMappings') ? (
            <span className="form-error-message" id="sso-mappings-error">
              {form.fieldMessage('roleMappings')}
            </span>
          ) : null}
          <div>
            <button
              type="button"
              id="sso-add-mapping"
              className="button button-secondary"
              onClick={() => form.set('mappings', [...values.mappings, row()])}
            >
              {t('sso.settings.addMapping')}
            </button>
          </div>
        </fieldset>
        <h2>{t('sso.settings.onHeading')}</h2>
        <CheckboxField {...form.checkbox('enabled')} hint={t('sso.settings.enabledHint')} />
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('sso.settings.save')}
        </button>
      </form>
      <section aria-labelledby="sso-register-heading" className="mt-8">
        <h2 id="sso-register-heading">{t('sso.settings.registerHeading')}</h2>
        <p>{t('sso.settings.registerIntro')}</p>
        <dl>
          <dt>{t('sso.settings.redirectUri')}</dt>
          <dd>
            <code>{current.redirectUri}</code>
          </dd>
          <dt>{t('sso.settings.postLogoutRedirectUri')}</dt>
          <dd>
            <code>{current.postLogoutRedirectUri}</code>
          </dd>
        </dl>
      </section>
    </>
  );
}

/** /admin/single-sign-on: the municipality's OpenID Connect provider and how its claims give roles. */
export function SsoSettingsPage() {
  const { t } = useTranslation();
  const settings = useSsoSettings();
  return (
    <Page title={t('sso.settings.title')}>
      <p className="font-lead">{t('sso.settings.intro')}</p>
      <QueryState query={settings} live={false} errorText={() => t('errors.UNKNOWN')}>
        {(data) => <SsoForm current={data} />}
      </QueryState>
    </Page>
  );
}
