import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { CheckboxField } from '../../components/checkbox-field';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { type DigestSettings, useDigestSettings, useSaveDigestSettings } from './digest.api';

/** Loose check of an address; the server checks it properly. */
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function DigestForm({ settings }: { settings: DigestSettings }) {
  const { t } = useTranslation();
  const save = useSaveDigestSettings();
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'digest',
    initial: { enabled: settings.enabled, email: settings.email ?? '' },
    fields: {
      enabled: { id: 'digest-enabled', label: t('tasksDigest.enabled') },
      email: { id: 'digest-email', label: t('tasksDigest.email') },
    },
  });
  const { values } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    const email = values.email.trim();
    const problems: FieldError[] = [];
    if (values.enabled && email === '') problems.push({ path: 'email', code: 'required' });
    else if (email !== '' && !LOOKS_LIKE_EMAIL.test(email)) problems.push({ path: 'email', code: 'email' });
    if (form.failed(problems)) return;
    save.mutate(
      { enabled: values.enabled, email },
      {
        onSuccess: (saved) => {
          form.clear();
          form.setValues({ enabled: saved.enabled, email: saved.email ?? '' });
          setNotice({ kind: 'success', key: saved.enabled ? 'tasksDigest.savedOn' : 'tasksDigest.savedOff' });
        },
        onError: (error) => form.reportError(error),
      },
    );
  };

  return (
    <>
      <NoticeArea notice={notice} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <CheckboxField {...form.checkbox('enabled')} hint={t('tasksDigest.enabledHint')} />
        <TextField
          {...form.field('email')}
          type="email"
          autoComplete="email"
          spellCheck={false}
          hint={t('tasksDigest.emailHint')}
        />
        <div className="mt-5">
          <button type="submit" className="button button-secondary">
            {t('tasksDigest.save')}
          </button>
        </div>
        {save.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </>
  );
}

/**
 * "Mine opgaver": the user's own opt-in to a daily e-mail of new tasks. The e-mail holds only counts
 * and a link back here, never names or other personal data.
 */
export function DigestSettingsSection() {
  const { t } = useTranslation();
  const settings = useDigestSettings();
  return (
    <Section id="digest" heading={t('tasksDigest.heading')}>
      <p>{t('tasksDigest.intro')}</p>
      <QueryState query={settings} loadingText={t('tasksDigest.loading')} headingLevel={3}>
        {(data) => (
          <>
            {data.available ? null : <p>{t('tasksDigest.unavailable')}</p>}
            <DigestForm settings={data} />
          </>
        )}
      </QueryState>
    </Section>
  );
}
