/**
 * Stay lengths and the quarterly stay report to Danmarks Statistik (issue 16 §9–10; domain.md §10),
 * as pure functions on ISO dates.
 *
 * A stay's length is its nights: discharge day minus admission day (a stay discharged the day it
 * began counts 0 nights and is still a stay). An open stay's length on a day counts to that day.
 */

import type { Situation } from '../citizens/whereabouts';
import { addDays, daysBetween } from '../dates';
import type { DischargeDestination } from './model';

// ---- Stay lengths (§10) ----

/** The length bands of the distribution, in nights: [from, to] inclusive, the last open-ended. */
export const LENGTH_BANDS = [
  { key: '0-7', from: 0, to: 7 },
  { key: '8-30', from: 8, to: 30 },
  { key: '31-90', from: 31, to: 90 },
  { key: '91-120', from: 91, to: 120 },
  { key: '121-365', from: 121, to: 365 },
  { key: '366+', from: 366, to: Number.POSITIVE_INFINITY },
] as const;
export type LengthBand = (typeof LENGTH_BANDS)[number]['key'];

/** The nights of a stay: to the discharge, or to `onDate` while it lasts. */
export function stayLength(admittedOn: string, dischargedOn: string | null, onDate: string): number {
  return Math.max(0, daysBetween(admittedOn, dischargedOn ?? onDate));
}

/** The band a length falls in. */
export function lengthBand(nights: number): LengthBand {
  for (const b of LENGTH_BANDS) if (nights >= b.from && nights <= b.to) return b.key;
  return '366+';
}

/** The median of the values (the mean of the two middle ones when even); null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** How many lengths fall in each band. */
export function lengthDistribution(lengths: readonly number[]): Record<LengthBand, number> {
  const out = Object.fromEntries(LENGTH_BANDS.map((b) => [b.key, 0])) as Record<LengthBand, number>;
  for (const n of lengths) out[lengthBand(n)]++;
  return out;
}

// ---- Quarters ----

/** A calendar quarter: `2026-Q3`. */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

export function quarterOf(date: string): Quarter {
  const month = Number(date.slice(5, 7));
  return `${Number(date.slice(0, 4))}-Q${Math.ceil(month / 3) as 1 | 2 | 3 | 4}`;
}

/** The quarter's first day and the first day after it. */
export function quarterPeriod(quarter: Quarter): { from: string; until: string } {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const month = (q - 1) * 3 + 1;
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const until = q === 4 ? `${year + 1}-01-01` : `${year}-${String(month + 3).padStart(2, '0')}-01`;
  return { from, until };
}

/** The `count` quarters ending with the one holding `date`, oldest first. */
export function quartersUpTo(date: string, count: number): Quarter[] {
  const out: Quarter[] = [];
  let d = quarterPeriod(quarterOf(date)).from;
  for (let i = 0; i < count; i++) {
    out.unshift(quarterOf(d));
    d = quarterPeriod(quarterOf(addDays(d, -1))).from;
  }
  return out;
}

/** Whether the stay `[admittedOn, dischargedOn]` has a day in the quarter (DST asks for every such stay). */
export function stayInQuarter(admittedOn: string, dischargedOn: string | null, quarter: Quarter): boolean {
  const { from, until } = quarterPeriod(quarter);
  return admittedOn < until && (dischargedOn === null || dischargedOn >= from);
}

// ---- The quarterly report to Danmarks Statistik (§9) ----

/**
 * Where the person last stayed before the admission, in DST's words as far as domain.md knows them
 * (since 2021 "hvor personen sidst opholdt sig" replaces "henvist fra"): read from the citizen's
 * whereabouts before the admission day. `unknown` when the by-name list has none.
 */
export const LAST_STAY_CODES: Record<Situation | 'none', string> = {
  housed: 'egen_bolig',
  at_risk: 'egen_bolig',
  street: 'gade',
  night_shelter: 'natvarmestue',
  shelter: 'andet_herberg',
  hotel: 'hotel_vandrehjem',
  family_friends: 'familie_venner',
  transitional: 'udslusningsbolig',
  prison: 'kriminalforsorgen',
  hospital: 'hospital_behandling',
  institution: 'botilbud',
  other: 'andet',
  unknown: 'uoplyst',
  none: 'uoplyst',
};

