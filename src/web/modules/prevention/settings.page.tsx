import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepositLoanLimit } from '../../../shared/prevention/model';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { readNumber } from '../../components/read-field';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { formatKroner, formatWhole } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { type PreventionSettings, usePreventionSettings, useSavePreventionSettings } from './prevention.api';

const FIELDS = ['year', 'base', 'perChild', 'maxChildren'] as const;
type LimitField = (typeof FIELDS)[number];

/** The years a limit may be for. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const fieldId = (key: LimitField) => `limit-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The highest limit of a year: with as many children as count. */
function highest(limit: DepositLoanLimit): number {
  return limit.base + limit.maxChildren * limit.perChild;
}

function LimitsTable({ limits }: { limits: DepositLoanLimit[] }) {
  const { t } = useTranslation();
  const caption = t('evictionSettings.caption');
  const sorted = [...limits].sort((a, b) => b.year - a.year);
  if (sorted.length === 0) return <p>{t('evictionSettings.none')}</p>;
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evictionSettings.fields.year')}</th>
            <th scope="col" className="align-text-right">
              {t('evictionSettings.fields.base')}
            </th>
            <th scope="col" className="align-text-right">
              {t('evictionSettings.fields.perChild')}
            </th>
            <th scope="col" className="align-text-right">
              {t('evictionSettings.fields.maxChildren')}
            </th>
            <th scope="col" className="align-text-right">
              {t('evictionSettings.highest')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((limit) => (
            <tr key={limit.year}>
              <th scope="row">{limit.year}</th>
              <td className="align-text-right nowrap">{formatKroner(t, limit.base)}</td>
              <td className="align-text-right nowrap">{formatKroner(t, limit.perChild)}</td>
              <td className="align-text-right">{formatWhole(limit.maxChildren)}</td>
              <td className="align-text-right nowrap">{formatKroner(t, highest(limit))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The server's paths of the whole list (`depositLoanLimits.2.base`) name the form's one field. */
function limitField(field: FieldError): FieldError | null {
  const match = /^depositLoanLimits\.\d+\.(year|base|perChild|maxChildren)$/.exec(field.path);
  if (!match) return null;
  const path = match[1] as LimitField;
  const range = ['too_small', 'too_big', 'too_short', 'too_long'].includes(field.code);
  if (!range) return { path, code: field.code };
  if (path === 'year') return { path, code: 'year_range' };
  if (path === 'maxChildren') return { path, code: 'whole_number' };
  return { path, code: 'kroner' };
}

function AddYearForm({ settings }: { settings: PreventionSettings }) {
  const { t } = useTranslation();
  const save = useSavePreventionSettings();
  const latest = Math.max(0, ...settings.depositLoanLimits.map((l) => l.year));
  const empty = (next: number) => ({
    year: next > 0 ? String(next + 1) : '',
    base: '',
    perChild: '',
    maxChildren: '4',
  });
  const [saved, setSaved] = useState<{ year: number; n: number } | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const form = useForm({
    formKey: 'evictionSettings',
    initial: () => empty(latest),
    fields: Object.fromEntries(
      FIELDS.map((key) => [key, { id: fieldId(key), label: t(`evictionSettings.fields.${key}`) }]),
    ),
    mapServerField: limitField,
  });
  const { values } = form;

  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(null);
    const problems: FieldError[] = [];
    const year = readNumber(values.year, 'count', 'year', problems);
    if (year !== undefined && (year < MIN_YEAR || year > MAX_YEAR))
      problems.push({ path: 'year', code: 'year_range' });
    const base = readNumber(values.base, 'kroner', 'base', problems);
    const perChild = readNumber(values.perChild, 'kroner', 'perChild', problems);
    const maxChildren = readNumber(values.maxChildren, 'count', 'maxChildren', problems);
    if (
      form.failed(problems) ||
      year === undefined ||
      base === undefined ||
      perChild === undefined ||
      maxChildren === undefined
    )
      return;
    const limit: DepositLoanLimit = { year, base, perChild, maxChildren };
    const depositLoanLimits = [...settings.depositLoanLimits.filter((l) => l.year !== year), limit].sort(
      (a, b) => a.year - b.year,
    );
    save.mutate(
      { depositLoanLimits },
      {
        onSuccess: (next) => {
          form.clear();
          form.setValues(empty(Math.max(0, ...next.depositLoanLimits.map((l) => l.year))));
          setSaved((s) => ({ year, n: (s?.n ?? 0) + 1 }));
        },
        onError: form.reportError,
      },
    );
  };

  return (
    <Section id="settings-add" heading={t('evictionSettings.addHeading')}>
      <p>{t('evictionSettings.addIntro')}</p>
      <div role="status">
        {saved ? (
          <Alert ref={savedRef} focusable variant="success" headingLevel={3}>
            <p>{t('evictionSettings.saved', { year: saved.year })}</p>
          </Alert>
        ) : null}
      </div>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          {...form.field('year')}
          inputMode="numeric"
          autoComplete="off"
          widthClass="input-width-xs"
        />
        <TextField
          {...form.field('base')}
          hint={t('evictionSettings.hints.base')}
          inputMode="decimal"
          autoComplete="off"
          widthClass="input-width-s"
        />
        <TextField
          {...form.field('perChild')}
          hint={t('evictionSettings.hints.perChild')}
          inputMode="decimal"
          autoComplete="off"
          widthClass="input-width-s"
        />
        <TextField
          {...form.field('maxChildren')}
          hint={t('evictionSettings.hints.maxChildren')}
          inputMode="numeric"
          autoComplete="off"
          widthClass="input-width-xs"
        />
        <div className="mt-5">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('evictionSettings.save')}
          </button>
        </div>
        {save.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </Section>
  );
}

/**
 * /udsaettelser/indstillinger: the yearly-indexed income limits under which the deposit loan
 * (beboerindskudslån) is mandatory. Those who may manage prevention add a year; others read them.
 */
export function EvictionSettingsPage() {
  const { t } = useTranslation();
  const canManage = hasPermission(useSession().data?.user, 'prevention.manage');
  const settings = usePreventionSettings();
  return (
    <Page title={t('evictionSettings.title')}>
      <p className="font-lead">{t('evictionSettings.intro')}</p>
      <Alert variant="info" heading={t('evictionSettings.indexHeading')}>
        <p>{t('evictionSettings.indexText')}</p>
      </Alert>
      <QueryState query={settings}>
        {(data) => (
          <>
            <Section id="settings-limits" heading={t('evictionSettings.limitsHeading')}>
              {canManage ? null : <p>{t('evictionSettings.readOnly')}</p>}
              <LimitsTable limits={data.depositLoanLimits} />
            </Section>
            {canManage ? <AddYearForm settings={data} /> : null}
          </>
        )}
      </QueryState>
    </Page>
  );
}
