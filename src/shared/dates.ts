/**
 * Calendar dates as Hjemvej keeps them: ISO strings (åååå-mm-dd) in Danish time. One implementation
 * of each date rule for server and web alike; pure, no I/O.
 */

const DAY_MS = 86_400_000;
const COPENHAGEN_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

let todayProvider: (() => string | undefined) | null = null;

/**
 * Lets a test clock answer `today()` (ADR 0011): the provider returns a date (åååå-mm-dd) or
 * undefined for the real date. Only the server's test clock (HJEMVEJ_TEST_CLOCK) sets one; null
 * removes it.
 */
export function setTodayProvider(provider: (() => string | undefined) | null): void {
  todayProvider = provider;
}

/** Today's date in Danish time: the date every status and deadline is measured on. */
export function today(): string {
  return todayProvider?.() ?? COPENHAGEN_DATE.format(new Date());
}

/** The Danish calendar date of an instant. */
export function danishDateOf(instant: Date): string {
  return COPENHAGEN_DATE.format(instant);
}

/** The date `days` calendar days after `date` (before it for a negative number). */
export function addDays(date: string, days: number): string {
  return iso(utc(date) + days * DAY_MS);
}

/**
 * The days since 1970-01-01 of a date (åååå-mm-dd), read without allocating: for comparing many
 * dates by number (`addDays(a, n) <= b` is `dayNumber(a) + n <= dayNumber(b)`).
 */
export function dayNumber(date: string): number {
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** Whole years from `birthDate` to `onDate` (both åååå-mm-dd). */
export function ageOn(birthDate: string, onDate: string): number {
  const age = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? age - 1 : age;
}

const monthsBeforeCache = new Map<string, string>();

/** The same day `months` calendar months earlier (clamped to the month's last day: 31.03 → 28/29.02). */
export function monthsBefore(date: string, months: number): string {
  const key = `${date}|${months}`;
  const cached = monthsBeforeCache.get(key);
  if (cached) return cached;
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  const result = iso(target.getTime());
  // Rankings test thousands of people against one date: remember the few dates asked for.
  if (monthsBeforeCache.size > 1000) monthsBeforeCache.clear();
  monthsBeforeCache.set(key, result);
  return result;
}

/** Easter Sunday of a year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, ReadonlySet<string>>();

/**
 * The Danish public holidays (helligdage) of a year: New Year's Day, Maundy Thursday, Good Friday,
 * Easter Sunday and Monday, Store Bededag (the fourth Friday after Easter, abolished from 2024 by
 * lov nr. 182 of 28.02.2023), Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing Day.
 */
export function danishPublicHolidays(year: number): ReadonlySet<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fromEaster = [-3, -2, 0, 1, 39, 49, 50];
  if (year <= 2023) fromEaster.push(26);
  const days = new Set([
    `${year}-01-01`,
    ...fromEaster.map((n) => addDays(easter, n)),
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
  holidayCache.set(year, days);
  return days;
}

/** A Danish working day: Monday to Friday and not a public holiday. */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(utc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !danishPublicHolidays(Number(date.slice(0, 4))).has(date);
}

/** The date `days` working days after `date` (before it for a negative number); 0 gives `date`. */
export function addWorkingDays(date: string, days: number): string {
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  let current = date;
  while (left > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
  return count;
}
