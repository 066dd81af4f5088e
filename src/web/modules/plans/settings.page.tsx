import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { readDate, readNumber } from '../../components/read-field';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { todayText } from '../../i18n/format';
import { type FastTrackSettings, useFastTrackSettings, useSaveFastTrackLimit } from './plans.api';
import { PlansNav } from './plans-nav';

/** The longest fast-track limit the server takes, in working days (a year's working days). */
const MAX_WORKING_DAYS = 250;

function LimitForm() {
  const { t } = useTranslation();
  const save = useSaveFastTrackLimit();
  const [saved, setSaved] = useState<number | null>(null);
  const form = useForm({
    formKey: 'plansSettings',
    initial: () => ({ validFrom: todayText(), workingDays: '' }),
    fields: {
      validFrom: { id: 'fast-track-from', label: t('plans.settings.validFrom') },
      workingDays: { id: 'fast-track-days', label: t('plans.settings.workingDays') },
    },
  });
  const { values } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(null);
    const problems: FieldError[] = [];
    const validFrom = readDate(values.validFrom, 'validFrom', problems, true);
    const workingDays = readNumber(values.workingDays, 'positiveCount', 'workingDays', problems);
    if (workingDays !== undefined && workingDays > MAX_WORKING_DAYS)
      problems.push({ path: 'workingDays', code: 'too_big' });
    if (form.failed(problems) || !validFrom || workingDays === undefined) return;
    save.mutate(
      { validFrom, workingDays },
      {
        onSuccess: () => {
          form.clear();
          setSaved(workingDays);
        },
        onError: form.reportError,
      },
    );
  };

  return (
    <Section id="fast-track-form" heading={t('plans.settings.formHeading')}>
      <div role="status">
        {saved !== null ? (
          <Alert variant="success">
            <p>{t('plans.settings.saved', { days: saved })}</p>
          </Alert>
        ) : null}
      </div>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('validFrom')} hint={t('plans.settings.validFromHint')} />
        <TextField
          {...form.field('workingDays')}
          hint={t('plans.settings.workingDaysHint')}
          inputMode="numeric"
          required
          widthClass="input-width-xs"
        />
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('plans.settings.save')}
        </button>
      </form>
    </Section>
  );
}

function LimitHistory({ settings }: { settings: FastTrackSettings }) {
  const { t } = useTranslation();
  const caption = t('plans.settings.historyCaption');
  return (
    <>
      <p className="font-lead">{t('plans.settings.current', { days: settings.current })}</p>
      {settings.limits.length === 0 ? (
        <p>{t('plans.settings.defaultOnly', { days: settings.current })}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.settings.validFrom')}</th>
                <th scope="col">{t('plans.settings.workingDays')}</th>
              </tr>
            </thead>
            <tbody>
              {[...settings.limits]
                .sort((a, b) => b.validFrom.localeCompare(a.validFrom))
                .map((limit) => (
                  <tr key={limit.validFrom}>
                    <td>
                      <DateText value={limit.validFrom} />
                    </td>
                    <td>{limit.workingDays}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

/**
 * /planer/indstillinger: the fast-track limit for deposit-loan and § 81 cases, in Danish working
 * days, as a dated setting (a case is judged by the limit in force on the day it opened).
 */
export function PlansSettingsPage() {
  const { t } = useTranslation();
  const settings = useFastTrackSettings();
  return (
    <Page title={t('plans.settings.title')}>
      <PlansNav />
      <p>{t('plans.settings.intro')}</p>
      <QueryState query={settings}>{(data) => <LimitHistory settings={data} />}</QueryState>
      <LimitForm />
    </Page>
  );
}
