import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AllocationSettings,
  DECLINE_REASONS,
  DEFAULT_DISPOSABLE,
  type DeclineReason,
  REFUSAL_CONSEQUENCES,
  type RefusalConsequence,
} from '../../../shared/allocation/model';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { CheckboxField } from '../../components/checkbox-field';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { RadioGroup } from '../../components/radio-group';
import { type NumberKind, readNumber } from '../../components/read-field';
import { type Fact, Facts, Section } from '../../components/section';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { YesNoText } from '../../components/yes-no';
import { formatInput, formatKroner, formatWhole } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { CheckboxGroup } from './application-format';
import { useAllocationSettings, useSaveAllocationSettings } from './applications.api';

/** The number settings with what each must hold; the bounds are the server's. */
const NUMBER_FIELDS: { key: NumberKey; kind: NumberKind; min: number; max: number; width: string }[] = [
  { key: 'replyDays', kind: 'count', min: 1, max: 90, width: 'input-width-xs' },
  { key: 'reminderDays', kind: 'count', min: 0, max: 30, width: 'input-width-xs' },
  { key: 'maxLiveOffers', kind: 'count', min: 1, max: 10, width: 'input-width-xs' },
  { key: 'refusalLimit', kind: 'count', min: 1, max: 20, width: 'input-width-xs' },
  { key: 'pauseDays', kind: 'count', min: 1, max: 730, width: 'input-width-xs' },
  { key: 'youthAgeLimit', kind: 'count', min: 15, max: 40, width: 'input-width-xs' },
  { key: 'disposablePerAdult', kind: 'kroner', min: 0, max: 100_000, width: 'input-width-s' },
  { key: 'disposablePerChild', kind: 'kroner', min: 0, max: 100_000, width: 'input-width-s' },
  { key: 'nameDeadlineDays', kind: 'count', min: 0, max: 365, width: 'input-width-xs' },
];

type NumberKey =
  | 'replyDays'
  | 'reminderDays'
  | 'maxLiveOffers'
  | 'refusalLimit'
  | 'pauseDays'
  | 'youthAgeLimit'
  | 'disposablePerAdult'
  | 'disposablePerChild'
  | 'nameDeadlineDays';

const fieldOf = (key: string) => NUMBER_FIELDS.find((f) => f.key === key);

