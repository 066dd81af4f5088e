import type { UseMutationResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_TYPES_ALLOCATED, VACANCY_ORIGINS } from '../../../shared/allocation/model';
import type { UnitType } from '../../../shared/housing/supply';
import type { FieldError } from '../../api';
import { CheckboxField } from '../../components/checkbox-field';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import type { FieldMap } from '../../components/form-problems';
import { Loading } from '../../components/loading';
import { RANGE_CODE, readDate, readNumber } from '../../components/read-field';
import { SelectField, type SelectOption } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { formatInput, isoToDanishDate, parseNumber } from '../../i18n/format';
import { departmentName } from '../housing';
import type { VacancyInput, VacancyView } from './vacancies.api';

/** A vacancy's fields as typed. */
export interface VacancyValues {
  departmentId: string;
  address: string;
  unitType: string;
  rooms: string;
  areaM2: string;
  rent: string;
  utilities: string;
  deposit: string;
  accessible: boolean;
  availableOn: string;
  origin: string;
  deadlineOn: string;
}

export function emptyVacancy(departmentId = ''): VacancyValues {
  return {
    departmentId,
    address: '',
    unitType: 'family',
    rooms: '',
    areaM2: '',
    rent: '',
    utilities: '',
    deposit: '',
    accessible: false,
    availableOn: '',
    origin: 'agreement_quota',
    deadlineOn: '',
  };
}

/** A vacancy's values as the form shows them, for a correction (issue 14 §3). */
export function vacancyValues(v: VacancyView): VacancyValues {
  return {
    departmentId: v.departmentId,
    address: v.address,
    unitType: v.unitType,
    rooms: formatInput(v.rooms),
    areaM2: formatInput(v.areaM2),
    rent: formatInput(v.rent),
    utilities: formatInput(v.utilities),
    deposit: formatInput(v.deposit),
    accessible: v.accessible,
    availableOn: isoToDanishDate(v.availableOn),
    origin: v.origin,
    deadlineOn: isoToDanishDate(v.deadlineOn),
  };
}

/** What the form sends: the unit, and the reason when the form asks for one (a correction). */
export type VacancyFormInput = VacancyInput & { reason?: string };

/** The form's key for its own field messages (`vacancies.form.fieldErrors.<path>.<code>`). */
const FORM_KEY = 'vacancies.form';

/** The vacancy's request paths, labels and input ids (for messages and the error summary). */
export function vacancyFieldMap(t: TFunction, idPrefix: string): FieldMap {
  return {
    departmentId: { id: `${idPrefix}-department`, label: t('vacancies.form.department') },
    address: { id: `${idPrefix}-address`, label: t('vacancies.form.address') },
    unitType: { id: `${idPrefix}-unit-type`, label: t('vacancies.form.unitType') },
    rooms: { id: `${idPrefix}-rooms`, label: t('vacancies.form.rooms') },
    areaM2: { id: `${idPrefix}-area`, label: t('vacancies.form.areaM2') },
    accessible: { id: `${idPrefix}-accessible`, label: t('vacancies.form.accessible') },
    rent: { id: `${idPrefix}-rent`, label: t('vacancies.form.rent') },
    utilities: { id: `${idPrefix}-utilities`, label: t('vacancies.form.utilities') },
    deposit: { id: `${idPrefix}-deposit`, label: t('vacancies.form.deposit') },
    availableOn: { id: `${idPrefix}-available`, label: t('vacancies.form.availableOn') },
    deadlineOn: { id: `${idPrefix}-deadline`, label: t('vacancies.form.deadlineOn') },
    origin: { id: `${idPrefix}-origin`, label: t('vacancies.form.origin') },
  };
}

/** The largest unit the server accepts (rooms, m²). */
const MAX_ROOMS = 20;
const MAX_AREA = 10_000;

const KRONER_FIELDS = ['rent', 'utilities', 'deposit'] as const;

/**
 * The server's generic range codes in the form's terms (their messages say what is allowed). The
 * server names a number below its minimum `too_short` and above its maximum `too_long`.
 */
function vacancyRange(field: FieldError): FieldError | null {
  const low = field.code === 'too_small' || field.code === 'too_short';
  const high = field.code === 'too_big' || field.code === 'too_long';
  if (!low && !high) return null;
  if ((KRONER_FIELDS as readonly string[]).includes(field.path))
    return { path: field.path, code: RANGE_CODE.kroner };
  if (field.path === 'rooms' || field.path === 'areaM2') {
    if (high) return { path: field.path, code: 'too_big' };
    return { path: field.path, code: field.path === 'rooms' ? RANGE_CODE.positiveCount : 'positive_area' };
  }
  return null;
}

