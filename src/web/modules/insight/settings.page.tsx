import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SharingInput } from '../../../shared/insight/comparison';
import { MIN_SMALL_NUMBER_LIMIT, SMALL_NUMBER_LIMIT } from '../../../shared/suppression';
import { type FieldError, settle } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary } from '../../components/error-summary';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { readNumber } from '../../components/read-field';
import { Facts, Section } from '../../components/section';
import { TextField } from '../../components/text-field';
import { useConfirmedMutation } from '../../components/use-confirmed-mutation';
import { useForm } from '../../components/use-form';
import { formatWhole } from '../../i18n/format';
import { formatDateTime } from './steering';
import {
  type InsightSettings,
  useInsightSettings,
  usePublishNow,
  useSaveSharing,
  useSaveSuppressionLimit,
} from './steering.api';

/** Rule 33: the limit below which counts are shown as "under N" (never below 3). */
function LimitForm({ settings }: { settings: InsightSettings }) {
  const { t } = useTranslation();
  const save = useSaveSuppressionLimit();
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'insightSettings',
    initial: () => ({ suppressionLimit: String(settings.suppressionLimit) }),
    fields: { suppressionLimit: { id: 'insight-limit', label: t('insightSettings.limit.label') } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    // Whole numbers only here; the server names a limit below 3 (its own error, shown on the field).
    const limit = readNumber(form.values.suppressionLimit, 'count', 'suppressionLimit', problems);
    if (form.failed(problems) || limit === undefined) return;
    settle(
      save,
      { suppressionLimit: limit },
      {
        onSuccess: (saved) => {
          form.clear();
          setNotice({
            kind: 'success',
            key: 'insightSettings.limit.saved',
            params: { limit: saved.suppressionLimit },
          });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <Section id="insight-limit-section" heading={t('insightSettings.limit.heading')}>
      <p>{t('insightSettings.limit.intro', { min: MIN_SMALL_NUMBER_LIMIT, standard: SMALL_NUMBER_LIMIT })}</p>
      <form onSubmit={onSubmit} noValidate>
        {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
        <TextField
          {...form.field('suppressionLimit')}
          hint={t('insightSettings.limit.hint', { min: MIN_SMALL_NUMBER_LIMIT })}
          inputMode="numeric"
          widthClass="input-width-xs"
        />
        <NoticeArea notice={notice} />
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('insightSettings.limit.save')}
        </button>
      </form>
    </Section>
  );
}

/** The decision on sharing: who made it and when, and when the figures were last published. */
function SharingStatus({ settings }: { settings: InsightSettings }) {
  const { t } = useTranslation();
  const heading = t('insightSettings.sharing.status');
  return (
    <Facts
      label={heading}
      items={[
        {
          label: t('insightSettings.sharing.sharing'),
          value: t(settings.sharing ? 'insightSettings.sharing.yes' : 'insightSettings.sharing.no'),
        },
        {
          label: t('insightSettings.sharing.changed'),
          value:
            settings.sharingChangedAt === null
              ? t('insightSettings.sharing.neverChanged')
              : t('insightSettings.sharing.changedBy', {
                  name: settings.sharingChangedBy ?? t('insightSettings.sharing.unknownUser'),
                  when: formatDateTime(t, settings.sharingChangedAt),
                }),
        },
        {
          label: t('insightSettings.sharing.publishedAt'),
          value:
            settings.publishedAt === null
              ? t('insightSettings.sharing.notPublished')
              : formatDateTime(t, settings.publishedAt),
        },
      ]}
    />
  );
}

/**
 * The opt-in to sharing, with the inhabitants the rates are taken over: opting in or out is asked
 * first (the figures leave the municipality, or are withdrawn); a new number of inhabitants while
 * sharing is saved at once and published again.
 */
function SharingForm({ settings }: { settings: InsightSettings }) {
  const { t } = useTranslation();
  const save = useSaveSharing();
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'insightSettings',
    initial: () => ({ inhabitants: settings.inhabitants === null ? '' : String(settings.inhabitants) }),
    fields: { inhabitants: { id: 'insight-inhabitants', label: t('insightSettings.sharing.inhabitants') } },
  });
  const done = (key: string) => (saved: InsightSettings) => {
    form.clear();
    setNotice({
      kind: 'success',
      key,
      params: { inhabitants: saved.inhabitants === null ? '' : formatWhole(saved.inhabitants) },
    });
  };
  const confirm = useConfirmedMutation(save, {
    onSuccess: (saved) =>
      done(saved.sharing ? 'insightSettings.sharing.started' : 'insightSettings.sharing.stopped')(saved),
    onError: form.reportError,
  });
  /** The inhabitants as the request takes them; `required` names the field when sharing needs them. */
  const read = (required: boolean): SharingInput['inhabitants'] | undefined => {
    const problems: FieldError[] = [];
    const value = readNumber(form.values.inhabitants, 'positiveCount', 'inhabitants', problems, required);
    if (form.failed(problems)) return undefined;
    return value ?? null;
  };
  const onStart = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    const inhabitants = read(true);
    if (inhabitants === undefined) return;
    form.clear();
    if (settings.sharing)
      settle(
        save,
        { sharing: true, inhabitants },
        { onSuccess: done('insightSettings.sharing.inhabitantsSaved'), onError: form.reportError },
      );
    else confirm.ask({ sharing: true, inhabitants });
  };
  const onStop = () => {
    if (save.isPending) return;
    setNotice(null);
    const inhabitants = read(false);
    if (inhabitants === undefined) return;
    form.clear();
    confirm.ask({ sharing: false, inhabitants });
  };
  const starting = confirm.pending?.sharing === true;
  return (
    <form onSubmit={onStart} noValidate>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <TextField
        {...form.field('inhabitants')}
        hint={t('insightSettings.sharing.inhabitantsHint')}
        inputMode="numeric"
        widthClass="input-width-s"
      />
      <NoticeArea notice={notice} />
      <div className="button-group">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {settings.sharing
            ? t('insightSettings.sharing.saveInhabitants')
            : t('insightSettings.sharing.start')}
        </button>
        {settings.sharing ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={onStop}
            disabled={save.isPending}
          >
            {t('insightSettings.sharing.stop')}
          </button>
        ) : null}
      </div>
      <ConfirmDialog
        {...confirm.dialog}
        heading={t(starting ? 'insightSettings.sharing.startHeading' : 'insightSettings.sharing.stopHeading')}
        confirmLabel={t(
          starting ? 'insightSettings.sharing.startConfirm' : 'insightSettings.sharing.stopConfirm',
        )}
        cancelLabel={t('common.cancel')}
      >
        <p>{t(starting ? 'insightSettings.sharing.startText' : 'insightSettings.sharing.stopText')}</p>
      </ConfirmDialog>
    </form>
  );
}

