/**
 * Reading Danish text into values, the one implementation for imported files (server) and typed
 * fields (web): dates as dd.mm.åååå or åååå-mm-dd, numbers with a decimal comma or point and, for
 * amounts, a thousands point ("1.250,50"). Each answers undefined for text that is no such value.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** dd.mm.åååå or dd-mm-åååå, as files from other systems write them. */
const DANISH_DATE = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/;
/** Typed by a person: also dd/mm/åååå and dd mm åååå. */
const TYPED_DANISH_DATE = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$/;

/** Days in a month of the (proleptic) Gregorian calendar. */
const daysIn = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/**
 * åååå-mm-dd, dd.mm.åååå or dd-mm-åååå (with `typed`, also dd/mm/åååå and dd mm åååå) → åååå-mm-dd
 * if a real calendar date. Checked by arithmetic, not by a Date object: an import checks up to five
 * dates on each of 200,000 lines.
 */
export function parseDate(text: string, { typed = false }: { typed?: boolean } = {}): string | undefined {
  const t = text.trim();
  const iso = ISO_DATE.exec(t);
  const m = iso ?? (typed ? TYPED_DANISH_DATE : DANISH_DATE).exec(t);
  if (!m) return undefined;
  const year = Number(iso ? m[1] : m[3]);
  const month = Number(m[2]);
  const day = Number(iso ? m[3] : m[1]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A plain decimal: optionally signed, a comma or point before the decimals ("7,5", "-1", "12.25"). */
const DECIMAL = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/;
/** Thousands points in a grouped amount: "1.250", "1.250.000,50". */
const GROUPED = /^[-+]?\d{1,3}(\.\d{3})+(,\d*)?$/;

/**
 * A number as Danes write it: "7,5" or "7.5"; with `grouped` (amounts, counts) also with thousands
 * points, "1.250" and "1.250,50". Spaces, a trailing "kr." or "%" and a typographic minus are
 * allowed. Undefined if it is no number.
 */
export function parseNumber(
  text: string,
  { grouped = false }: { grouped?: boolean } = {},
): number | undefined {
  const t = text
    .replace(/[\s\u00a0]/g, '')
    .replace(/(kr\.?|%)$/i, '')
    .replace(/\u2212/g, '-');
  let normal: string;
  if (grouped && GROUPED.test(t)) normal = t.replace(/\./g, '').replace(',', '.');
  else if (DECIMAL.test(t)) normal = t.replace(',', '.');
  else return undefined;
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}