/** Reads the fields for a request, as the server checks them; problems go to `problems`. */
export function readVacancy(values: VacancyValues, problems: FieldError[]): VacancyInput | undefined {
  if (values.departmentId === '') problems.push({ path: 'departmentId', code: 'required' });
  const address = values.address.trim();
  if (address === '') problems.push({ path: 'address', code: 'required' });
  if (values.unitType === '') problems.push({ path: 'unitType', code: 'required' });
  let rooms = readNumber(values.rooms, 'positiveCount', 'rooms', problems);
  if (rooms !== undefined && rooms > MAX_ROOMS) {
    problems.push({ path: 'rooms', code: 'too_big' });
    rooms = undefined;
  }
  let areaM2: number | undefined;
  if (values.areaM2.trim() === '') problems.push({ path: 'areaM2', code: 'required' });
  else {
    const area = parseNumber(values.areaM2);
    if (area === null) problems.push({ path: 'areaM2', code: 'number' });
    else if (area <= 0) problems.push({ path: 'areaM2', code: 'positive_area' });
    else if (area > MAX_AREA) problems.push({ path: 'areaM2', code: 'too_big' });
    else areaM2 = area;
  }
  const rent = readNumber(values.rent, 'kroner', 'rent', problems);
  const utilities = readNumber(values.utilities, 'kroner', 'utilities', problems);
  const deposit = readNumber(values.deposit, 'kroner', 'deposit', problems);
  const availableOn = readDate(values.availableOn, 'availableOn', problems, true);
  const deadlineOn = readDate(values.deadlineOn, 'deadlineOn', problems);
  if (availableOn && deadlineOn && deadlineOn < availableOn)
    problems.push({ path: 'deadlineOn', code: 'before_available' });
  if (values.origin === '') problems.push({ path: 'origin', code: 'required' });
  if (
    problems.length > 0 ||
    rooms === undefined ||
    areaM2 === undefined ||
    rent === undefined ||
    utilities === undefined ||
    deposit === undefined ||
    availableOn === undefined
  )
    return undefined;
  return {
    departmentId: values.departmentId,
    address,
    unitType: values.unitType as UnitType,
    rooms,
    areaM2,
    rent,
    utilities,
    deposit,
    accessible: values.accessible,
    availableOn,
    origin: values.origin as VacancyInput['origin'],
    deadlineOn: deadlineOn ?? null,
  };
}

/** A department as a select option: "Taastrup Almene Boliger – Afd. 2 Stationsbyen". */
export function departmentOptions(
  t: TFunction,
  departments: { id: string; organisationName: string; number: string; name: string }[],
): SelectOption[] {
  return [...departments]
    .sort(
      (a, b) =>
        a.organisationName.localeCompare(b.organisationName, 'da') ||
        a.number.localeCompare(b.number, 'da', { numeric: true }),
    )
    .map((d) => ({
      value: d.id,
      label: t('vacancies.form.departmentOption', {
        organisation: d.organisationName,
        department: departmentName(t, d),
      }),
    }));
}

/** Props of {@link VacancyForm}. */
export interface VacancyFormProps {
  idPrefix: string;
  departmentOptions: SelectOption[];
  /** The settings' days from the available date to the deadline, when the user may read them. */
  deadlineDays: number | null;
  save: UseMutationResult<{ id: string }, Error, VacancyFormInput>;
  submitLabel: string;
  /** After a save; `reset` empties the form for the next vacancy. */
  onSaved: (id: string, input: VacancyFormInput, reset: () => void) => void;
  /** The values to start from (a correction); default an empty form. */
  initialValues?: VacancyValues;
  /** Asks for a reason too (a correction), required, with this label and hint. */
  reason?: { label: string; hint: string };
  /** Takes an error the page answers itself (a likely duplicate); true when handled. */
  onSubmitError?: (error: unknown) => boolean;
  /** Shown just above the submit button (the duplicate warning and its confirmation). */
  beforeSubmit?: ReactNode;
  /** A second button beside the submit button (cancel a correction). */
  secondaryAction?: ReactNode;
}

