import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { today } from '../../../shared/dates';
import { AREA_STATUSES, UNIT_TYPES } from '../../../shared/housing/supply';
import { ApiError, type FieldError } from '../../api';
import { NoValue } from '../../components/no-value';
import type { SelectOption } from '../../components/select-field';
import type { AreaStatus, Organisation } from './housing.api';

/**
 * Numbers follow Danish conventions in both languages (decimal comma, thousands point: 78,8 and
 * 1.250 kr.), as dates do, because the figures are shown to and compared with Danish documents.
 */
const oneDecimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const upToTwoDecimals = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

/** An expected number of units (a yearly average), with one decimal: 78,8. */
export function formatExpected(value: number): string {
  return oneDecimal.format(value);
}

/** A count or an amount without decimals: 4.200. */
export function formatWhole(value: number): string {
  return whole.format(value);
}

/** A number as a form shows it for editing: 7,5 (no thousands point, so it reads back the same). */
export function formatInput(value: number): string {
  return upToTwoDecimals.format(value).replace(/\./g, '');
}

/** A percentage: 7,5 %. */
export function formatPercent(t: TFunction, value: number): string {
  return t('housing.format.percent', { value: upToTwoDecimals.format(value) });
}

/** An amount in kroner: 1.250 kr. */
export function formatKroner(t: TFunction, value: number): string {
  return t('housing.format.kroner', { amount: whole.format(value) });
}

const DECIMAL = /^-?\d+([.,]\d+)?$/;
const GROUPED = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;

/**
 * Reads a typed number: a decimal comma or point (7,5 or 7.5), and for amounts a thousands point
 * (1.250 or 1.250,50). Spaces, "kr." and "%" are ignored. `null` if it is no number.
 */
export function parseNumber(text: string, grouped = false): number | null {
  const value = text
    .replace(/[\s\u00a0]/g, '')
    .replace(/(kr\.?|%)$/i, '')
    .replace(/\u2212/g, '-');
  if (value === '') return null;
  let normal: string;
  if (grouped && GROUPED.test(value)) normal = value.replace(/\./g, '').replace(',', '.');
  else if (DECIMAL.test(value)) normal = value.replace(',', '.');
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/** What a number field must hold; each kind has its own message naming the allowed values. */
export type NumberKind = 'percent' | 'rehousing' | 'count' | 'kroner' | 'positiveCount';

/** The highest rehousing share as the form accepts it: every 3rd unit, written 33,33 %. */
const MAX_REHOUSING_TYPED = 33.34;

function inRange(kind: NumberKind, value: number): boolean {
  switch (kind) {
    case 'percent':
      return value >= 0 && value <= 100;
    case 'rehousing':
      return value >= 0 && value < MAX_REHOUSING_TYPED;
    case 'count':
      return Number.isInteger(value) && value >= 0;
    case 'positiveCount':
      return Number.isInteger(value) && value >= 1;
    case 'kroner':
      return value >= 0;
  }
}

/** The field-problem code of a number outside what its kind allows. */
export const RANGE_CODE: Record<NumberKind, string> = {
  percent: 'percent_range',
  rehousing: 'rehousing_range',
  count: 'whole_number',
  positiveCount: 'positive_number',
  kroner: 'kroner',
};

/**
 * Reads a number field for a request, as the server will check it: `required` when empty, `number`
 * when it is no number, the kind's range code when it is outside. Returns the number or undefined.
 */
export function readNumber(
  text: string,
  kind: NumberKind,
  path: string,
  problems: FieldError[],
  required = true,
): number | undefined {
  if (text.trim() === '') {
    if (required) problems.push({ path, code: 'required' });
    return undefined;
  }
  const value = parseNumber(text, kind === 'kroner' || kind === 'count' || kind === 'positiveCount');
  if (value === null) {
    problems.push({ path, code: kind === 'count' || kind === 'positiveCount' ? RANGE_CODE[kind] : 'number' });
    return undefined;
  }
  if (!inRange(kind, value)) {
    problems.push({ path, code: RANGE_CODE[kind] });
    return undefined;
  }
  return value;
}

/**
 * The server's field problems in the form's terms: a path may name another input (an agreement's
 * `quotas.3.quotaPercent` is one cell of the quota table), and a generic range code (`too_small`,
 * `too_big`) becomes the kind's code, whose message says what is allowed. Other errors pass.
 */
export function mapFieldErrors(error: unknown, map: (field: FieldError) => FieldError | null): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const field of error.fields) {
    const mapped = map(field) ?? field;
    const key = `${mapped.path}:${mapped.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push(mapped);
  }
  return new ApiError(error.status, error.code, error.message, error.params, fields);
}

/** A range code for a number field of a kind, for {@link mapFieldErrors}. */
export function rangeFor(field: FieldError, kind: NumberKind | undefined): FieldError | null {
  if (!kind || (field.code !== 'too_small' && field.code !== 'too_big')) return null;
  return { path: field.path, code: RANGE_CODE[kind] };
}

/** The name of a department as lists show it: "Afd. 12 Engparken". */
export function departmentName(t: TFunction, department: { number: string; name: string }): string {
  return t('housing.departmentName', { number: department.number, name: department.name });
}

export function unitTypeOptions(t: TFunction): SelectOption[] {
  return UNIT_TYPES.map((type) => ({ value: type, label: t(`housing.unitTypes.${type}`) }));
}

export function areaStatusOptions(t: TFunction): SelectOption[] {
  return AREA_STATUSES.map((status) => ({ value: status, label: t(`housing.areaStatuses.${status}`) }));
}

export function organisationOptions(organisations: Organisation[]): SelectOption[] {
  return [...organisations]
    .sort((a, b) => a.name.localeCompare(b.name, 'da'))
    .map((o) => ({ value: o.id, label: o.name }));
}

/** An area status in words, or a dash when none is recorded. */
export function AreaStatusText({ status }: { status: AreaStatus | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return <NoValue />;
  return <>{t(`housing.areaStatuses.${status}`)}</>;
}

/** Today's year in Danish time. */
export function currentYear(): number {
  return Number(today().slice(0, 4));
}
