import type { UseMutationResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { paakravDeadline, terminationAllowed } from '../../../shared/prevention/clocks';
import { NOTICE_SOURCES, type NoticeSource } from '../../../shared/prevention/model';
import type { FieldError } from '../../api';
import { CheckboxField } from '../../components/checkbox-field';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import type { FieldMap } from '../../components/form-problems';
import { Loading } from '../../components/loading';
import { RadioGroup } from '../../components/radio-group';
import { notInFuture, readDate, readNumber } from '../../components/read-field';
import { SelectField, type SelectOption } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { isoToDanishDate, parseDate, todayText } from '../../i18n/format';
import { readCpr } from '../citizens';
import type { NoticeCreated, NoticeInput } from './prevention.api';

/** A notice's fields as typed. */
export interface NoticeValues {
  source: string;
  receivedOn: string;
  tenantCpr: string;
  tenantName: string;
  address: string;
  departmentId: string;
  arrearsAmount: string;
  arrearsMonths: string;
  paakravOn: string;
  terminationOn: string;
  bailiffFiledOn: string;
  evictionDate: string;
  childrenUnder18: boolean;
}

export function emptyNotice(source = '', departmentId = ''): NoticeValues {
  return {
    source,
    receivedOn: todayText(),
    tenantCpr: '',
    tenantName: '',
    address: '',
    departmentId,
    arrearsAmount: '',
    arrearsMonths: '',
    paakravOn: '',
    terminationOn: '',
    bailiffFiledOn: '',
    evictionDate: '',
    childrenUnder18: false,
  };
}

/** The form's key for its own field messages (`evictionCases.form.fieldErrors.<path>.<code>`). */
const FORM_KEY = 'evictionCases.form';

/** The most months of arrears the server accepts. */
const MAX_MONTHS = 120;

/** The notice's request paths, labels and input ids (for messages and the error summary). */
export function noticeFieldMap(t: TFunction, idPrefix: string): FieldMap {
  const field = (key: string, suffix: string) => ({
    id: `${idPrefix}-${suffix}`,
    label: t(`evictionCases.form.${key}`),
  });
  return {
    source: field('source', 'source'),
    receivedOn: field('receivedOn', 'received'),
    tenantCpr: field('tenantCpr', 'cpr'),
    tenantName: field('tenantName', 'name'),
    address: field('address', 'address'),
    departmentId: field('department', 'department'),
    arrearsAmount: field('arrearsAmount', 'arrears'),
    arrearsMonths: field('arrearsMonths', 'months'),
    paakravOn: field('paakravOn', 'paakrav'),
    terminationOn: field('terminationOn', 'termination'),
    bailiffFiledOn: field('bailiffFiledOn', 'bailiff'),
    evictionDate: field('evictionDate', 'eviction'),
    childrenUnder18: field('childrenUnder18', 'children'),
  };
}

/** The server's generic range codes in the form's terms (their messages say what is allowed). */
function noticeRange(field: FieldError): FieldError | null {
  const range = ['too_small', 'too_short', 'too_big', 'too_long'].includes(field.code);
  if (!range) return null;
  if (field.path === 'arrearsAmount') return { path: field.path, code: 'kroner' };
  if (field.path === 'arrearsMonths') return { path: field.path, code: 'months_range' };
  return null;
}

/** Reads the fields for a request, as the server checks them; problems go to `problems`. */
export function readNotice(
  values: NoticeValues,
  problems: FieldError[],
  departmentRequired: boolean,
): NoticeInput | undefined {
  if (values.source === '') problems.push({ path: 'source', code: 'required' });
  const receivedOn = readDate(values.receivedOn, 'receivedOn', problems, true);
  notInFuture(receivedOn, 'receivedOn', problems);
  const tenantCpr = readCpr(values.tenantCpr, 'tenantCpr', problems);
  const tenantName = values.tenantName.trim();
  if (tenantName === '') problems.push({ path: 'tenantName', code: 'required' });
  const address = values.address.trim();
  if (address === '') problems.push({ path: 'address', code: 'required' });
  if (departmentRequired && values.departmentId === '')
    problems.push({ path: 'departmentId', code: 'required' });
  const arrearsAmount = readNumber(values.arrearsAmount, 'kroner', 'arrearsAmount', problems);
  let arrearsMonths = readNumber(values.arrearsMonths, 'count', 'arrearsMonths', problems);
  if (arrearsMonths !== undefined && arrearsMonths > MAX_MONTHS) {
    problems.push({ path: 'arrearsMonths', code: 'months_range' });
    arrearsMonths = undefined;
  }
  // The steps taken so far lie in the past; only the eviction may be set for a later day.
  const paakravOn = readDate(values.paakravOn, 'paakravOn', problems);
  notInFuture(paakravOn, 'paakravOn', problems);
  const terminationOn = readDate(values.terminationOn, 'terminationOn', problems);
  notInFuture(terminationOn, 'terminationOn', problems);
  const bailiffFiledOn = readDate(values.bailiffFiledOn, 'bailiffFiledOn', problems);
  notInFuture(bailiffFiledOn, 'bailiffFiledOn', problems);
  const evictionDate = readDate(values.evictionDate, 'evictionDate', problems);
  if (
    problems.length > 0 ||
    receivedOn === undefined ||
    arrearsAmount === undefined ||
    arrearsMonths === undefined
  )
    return undefined;
  return {
    source: values.source as NoticeSource,
    receivedOn,
    tenantCpr: tenantCpr ?? null,
    tenantName,
    address,
    departmentId: values.departmentId === '' ? null : values.departmentId,
    arrearsAmount,
    arrearsMonths,
    paakravOn: paakravOn ?? null,
    terminationOn: terminationOn ?? null,
    bailiffFiledOn: bailiffFiledOn ?? null,
    evictionDate: evictionDate ?? null,
    childrenUnder18: values.childrenUnder18,
  };
}

/**
 * The påkrav deadline as the officer types the påkrav date: the tenant has 14 days to pay, and the
 * lease may be terminated only after them (rule 27). A termination date inside them is pointed out.
 */
function PaakravDeadline({
  id,
  paakravOn,
  terminationOn,
}: {
  id: string;
  paakravOn: string;
  terminationOn: string;
}) {
  const { t } = useTranslation();
  const paakrav = parseDate(paakravOn);
  const termination = parseDate(terminationOn);
  return (
    <div id={id} aria-live="polite" className="mt-3">
      {paakrav ? (
        <p className="mb-0">
          <strong>
            {t('evictionCases.form.deadline', { date: isoToDanishDate(paakravDeadline(paakrav)) })}
          </strong>
        </p>
      ) : null}
      {paakrav && termination && !terminationAllowed(paakrav, termination) ? (
        <p className="mb-0">
          {t('evictionCases.form.terminationTooEarly', { date: isoToDanishDate(paakravDeadline(paakrav)) })}
        </p>
      ) : null}
    </div>
  );
}

/** Props of {@link NoticeForm}. */
export interface NoticeFormProps {
  idPrefix: string;
  /** The source radio; without it the source is fixed (a housing organisation's own notice). */
  fixedSource?: NoticeSource;
  /** The departments to choose from; `null` leaves the department out (with `departmentNote`). */
  departmentOptions: SelectOption[] | null;
  departmentRequired: boolean;
  /** Said where the department would be, when it cannot be chosen. */
  departmentNote?: string;
  save: UseMutationResult<NoticeCreated, Error, NoticeInput>;
  submitLabel: string;
  /** After a save; `reset` empties the form for the next notice. */
  onSaved: (created: NoticeCreated, input: NoticeInput, reset: () => void) => void;
}

/**
 * The form of a notice of rent arrears (NoticeInput), shared by the prevention officer's page and the
 * housing organisation's own: where it comes from, the tenant and tenancy, the arrears, and the dates
 * of the steps so far, each group a fieldset.
 */
export function NoticeForm({
  idPrefix,
  fixedSource,
  departmentOptions,
  departmentRequired,
  departmentNote,
  save,
  submitLabel,
  onSaved,
}: NoticeFormProps) {
  const { t } = useTranslation();
  const only = departmentOptions?.length === 1 ? (departmentOptions[0]?.value ?? '') : '';
  const form = useForm({
    formKey: FORM_KEY,
    initial: () => emptyNotice(fixedSource ?? '', only),
    fields: noticeFieldMap(t, idPrefix),
    mapServerField: noticeRange,
  });
  const { values } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const problems: FieldError[] = [];
    const input = readNotice(values, problems, departmentRequired);
    if (form.failed(problems) || !input) return;
    save.mutate(input, {
      onSuccess: (created) => {
        form.clear();
        onSaved(created, input, form.reset);
      },
      onError: form.reportError,
    });
  };

  const dateField = (key: 'paakravOn' | 'terminationOn' | 'bailiffFiledOn' | 'evictionDate') => (
    <DateField {...form.field(key)} hint={`${t(`evictionCases.form.hints.${key}`)} ${t('form.dateHint')}`} />
  );

  return (
    <>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend className="h3">{t('evictionCases.form.noticeLegend')}</legend>
          {fixedSource ? null : (
            <RadioGroup
              {...form.radio('source')}
              hint={t('evictionCases.form.hints.source')}
              options={NOTICE_SOURCES.map((source) => ({
                value: source,
                label: t(`prevention.sources.${source}`),
              }))}
            />
          )}
          <DateField {...form.field('receivedOn')} />
        </fieldset>
        <fieldset className="mt-6">
          <legend className="h3">{t('evictionCases.form.tenantLegend')}</legend>
          <TextField {...form.field('tenantName')} autoComplete="off" widthClass="input-width-xl" />
          <TextField
            {...form.field('tenantCpr')}
            hint={t('evictionCases.form.hints.tenantCpr')}
            autoComplete="off"
            inputMode="numeric"
            widthClass="input-width-s"
          />
          <TextField
            {...form.field('address')}
            hint={t('evictionCases.form.hints.address')}
            autoComplete="off"
            widthClass="input-width-xl"
          />
          {departmentOptions ? (
            <SelectField
              {...form.field('departmentId')}
              hint={departmentRequired ? undefined : t('evictionCases.form.hints.department')}
              placeholder={
                departmentRequired
                  ? t('evictionCases.form.departmentPlaceholder')
                  : t('evictionCases.form.departmentNone')
              }
              options={departmentOptions}
            />
          ) : departmentNote ? (
            <p className="form-hint">{departmentNote}</p>
          ) : null}
          <CheckboxField
            {...form.checkbox('childrenUnder18')}
            hint={t('evictionCases.form.hints.childrenUnder18')}
          />
        </fieldset>
        <fieldset className="mt-6">
          <legend className="h3">{t('evictionCases.form.arrearsLegend')}</legend>
          <TextField
            {...form.field('arrearsAmount')}
            hint={t('evictionCases.form.hints.arrearsAmount')}
            inputMode="decimal"
            autoComplete="off"
            widthClass="input-width-s"
          />
          <TextField
            {...form.field('arrearsMonths')}
            hint={t('evictionCases.form.hints.arrearsMonths')}
            inputMode="numeric"
            autoComplete="off"
            widthClass="input-width-xs"
          />
        </fieldset>
        <fieldset className="mt-6">
          <legend className="h3">{t('evictionCases.form.stepsLegend')}</legend>
          <p>{t('evictionCases.form.stepsIntro')}</p>
          {dateField('paakravOn')}
          <PaakravDeadline
            id={`${idPrefix}-deadline`}
            paakravOn={values.paakravOn}
            terminationOn={values.terminationOn}
          />
          {dateField('terminationOn')}
          {dateField('bailiffFiledOn')}
          {dateField('evictionDate')}
        </fieldset>
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {submitLabel}
          </button>
        </div>
        {save.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </>
  );
}