/**
 * The form of a vacant unit (VacancyInput), shared by the allocation officer's page and the housing
 * organisation's partner view: the unit, its rent, and its dates and origin, each group a fieldset.
 */
export function VacancyForm({
  idPrefix,
  departmentOptions: options,
  deadlineDays,
  save,
  submitLabel,
  onSaved,
  initialValues,
  reason,
  onSubmitError,
  beforeSubmit,
  secondaryAction,
}: VacancyFormProps) {
  const { t } = useTranslation();
  const only = options.length === 1 ? (options[0]?.value ?? '') : '';
  const fields = vacancyFieldMap(t, idPrefix);
  const form = useForm({
    formKey: FORM_KEY,
    initial: () => ({ ...(initialValues ?? emptyVacancy(only)), reason: '' }),
    fields: reason ? { ...fields, reason: { id: `${idPrefix}-reason`, label: reason.label } } : fields,
    mapServerField: vacancyRange,
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const problems: FieldError[] = [];
    const unit = readVacancy(form.values, problems);
    const why = form.values.reason.trim();
    if (reason && why === '') problems.push({ path: 'reason', code: 'required' });
    if (form.failed(problems) || !unit) return;
    const input: VacancyFormInput = reason ? { ...unit, reason: why } : unit;
    save.mutate(input, {
      onSuccess: ({ id: newId }) => {
        form.clear();
        onSaved(newId, input, () => form.setValues({ ...emptyVacancy(only), reason: '' }));
      },
      onError: (error) => {
        if (onSubmitError?.(error)) {
          form.clear();
          return;
        }
        form.reportError(error);
      },
    });
  };

  const unitTypeOptions = UNIT_TYPES_ALLOCATED.map((type) => ({
    value: type,
    label: t(`allocation.unitTypes.${type}`),
  }));
  const originOptions = VACANCY_ORIGINS.map((origin) => ({
    value: origin,
    label: t(`allocation.origins.${origin}`),
  }));

  return (
    <>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend className="h3">{t('vacancies.form.unitLegend')}</legend>
          <SelectField
            {...form.field('departmentId')}
            placeholder={t('vacancies.form.departmentPlaceholder')}
            options={options}
          />
          <TextField
            {...form.field('address')}
            hint={t('vacancies.form.addressHint')}
            autoComplete="off"
            widthClass="input-width-xl"
          />
          <SelectField {...form.field('unitType')} options={unitTypeOptions} />
          <TextField
            {...form.field('rooms')}
            inputMode="numeric"
            autoComplete="off"
            widthClass="input-width-xs"
          />
          <TextField
            {...form.field('areaM2')}
            inputMode="decimal"
            autoComplete="off"
            widthClass="input-width-xs"
          />
          <CheckboxField {...form.checkbox('accessible')} hint={t('vacancies.form.accessibleHint')} />
        </fieldset>
        <fieldset className="mt-6">
          <legend className="h3">{t('vacancies.form.rentLegend')}</legend>
          <TextField
            {...form.field('rent')}
            hint={t('vacancies.form.rentHint')}
            inputMode="decimal"
            autoComplete="off"
            widthClass="input-width-s"
          />
          <TextField
            {...form.field('utilities')}
            hint={t('vacancies.form.utilitiesHint')}
            inputMode="decimal"
            autoComplete="off"
            widthClass="input-width-s"
          />
          <TextField
            {...form.field('deposit')}
            inputMode="decimal"
            autoComplete="off"
            widthClass="input-width-s"
          />
        </fieldset>
        <fieldset className="mt-6">
          <legend className="h3">{t('vacancies.form.datesLegend')}</legend>
          <DateField {...form.field('availableOn')} />
          <DateField
            {...form.field('deadlineOn')}
            hint={`${
              deadlineDays === null
                ? t('vacancies.form.deadlineHintDefault')
                : t('vacancies.form.deadlineHint', { count: deadlineDays })
            } ${t('form.dateHint')}`}
          />
          <SelectField
            {...form.field('origin')}
            hint={t('vacancies.form.originHint')}
            options={originOptions}
          />
        </fieldset>
        {reason ? <TextAreaField {...form.field('reason')} hint={reason.hint} rows={3} /> : null}
        {beforeSubmit}
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {submitLabel}
          </button>
          {secondaryAction ? <> {secondaryAction}</> : null}
        </div>
        {save.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </>
  );
}
