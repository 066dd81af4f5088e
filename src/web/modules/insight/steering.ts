import type { TFunction } from 'i18next';
import { daysBetween } from '../../../shared/dates';
import { INDICATOR_PERIOD_MAX_DAYS, type ReportedValue } from '../../../shared/insight/indicators';
import type { ReportedCountAt } from '../../../shared/suppression';
import type { FieldError } from '../../api';
import {
  formatDate,
  formatExpected,
  formatPercent,
  formatReported,
  formatTime,
  formatWhole,
} from '../../i18n/format';

/**
 * Pure helpers of the steering pages (the committee report, the comparison and the settings of
 * figures that leave case work): how a suppressed figure, a share or a month is written, and how a
 * chosen period is checked before it is asked for.
 */

/** A chart value: a suppressed count ("<5", "x") or a figure not shown has no bar. */
export function drawn(value: ReportedCountAt | null | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

/** Whether an indicator's value is a share (0–1), written in per cent (as the report's files do). */
export const isShareKey = (key: string) => key.endsWith('Share') || key === 'load';

/**
 * An outcome indicator's value as the page writes it: a share in per cent with one decimal, a
 * median or mean with one decimal when it has one, a count as it is reported; null when not shown.
 */
export function formatIndicatorValue(t: TFunction, key: string, value: ReportedValue): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return formatReported(t, value);
  if (isShareKey(key)) return formatPercent(t, Math.round(value * 1000) / 10);
  return Number.isInteger(value) ? formatWhole(value) : formatExpected(value);
}

/** A rate per 10,000 inhabitants, with one decimal (12,5). */
export const formatRate = (rate: number) => formatExpected(rate);

const MONTH_FORMATS = {
  da: new Intl.DateTimeFormat('da-DK', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** A month (its last day or any day of it, åååå-mm-dd, or åååå-mm) as "nov. 2026" / "Nov 2026". */
export function monthLabel(date: string, language: string): string {
  const format = language.startsWith('en') ? MONTH_FORMATS.en : MONTH_FORMATS.da;
  return format.format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`));
}

/** A timestamp as "05.12.2026 kl. 14.30" (Danish time, as every page writes it). */
export function formatDateTime(t: TFunction, value: string): string {
  return t('common.dateTime', { date: formatDate(value), time: formatTime(value) });
}

/** A period of the committee report. */
export interface Period {
  from: string;
  to: string;
}

/**
 * Checks a chosen period (both dates read already, åååå-mm-dd) as the server will: the end not
 * before the start (the field "Til og med" is named), and not longer than the indicators allow.
 */
export function periodProblems(from: string, to: string): FieldError[] {
  if (to < from) return [{ path: 'to', code: 'before_from' }];
  if (daysBetween(from, to) > INDICATOR_PERIOD_MAX_DAYS) return [{ path: 'from', code: 'period_too_long' }];
  return [];
}

/** The query of a period, for the report and its files. */
export function periodQuery({ from, to }: Period): string {
  return new URLSearchParams({ from, to }).toString();
}

/** Where the committee report of a period is downloaded. */
export const committeeFileHref = (period: Period, kind: 'pdf' | 'xlsx') =>
  `/api/insight/committee-report.${kind}?${periodQuery(period)}`;
