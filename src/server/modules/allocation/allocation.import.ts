import { VACANCY_ORIGINS, type VacancyOrigin } from '../../../shared/allocation/model';
import { UNIT_TYPES, type UnitType } from '../../../shared/housing/supply';
import type { ImportProblem, ImportReport } from '../../../shared/import';
import { parseDate, parseNumber } from '../../../shared/parse';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import {
  type ImportDefinition,
  type ImportFile,
  type ImportOptions,
  type ImportRecord,
  type RowResult,
  runImport,
} from '../../platform/import/pipeline';
import * as repo from './allocation.repository';
import type { VacancyBody } from './allocation.schema';
import { createVacancy } from './allocation.vacancies.service';

const MAX_ROWS = 5000;

type Department = Awaited<ReturnType<typeof repo.departmentsByNumber>>[number];

/** Danish headers (case-insensitive) → the field each fills. */
type VacancyField = keyof VacancyBody | 'organisation';

const COLUMNS: Record<string, VacancyField> = {
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

/**
 * One row of a vacancy list to a vacancy, or its problems. The departments are the municipality's,
 * each with its organisation's name.
 */
export function parseVacancyRow(
  { line, fields: rec }: ImportRecord<VacancyField>,
  departments: Department[],
): RowResult<VacancyBody> {
  const rowProblems: ImportProblem[] = [];
  const problem = (field: string, code: string) => rowProblems.push({ line, field, code });
  const text = (field: VacancyField, max: number) => {
    const v = rec[field] ?? '';
    if (v === '') problem(field, 'required');
    else if (v.length > max) problem(field, 'too_long');
    return v;
  };
  const number = (field: VacancyField, opts: { whole?: boolean; min: number; required?: boolean }) => {
    const v = rec[field] ?? '';
    if (v === '') {
      if (opts.required !== false) problem(field, 'required');
      return 0;
    }
    // Kroner may be written with thousands dots ("5.250"); whole numbers never have decimals.
    const n = opts.whole ? (/^\d+$/.test(v) ? Number(v) : undefined) : parseNumber(v, { grouped: true });
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
  const department = matches[0];
  if (rowProblems.length || !department || !unitType || !availableOn || !origin)
    return { problems: rowProblems };
  return {
    problems: rowProblems,
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
}

const vacancyKey = (v: VacancyBody) => `${v.departmentId}|${v.address.toLowerCase()}|${v.availableOn}`;

const vacancyImport: ImportDefinition<VacancyField, VacancyBody, Department[]> = {
  // The Danish words as users write them (the ASCII spellings are accepted too, but not offered).
  allowed: {
    unitType: ['familiebolig', 'ungdomsbolig', 'ældrebolig', 'skæv bolig'],
    accessible: ['ja', 'nej'],
    origin: Object.keys(ORIGIN_WORDS),
  },
  formats: {
    rooms: 'whole_number',
    areaM2: 'number',
    rent: 'amount',
    utilities: 'amount',
    deposit: 'amount',
    availableOn: 'date',
    deadlineOn: 'date',
  },
  columns: COLUMNS,
  maxRows: MAX_ROWS,
  audit: { action: 'allocation.vacancy_import', entityType: 'vacancy' },
  prepare: (trx, actor) => repo.departmentsByNumber(trx, actor.municipalityId),
  parse: parseVacancyRow,
  duplicates: { key: vacancyKey, field: 'address', code: 'duplicate_row' },
  async write(trx, actor, rows) {
    let n = 0;
    for (const { value } of rows)
      if (await createVacancy(trx, actor, value, 'import', vacancyKey(value))) n++;
    return { imported: n, details: { alreadyImported: rows.length - n } };
  },
};

/**
 * Reads a vacancy list (CSV or XLSX) and, unless a dry run, imports it in one transaction: every
 * row, or (mode valid_only) the valid ones. A row already imported (same department, address and
 * available date) is skipped, so importing the same file twice creates no duplicates.
 */
export function importVacancies(
  db: Db,
  actor: Actor,
  file: ImportFile,
  options: ImportOptions,
): Promise<ImportReport> {
  return runImport(db, actor, vacancyImport, file, options);
}