/** Publishes the current figures now (they are otherwise published when sharing starts or the limit changes). */
function PublishNow({ settings }: { settings: InsightSettings }) {
  const { t } = useTranslation();
  const publish = usePublishNow();
  const [notice, setNotice] = useState<Notice | null>(null);
  const confirm = useConfirmedMutation(publish, {
    onSuccess: (saved) =>
      setNotice({
        kind: 'success',
        key: 'insightSettings.publish.done',
        params: { when: saved.publishedAt ? formatDateTime(t, saved.publishedAt) : '' },
      }),
    onError: (error) => setNotice({ kind: 'error', error }),
  });
  return (
    <Section id="insight-publish-section" heading={t('insightSettings.publish.heading')}>
      {settings.sharing ? (
        <>
          <p>{t('insightSettings.publish.intro')}</p>
          <NoticeArea notice={notice} />
          <button
            type="button"
            className="button button-primary"
            disabled={publish.isPending}
            onClick={() => {
              setNotice(null);
              confirm.ask('now');
            }}
          >
            {t('insightSettings.publish.submit')}
          </button>
          <ConfirmDialog
            {...confirm.dialog}
            heading={t('insightSettings.publish.confirmHeading')}
            confirmLabel={t('insightSettings.publish.confirm')}
            cancelLabel={t('common.cancel')}
          >
            <p>{t('insightSettings.publish.confirmText', { limit: settings.suppressionLimit })}</p>
          </ConfirmDialog>
        </>
      ) : (
        <p>{t('insightSettings.publish.notSharing')}</p>
      )}
    </Section>
  );
}

function Settings({ settings }: { settings: InsightSettings }) {
  const { t } = useTranslation();
  return (
    <>
      <LimitForm settings={settings} />
      <Section id="insight-sharing-section" heading={t('insightSettings.sharing.heading')}>
        <p>{t('insightSettings.sharing.intro')}</p>
        <SharingStatus settings={settings} />
        <SharingForm settings={settings} />
        <p>
          <Link to="/indsigt/sammenligning">{t('insightSettings.sharing.toComparison')}</Link>
        </p>
      </Section>
      <PublishNow settings={settings} />
    </>
  );
}

/**
 * /indsigt/indstillinger: the settings of figures that leave case work (the administrator): the
 * suppression limit (rule 33, never below 3), the inhabitants the rates are taken over, the opt-in
 * to sharing with the other municipalities (asked first) and publishing the figures now.
 */
export function InsightSettingsPage() {
  const { t } = useTranslation();
  const query = useInsightSettings();
  return (
    <Page title={t('insightSettings.title')}>
      <p>{t('insightSettings.intro')}</p>
      <QueryState query={query} loadingText={t('insightSettings.loading')}>
        {(settings) => <Settings settings={settings} />}
      </QueryState>
    </Page>
  );
}
