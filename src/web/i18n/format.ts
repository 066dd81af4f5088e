/**
 * Date formats follow Danish conventions in both languages (dd.mm.åååå, 24-hour clock), shown in
 * Danish time, because Hjemvej records Danish municipal case work.
 */
import type { TFunction } from 'i18next';
import { today } from '../../shared/dates';
import { danishDate, danishNumber } from '../../shared/format';
import { parseDate as parseDanishDate, parseNumber as parseDanishNumber } from '../../shared/parse';
import { HIDDEN, type ReportedCountAt } from '../../shared/suppression';

const TIME_ZONE = 'Europe/Copenhagen';

const dateFormat = new Intl.DateTimeFormat('da-DK', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: TIME_ZONE,
});

const timeFormat = new Intl.DateTimeFormat('da-DK', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});

const timeWithSecondsFormat = new Intl.DateTimeFormat('da-DK', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: TIME_ZONE,
});

function toDate(value: string | Date): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Formats an ISO date or timestamp as dd.mm.åååå; returns the input unchanged if it is no date. */
export function formatDate(value: string | Date): string {
  const date = toDate(value);
  return date ? dateFormat.format(date) : String(value);
}

/** Formats the time of day as tt.mm (or tt.mm.ss with `seconds`). */
export function formatTime(value: string | Date, seconds = false): string {
  const date = toDate(value);
  if (!date) return String(value);
  return (seconds ? timeWithSecondsFormat : timeFormat).format(date);
}

/** An ISO timestamp as machine-readable `dateTime` for a `<time>` element. */
export function isoDateTime(value: string): string {
  const date = toDate(value);
  return date ? date.toISOString() : value;
}

/**
 * Reads a date typed as dd.mm.åååå (also d.m.åååå, or with - / or space) or as åååå-mm-dd, and
 * returns it as åååå-mm-dd; `null` if it is no real calendar date.
 */
export function parseDate(text: string): string | null {
  return parseDanishDate(text, { typed: true }) ?? null;
}

/** Shows an åååå-mm-dd date as dd.mm.åååå (anything else unchanged). */
export const isoToDanishDate = danishDate;

/** Today in Danish time, as the forms show dates (dd.mm.åååå). */
export function todayText(): string {
  return formatDate(new Date());
}

/** Today in Danish time as åååå-mm-dd (for requests). */
export function todayIso(): string {
  return today();
}

/** Today's year in Danish time. */
export function currentYear(): number {
  return Number(today().slice(0, 4));
}

/*
 * Numbers follow Danish conventions in both languages (decimal comma, thousands point: 78,8 and
 * 1.250 kr.), as dates do, because the figures are shown to and compared with Danish documents.
 */

/** An expected number of units (a yearly average), with one decimal: 78,8. */
export function formatExpected(value: number): string {
  return danishNumber(value, 1);
}

/** A count or an amount without decimals: 4.200. */
export function formatWhole(value: number): string {
  return danishNumber(value);
}

/** A number as a form shows it for editing: 7,5 (no thousands point, so it reads back the same). */
export function formatInput(value: number): string {
  return danishNumber(value, 0, 2).replace(/\./g, '');
}

/** A percentage: 7,5 %. */
export function formatPercent(t: TFunction, value: number): string {
  return t('format.percent', { value: danishNumber(value, 0, 2) });
}

/**
 * A count that may be suppressed at the municipality's limit (small-number suppression,
 * shared/suppression.ts): "<5" is written "under 5", "<7" "under 7", and "x" "skjult", so a screen
 * reader says what the cell means.
 */
export function formatReported(t: TFunction, count: ReportedCountAt): string {
  if (count === HIDDEN) return t('format.hidden');
  if (typeof count === 'string') return t('format.suppressed', { limit: count.slice(1) });
  return formatWhole(count);
}

/** An amount in kroner: 1.250 kr. */
export function formatKroner(t: TFunction, value: number): string {
  return t('format.kroner', { amount: danishNumber(value) });
}

/**
 * Reads a typed number: a decimal comma or point (7,5 or 7.5), and for amounts a thousands point
 * (1.250 or 1.250,50). Spaces, "kr." and "%" are ignored. `null` if it is no number.
 */
export function parseNumber(text: string, grouped = false): number | null {
  return parseDanishNumber(text, { grouped }) ?? null;
}
