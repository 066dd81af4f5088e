import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { CheckboxGroup } from '../../components/checkbox-group';
import { ErrorSummary } from '../../components/error-summary';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { errorMessage } from '../../i18n/errors';
import { hasPermission, useSession } from '../../session';
import { useRoles, useSaveSecondFactorRoles, useSecondFactorRoles } from '../access';
import { type InactivityPolicy, useInactivityPolicy, useSaveInactivityPolicy } from './settings.api';

const FIELDS = ['noContactDays', 'institutionDays'] as const;

/** Whole days from 1 to 3650, as typed; null when it is no such number. */
function days(value: string): number | null {
  if (!/^\d{1,4}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= 1 && n <= 3650 ? n : null;
}

function PolicyForm({ policy }: { policy: InactivityPolicy }) {
  const { t } = useTranslation();
  const save = useSaveInactivityPolicy();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    formKey: 'settings',
    initial: () => ({
      noContactDays: String(policy.noContactDays),
      institutionDays: String(policy.institutionDays),
    }),
    fields: {
      noContactDays: { id: 'policy-no-contact', label: t('settings.noContactDays') },
      institutionDays: { id: 'policy-institution', label: t('settings.institutionDays') },
    },
  });
  const { values } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    const problems: FieldError[] = FIELDS.filter((f) => days(values[f]) === null).map((path) => ({
      path,
      code: 'days',
    }));
    if (form.failed(problems)) return;
    save.mutate(
      { noContactDays: days(values.noContactDays) ?? 0, institutionDays: days(values.institutionDays) ?? 0 },
      {
        onSuccess: () => {
          form.clear();
          setSaved(true);
        },
        onError: form.reportError,
      },
    );
  };

  return (
    <section aria-labelledby="policy-heading">
      <h2 id="policy-heading">{t('settings.policyHeading')}</h2>
      <p>{t('settings.policyIntro')}</p>
      <div role="status">
        {saved ? (
          <Alert variant="success">
            <p>{t('settings.saved')}</p>
          </Alert>
        ) : null}
      </div>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          {...form.field('noContactDays')}
          hint={t('settings.noContactHint')}
          inputMode="numeric"
          required
          widthClass="input-width-xs"
        />
        <TextField
          {...form.field('institutionDays')}
          hint={t('settings.institutionHint')}
          inputMode="numeric"
          required
          widthClass="input-width-xs"
        />
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('settings.save')}
        </button>
      </form>
    </section>
  );
}

/** The roles that must log in with a second factor (issue 20 §3; the access module keeps them). */
function SecondFactorRolesForm({ roles, codes }: { roles: string[]; codes: string[] }) {
  const { t } = useTranslation();
  const save = useSaveSecondFactorRoles();
  const [chosen, setChosen] = useState(roles);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    setFailure(null);
    save.mutate(chosen, { onSuccess: () => setSaved(true), onError: setFailure });
  };

  return (
    <section aria-labelledby="second-factor-heading">
      <h2 id="second-factor-heading">{t('settings.secondFactorHeading')}</h2>
      <p>{t('settings.secondFactorIntro')}</p>
      <div role="status">
        {saved ? (
          <Alert variant="success">
            <p>{t('settings.secondFactorSaved')}</p>
          </Alert>
        ) : null}
      </div>
      {failure ? (
        <Alert variant="error" live="alert">
          <p>{errorMessage(t, failure)}</p>
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <CheckboxGroup
          id="second-factor-roles"
          legend={t('settings.secondFactorRoles')}
          hint={t('settings.secondFactorHint')}
          options={codes.map((code) => ({ value: code, label: t(`roles.${code}`, { defaultValue: code }) }))}
          values={chosen}
          onChange={setChosen}
        />
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('settings.secondFactorSave')}
        </button>
      </form>
    </section>
  );
}

function SecondFactorRoles() {
  const { t } = useTranslation();
  const roles = useSecondFactorRoles();
  const all = useRoles();
  return (
    <QueryState query={roles} live={false} errorText={() => t('errors.UNKNOWN')}>
      {(data) =>
        all.data ? (
          <SecondFactorRolesForm roles={data.roles} codes={all.data.items.map((r) => r.code)} />
        ) : null
      }
    </QueryState>
  );
}

/** /admin/indstillinger: the municipality's settings (when a citizen becomes inactive; second factor). */
export function SettingsPage() {
  const { t } = useTranslation();
  const policy = useInactivityPolicy();
  const user = useSession().data?.user;
  return (
    <Page title={t('settings.title')}>
      <QueryState query={policy} live={false} errorText={() => t('errors.UNKNOWN')}>
        {(data) => <PolicyForm policy={data} />}
      </QueryState>
      {hasPermission(user, 'users.manage') ? <SecondFactorRoles /> : null}
    </Page>
  );
}