const fieldId = (key: string) => `allocation-settings-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

type Values = Record<NumberKey, string> & {
  refusalConsequence: string;
  refusalReasons: string[];
  noReplyCountsAsRefusal: boolean;
  disposableZeroConfirmed: boolean;
};

/** The rådighedsbeløb fields, which hold 0 kr. only with the explicit confirmation (issue 14 §3). */
const DISPOSABLE_KEYS = ['disposablePerAdult', 'disposablePerChild'] as const;

/** The shipped default of a rådighedsbeløb field, for its hint. */
const DISPOSABLE_DEFAULT: Record<(typeof DISPOSABLE_KEYS)[number], number> = {
  disposablePerAdult: DEFAULT_DISPOSABLE.perAdult,
  disposablePerChild: DEFAULT_DISPOSABLE.perChild,
};

function valuesOf(settings: AllocationSettings): Values {
  const numbers = Object.fromEntries(
    NUMBER_FIELDS.map(({ key }) => [key, formatInput(settings[key])]),
  ) as Record<NumberKey, string>;
  return {
    ...numbers,
    refusalConsequence: settings.refusalConsequence,
    refusalReasons: [...settings.refusalReasons],
    noReplyCountsAsRefusal: settings.noReplyCountsAsRefusal,
    disposableZeroConfirmed: settings.disposableZeroConfirmed,
  };
}

function SettingsForm({ settings }: { settings: AllocationSettings }) {
  const { t } = useTranslation();
  const save = useSaveAllocationSettings();
  const [saved, setSaved] = useState(0);
  const savedRef = useRef<HTMLDivElement>(null);
  const form = useForm({
    formKey: 'allocationSettings',
    initial: () => valuesOf(settings),
    fields: Object.fromEntries(
      [
        ...NUMBER_FIELDS.map((f) => f.key),
        'refusalConsequence',
        'refusalReasons',
        'noReplyCountsAsRefusal',
        'disposableZeroConfirmed',
      ].map((key) => [key, { id: fieldId(key), label: t(`allocationSettings.fields.${key}`) }]),
    ),
    mapServerField: (field) =>
      fieldOf(field.path) && (field.code === 'too_small' || field.code === 'too_big')
        ? { path: field.path, code: 'outside_band' }
        : null,
  });
  const { values } = form;

  useEffect(() => {
    if (saved > 0) savedRef.current?.focus();
  }, [saved]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(0);
    const problems: FieldError[] = [];
    const numbers: Partial<Record<NumberKey, number>> = {};
    for (const { key, kind, min, max } of NUMBER_FIELDS) {
      const n = readNumber(values[key], kind, key, problems);
      if (n !== undefined && (n < min || n > max)) problems.push({ path: key, code: 'outside_band' });
      else if (n !== undefined) numbers[key] = n;
    }
    if (values.refusalConsequence === '') problems.push({ path: 'refusalConsequence', code: 'required' });
    // 0 kr. lets the rent check pass a rent up to the whole income after fixed costs: only when confirmed.
    if (!values.disposableZeroConfirmed)
      for (const key of DISPOSABLE_KEYS)
        if (numbers[key] === 0) problems.push({ path: key, code: 'zero_not_confirmed' });
    if (form.failed(problems)) return;
    const input: AllocationSettings = {
      ...(numbers as Record<NumberKey, number>),
      refusalConsequence: values.refusalConsequence as RefusalConsequence,
      refusalReasons: DECLINE_REASONS.filter((r) => values.refusalReasons.includes(r)) as DeclineReason[],
      noReplyCountsAsRefusal: values.noReplyCountsAsRefusal,
      disposableZeroConfirmed: values.disposableZeroConfirmed,
    };
    save.mutate(input, {
      onSuccess: (next) => {
        form.clear();
        form.setValues(valuesOf(next));
        setSaved((n) => n + 1);
      },
      onError: form.reportError,
    });
  };

  const numberField = (key: NumberKey, width: string) => {
    const field = fieldOf(key);
    const range = field
      ? t('allocationSettings.range', { min: formatWhole(field.min), max: formatWhole(field.max) })
      : '';
    const hint =
      key === 'disposablePerAdult' || key === 'disposablePerChild'
        ? t(`allocationSettings.hints.${key}`, { amount: formatWhole(DISPOSABLE_DEFAULT[key]) })
        : t(`allocationSettings.hints.${key}`);
    return (
      <TextField
        key={key}
        {...form.field(key)}
        hint={`${hint} ${range}`}
        inputMode={field?.kind === 'kroner' ? 'decimal' : 'numeric'}
        autoComplete="off"
        widthClass={width}
      />
    );
  };
  const widthOf = (key: NumberKey) => NUMBER_FIELDS.find((f) => f.key === key)?.width ?? 'input-width-xs';

  return (
    <>
      <div role="status">
        {saved > 0 ? (
          <Alert ref={savedRef} focusable variant="success">
            <p>{t('allocationSettings.saved')}</p>
          </Alert>
        ) : null}
      </div>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>
            <h2>{t('allocationSettings.offersHeading')}</h2>
          </legend>
          {numberField('replyDays', widthOf('replyDays'))}
          {numberField('reminderDays', widthOf('reminderDays'))}
          {numberField('maxLiveOffers', widthOf('maxLiveOffers'))}
          {numberField('nameDeadlineDays', widthOf('nameDeadlineDays'))}
        </fieldset>
        <fieldset className="mt-8">
          <legend>
            <h2>{t('allocationSettings.refusalsHeading')}</h2>
          </legend>
          <p>{t('allocationSettings.refusalsIntro')}</p>
          {numberField('refusalLimit', widthOf('refusalLimit'))}
          <RadioGroup
            {...form.radio('refusalConsequence')}
            name="refusal-consequence"
            hint={t('allocationSettings.hints.refusalConsequence')}
            options={REFUSAL_CONSEQUENCES.map((c) => ({
              value: c,
              label: t(`allocation.consequences.${c}`),
            }))}
          />
          {numberField('pauseDays', widthOf('pauseDays'))}
          <CheckboxGroup
            {...form.checkboxList('refusalReasons')}
            hint={t('allocationSettings.hints.refusalReasons')}
            options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`allocation.declineReasons.${r}`) }))}
          />
          <div className="form-group">
            <CheckboxField
              {...form.checkbox('noReplyCountsAsRefusal')}
              hint={t('allocationSettings.hints.noReplyCountsAsRefusal')}
            />
          </div>
        </fieldset>
        <fieldset className="mt-8">
          <legend>
            <h2>{t('allocationSettings.rulesHeading')}</h2>
          </legend>
          {numberField('youthAgeLimit', widthOf('youthAgeLimit'))}
          <p>{t('allocationSettings.disposableBasis')}</p>
          {numberField('disposablePerAdult', widthOf('disposablePerAdult'))}
          {numberField('disposablePerChild', widthOf('disposablePerChild'))}
          <div className="form-group">
            <CheckboxField
              {...form.checkbox('disposableZeroConfirmed')}
              hint={t('allocationSettings.hints.disposableZeroConfirmed')}
            />
          </div>
        </fieldset>
        <div className="mt-8">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('allocationSettings.save')}
          </button>
        </div>
        {save.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </>
  );
}

/** The settings for those who may only read them. */
function SettingsView({ settings }: { settings: AllocationSettings }) {
  const { t } = useTranslation();
  const days = (n: number) => t('allocationSettings.days', { count: n });
  const offers: Fact[] = [
    { label: t('allocationSettings.fields.replyDays'), value: days(settings.replyDays) },
    { label: t('allocationSettings.fields.reminderDays'), value: days(settings.reminderDays) },
    { label: t('allocationSettings.fields.maxLiveOffers'), value: String(settings.maxLiveOffers) },
    { label: t('allocationSettings.fields.nameDeadlineDays'), value: days(settings.nameDeadlineDays) },
  ];
  const refusals: Fact[] = [
    { label: t('allocationSettings.fields.refusalLimit'), value: String(settings.refusalLimit) },
    {
      label: t('allocationSettings.fields.refusalConsequence'),
      value: t(`allocation.consequences.${settings.refusalConsequence}`),
    },
    { label: t('allocationSettings.fields.pauseDays'), value: days(settings.pauseDays) },
    {
      label: t('allocationSettings.fields.refusalReasons'),
      value:
        settings.refusalReasons.length === 0
          ? t('allocationSettings.noReasons')
          : settings.refusalReasons.map((r) => t(`allocation.declineReasons.${r}`)).join(', '),
    },
    {
      label: t('allocationSettings.fields.noReplyCountsAsRefusal'),
      value: <YesNoText value={settings.noReplyCountsAsRefusal} />,
    },
  ];
  const rules: Fact[] = [
    { label: t('allocationSettings.fields.youthAgeLimit'), value: String(settings.youthAgeLimit) },
    {
      label: t('allocationSettings.fields.disposablePerAdult'),
      value: formatKroner(t, settings.disposablePerAdult),
    },
    {
      label: t('allocationSettings.fields.disposablePerChild'),
      value: formatKroner(t, settings.disposablePerChild),
    },
  ];
  return (
    <>
      <p>{t('allocationSettings.readOnly')}</p>
      <Section id="settings-offers" heading={t('allocationSettings.offersHeading')}>
        <Facts items={offers} label={t('allocationSettings.offersHeading')} />
      </Section>
      <Section id="settings-refusals" heading={t('allocationSettings.refusalsHeading')}>
        <p>{t('allocationSettings.refusalsIntro')}</p>
        <Facts items={refusals} label={t('allocationSettings.refusalsHeading')} />
      </Section>
      <Section id="settings-rules" heading={t('allocationSettings.rulesHeading')}>
        <p>{t('allocationSettings.disposableBasis')}</p>
        <Facts items={rules} label={t('allocationSettings.rulesHeading')} />
      </Section>
    </>
  );
}

/** /anvisning/indstillinger: the municipality's own allocation policy (reply time, refusals, norms). */
export function AllocationSettingsPage() {
  const { t } = useTranslation();
  const canManage = hasPermission(useSession().data?.user, 'allocation.manage');
  const settings = useAllocationSettings();
  return (
    <Page title={t('allocationSettings.title')}>
      <p className="font-lead">{t('allocationSettings.intro')}</p>
      <Alert variant="info" heading={t('allocationSettings.policyHeading')}>
        <p>{t('allocationSettings.policyText')}</p>
      </Alert>
      <QueryState query={settings}>
        {(data) => (canManage ? <SettingsForm settings={data} /> : <SettingsView settings={data} />)}
      </QueryState>
    </Page>
  );
}
