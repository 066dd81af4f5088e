import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { ErrorSummary } from '../../components/error-summary';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
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

/** /admin/indstillinger: the municipality's settings (today: when a citizen becomes inactive). */
export function SettingsPage() {
  const { t } = useTranslation();
  const policy = useInactivityPolicy();
  return (
    <Page title={t('settings.title')}>
      <QueryState query={policy} live={false} errorText={() => t('errors.UNKNOWN')}>
        {(data) => <PolicyForm policy={data} />}
      </QueryState>
    </Page>
  );
}
