import { VACANCY_ORIGINS, type VacancyOrigin } from '../../../shared/allocation/model';
import { UNIT_TYPES, type UnitType } from '../../../shared/housing/supply';
import type { ImportProblem, ImportReport } from '../../../shared/import';
import { type Db, withTenant } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { decimal, readTable } from '../housing/housing.files';
import * as repo from './allocation.repository';
import type { VacancyBody } from './allocation.schema';
import { createVacancy } from './allocation.service';

const MAX_ROWS = 5000;

/** Danish headers (case-insensitive) → the field each fills. */
const COLUMNS: Record<string, keyof VacancyBody | 'organisation'> = {
  afdeling: 'departmentId',
  boligorganisation: 'organisation',
  organisation: 'organisation',
  adresse: 'address',
  type: 'unitType',
  vaerelser: 'rooms',
  værelser: 'rooms',
  m2: 'areaM2',
  husleje: 'rent',
  aconto: 'utilities',
  depositum: 'deposit',
  tilgaengelig: 'accessible',
  tilgængelig: 'accessible',
  ledig_fra: 'availableOn',
  oprindelse: 'origin',
  frist: 'deadlineOn',
};

const UNIT_WORDS: Record<string, UnitType> = {
  familiebolig: 'family',
  ungdomsbolig: 'youth',
  ældrebolig: 'elderly',
  aeldrebolig: 'elderly',
  'skæv bolig': 'alternative',
  'skaev bolig': 'alternative',
};
const ORIGIN_WORDS: Record<string, VacancyOrigin> = {
  kvote: 'agreement_quota',
  rammeaftale: 'agreement_quota',
  ungdomskvote: 'youth_quota',
  genhusning: 'rehousing',
  pulje: 'subsidy_pool',
  nybyggeri: 'new_build',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DANISH_DATE = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/;

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
 * åååå-mm-dd, dd.mm.åååå or dd-mm-åååå → åååå-mm-dd if a real date. Checked by arithmetic, not by
 * a Date object: an import checks up to five dates on each of 200,000 lines.
 */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  const iso = ISO_DATE.exec(t);
  const danish = iso ? null : DANISH_DATE.exec(t);
  const m = iso ?? danish;
  if (!m) return undefined;
  const year = Number(iso ? m[1] : m[3]);
  const month = Number(m[2]);
  const day = Number(iso ? m[3] : m[1]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface ParsedRow {
  line: number;
  value?: VacancyBody;
  key: string;
}

/**
 * Reads a vacancy list (CSV or XLSX) and, unless a dry run, imports it in one transaction: every
 * row, or (mode valid_only) the valid ones. A row already imported (same department, address and
 * available date) is skipped, so importing the same file twice creates no duplicates.
 */
export async function importVacancies(
  db: Db,
  actor: Actor,
  file: { filename: string; data: Buffer },
  options: { mode: 'all' | 'valid_only'; dryRun: boolean },
): Promise<ImportReport> {
  const lower = file.filename.trim().toLowerCase();
  const problems: ImportProblem[] = [];
  const table =
    lower.endsWith('.csv') || lower.endsWith('.xlsx') ? await readTable(lower, file.data) : undefined;
  if (!table)
    return { rows: 0, valid: 0, imported: 0, problems: [{ line: 0, field: 'file', code: 'file_type' }] };
  const header = (table.find((r) => r.line === 1)?.cells ?? []).map((h) => h.trim().toLowerCase());
  const fieldAt: (string | undefined)[] = [];
  const seenColumns = new Set<string>();
  header.forEach((h, col) => {
    if (h === '') return;
    const field = COLUMNS[h];
    if (!field) problems.push({ line: 1, field: h, code: 'unknown_column' });
    else if (seenColumns.has(field)) problems.push({ line: 1, field: h, code: 'duplicate_column' });
    else {
      seenColumns.add(field);
      fieldAt[col] = field;
    }
  });
  const records = table
    .filter((r) => r.line !== 1 && !r.cells.every((c) => (c ?? '').trim() === ''))
    .map((r) => {
      const rec: Record<string, string> = {};
      fieldAt.forEach((f, col) => {
        if (f) rec[f] = (r.cells[col] ?? '').trim();
      });
      return { line: r.line, rec };
    });
  if (records.length === 0) problems.push({ line: 0, field: 'file', code: 'no_rows' });
  if (records.length > MAX_ROWS) problems.push({ line: 0, field: 'file', code: 'too_many_rows' });
  if (problems.length) return { rows: records.length, valid: 0, imported: 0, problems };

  const departments = await withTenant(db, actor.municipalityId, (trx) =>
    repo.departmentsByNumber(trx, actor.municipalityId),
  );
  const parsed: ParsedRow[] = records.map(({ line, rec }) => {
    const rowProblems: ImportProblem[] = [];
    const problem = (field: string, code: string) => rowProblems.push({ line, field, code });
    const text = (field: string, max: number) => {
      const v = rec[field] ?? '';
      if (v === '') problem(field, 'required');
      else if (v.length > max) problem(field, 'too_long');
      return v;
    };
    const number = (field: string, opts: { whole?: boolean; min: number; required?: boolean }) => {
      const v = rec[field] ?? '';
      if (v === '') {
        if (opts.required !== false) problem(field, 'required');
        return 0;
      }
      // Kroner may be written with thousands dots ("5.250"); whole numbers never have decimals.
      const n = opts.whole
        ? /^\d+$/.test(v)
          ? Number(v)
          : undefined
        : decimal(v.replace(/\.(?=\d{3}(\D|$))/g, ''));
      if (n === undefined) problem(field, 'invalid');
      else if (n < opts.min) problem(field, 'too_small');
      return n ?? 0;
    };
    const numberText = text('departmentId', 20);
    const organisation = (rec.organisation ?? '').toLowerCase();
    const matches = departments.filter(
      (d) => d.number === numberText && (!organisation || d.organisation_name.toLowerCase() === organisation),
    );
    if (numberText && matches.length !== 1) problem('departmentId', 'unknown_department');
    const address = text('address', 300);
    const typeText = (rec.unitType ?? '').toLowerCase();
    const unitType = (UNIT_TYPES as readonly string[]).includes(typeText)
      ? (typeText as UnitType)
      : UNIT_WORDS[typeText];
    if (!typeText) problem('unitType', 'required');
    else if (!unitType) problem('unitType', 'invalid_enum');
    const rooms = number('rooms', { whole: true, min: 1 });
    const areaM2 = number('areaM2', { min: 1 });
    const rent = number('rent', { min: 0 });
    const utilities = number('utilities', { min: 0, required: false });
    const deposit = number('deposit', { min: 0, required: false });
    const accessibleText = (rec.accessible ?? '').toLowerCase();
    if (accessibleText && !['ja', 'nej', 'yes', 'no'].includes(accessibleText))
      problem('accessible', 'invalid_enum');
    const availableOn = parseDate(rec.availableOn ?? '');
    if (!rec.availableOn) problem('availableOn', 'required');
    else if (!availableOn) problem('availableOn', 'date');
    const originText = (rec.origin ?? '').toLowerCase();
    const origin = originText
      ? (VACANCY_ORIGINS as readonly string[]).includes(originText)
        ? (originText as VacancyOrigin)
        : ORIGIN_WORDS[originText]
      : 'agreement_quota';
    if (!origin) problem('origin', 'invalid_enum');
    const deadlineOn = rec.deadlineOn ? parseDate(rec.deadlineOn) : null;
    if (rec.deadlineOn && !deadlineOn) problem('deadlineOn', 'date');
    else if (deadlineOn && availableOn && deadlineOn < availableOn) problem('deadlineOn', 'end_before_start');
    problems.push(...rowProblems);
    const department = matches[0];
    const key = `${department?.id}|${address.toLowerCase()}|${availableOn}`;
    if (rowProblems.length || !department || !unitType || !availableOn || !origin) return { line, key };
    return {
      line,
      key,
      value: {
        departmentId: department.id,
        address,
        unitType,
        rooms,
        areaM2,
        rent,
        utilities,
        deposit,
        accessible: ['ja', 'yes'].includes(accessibleText),
        availableOn,
        origin,
        deadlineOn: deadlineOn ?? null,
      },
    };
  });
  const seen = new Set<string>();
  for (const p of parsed) {
    if (p.value && seen.has(p.key)) {
      problems.push({ line: p.line, field: 'address', code: 'duplicate_row' });
      delete p.value;
    }
    seen.add(p.key);
  }
  const valid = parsed.filter((p) => p.value);
  const report = { rows: records.length, valid: valid.length, imported: 0, problems };
  if (options.dryRun || (options.mode === 'all' && problems.length > 0) || valid.length === 0) return report;
  const imported = await withTenant(db, actor.municipalityId, async (trx) => {
    let n = 0;
    for (const p of valid) if (await createVacancy(trx, actor, p.value as VacancyBody, 'import', p.key)) n++;
    await recordAudit(trx, actor, actor.municipalityId, {
      action: 'allocation.vacancy_import',
      entityType: 'vacancy',
      details: { rows: records.length, imported: n, alreadyImported: valid.length - n, mode: options.mode },
    });
    return n;
  });
  return { ...report, imported };
}