/** Where the person moved to, in the report's words. */
export const MOVED_TO_CODES: Record<DischargeDestination, string> = {
  own_home: 'egen_bolig',
  care_107_108: 'botilbud_107_108',
  other_shelter: 'andet_herberg',
  street: 'gade',
  hospital_prison: 'hospital_kriminalforsorgen',
  family_friends: 'familie_venner',
  unknown: 'uoplyst',
};

/** One stay as the shelter knows it, for the report. */
export interface ReportStay {
  id: string;
  cpr: string | null;
  birthDate: string | null;
  initials: string | null;
  name: string | null;
  admittedOn: string;
  dischargedOn: string | null;
  /** The citizen's whereabouts before the admission; null when none is recorded. */
  lastStay: Situation | null;
  dischargedTo: DischargeDestination | null;
  municipalDischarge: boolean;
}

/** The fields of the report that DST says are often left blank, and the identity it links on. */
export type ReportGap = 'cpr' | 'last_stay' | 'moved_to';

/**
 * What a stay's report row lacks (the completeness check): the CPR number (DST links the person to
 * the population register by it), where the person last stayed, and — for a stay that ended in the
 * quarter — where the person moved to. "Unknown" counts as missing: it is what DST sees as blank.
 */
export function reportGaps(stay: ReportStay, quarter: Quarter): ReportGap[] {
  const gaps: ReportGap[] = [];
  if (!stay.cpr) gaps.push('cpr');
  if (stay.lastStay === null || stay.lastStay === 'unknown') gaps.push('last_stay');
  const { until } = quarterPeriod(quarter);
  if (
    stay.dischargedOn !== null &&
    stay.dischargedOn < until &&
    (stay.dischargedTo ?? 'unknown') === 'unknown'
  )
    gaps.push('moved_to');
  return gaps;
}

/**
 * The columns of the report file, in order. DST's own template (a spreadsheet it supplies, or a text
 * file uploaded through virk.dk) was not available when this was written: the columns carry the
 * variables domain.md §10 lists, named in Danish, so a shelter can copy them into DST's template
 * or upload them once DST's layout is confirmed (docs/shelters.md).
 */
export const REPORT_COLUMNS = [
  'kvartal',
  'opholdstype',
  'boform',
  'cpr',
  'foedselsdato',
  'initialer',
  'indflytning',
  'udflytning',
  'sidste_opholdssted',
  'udskrivning',
  'fraflytning_til',
] as const;

/**
 * One stay's row: the kind of stay (§ 110), the shelter, the person (CPR, else birth date and
 * initials), admission and departure dates (dd-mm-åååå; departure blank while the stay lasts past
 * the quarter), where the person last stayed, how the stay ended (the shelter's decision under
 * § 110 stk. 4 or the municipality's under stk. 5) and where the person moved to.
 */
export function reportRow(stay: ReportStay, quarter: Quarter, shelterName: string): string[] {
  const { until } = quarterPeriod(quarter);
  const endedInQuarter = stay.dischargedOn !== null && stay.dischargedOn < until;
  const dmy = (d: string | null) => (d ? `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}` : '');
  return [
    quarter,
    '110',
    shelterName,
    stay.cpr ?? '',
    stay.cpr ? '' : dmy(stay.birthDate),
    stay.cpr ? '' : (stay.initials ?? ''),
    dmy(stay.admittedOn),
    endedInQuarter ? dmy(stay.dischargedOn) : '',
    LAST_STAY_CODES[stay.lastStay ?? 'none'],
    endedInQuarter ? (stay.municipalDischarge ? 'kommune_110_stk5' : 'forstander_110_stk4') : '',
    endedInQuarter ? MOVED_TO_CODES[stay.dischargedTo ?? 'unknown'] : '',
  ];
}

/** A semicolon-separated text file with a header row, CRLF line ends (fields never hold ";" or quotes). */
export function reportFile(stays: readonly ReportStay[], quarter: Quarter, shelterName: string): string {
  const clean = (v: string) => v.replace(/[;"\r\n]/g, ' ');
  const lines = [REPORT_COLUMNS.join(';')];
  for (const s of stays) lines.push(reportRow(s, quarter, shelterName).map(clean).join(';'));
  return `${lines.join('\r\n')}\r\n`;
}
