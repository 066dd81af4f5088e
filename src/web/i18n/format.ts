/**
 * Date formats follow Danish conventions in both languages (dd.mm.åååå, 24-hour clock), shown in
 * Danish time, because Hjemvej records Danish municipal case work.
 */
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

const DANISH_DATE = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoIfValid(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a date typed as dd.mm.åååå (also d.m.åååå, or with - / or space) or as åååå-mm-dd, and
 * returns it as åååå-mm-dd; `null` if it is no real calendar date.
 */
export function parseDate(text: string): string | null {
  const value = text.trim();
  const danish = DANISH_DATE.exec(value);
  if (danish) return isoIfValid(Number(danish[3]), Number(danish[2]), Number(danish[1]));
  const iso = ISO_DATE.exec(value);
  if (iso) return isoIfValid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** Shows an åååå-mm-dd date as dd.mm.åååå (anything else unchanged). */
export function isoToDanishDate(iso: string): string {
  const match = ISO_DATE.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}
