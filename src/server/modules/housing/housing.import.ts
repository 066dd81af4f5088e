/**
 * The department import (issue 4 §8): a list of departments (CSV or XLSX) through the import
 * pipeline. Unknown organisations are created on the way; a department number is taken once per
 * organisation.
 */
import type { UnitType } from '../../../shared/housing/supply';
import type { ImportProblem, ImportReport } from '../../../shared/import';
import { parseNumber } from '../../../shared/parse';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import {
  type ImportDefinition,
  type ImportFile,
  type ImportOptions,
  readImportFile,
  runImport,
} from '../../platform/import/pipeline';
import { createDepartment } from './housing.departments.service';
import { saveOrganisation } from './housing.organisations.service';
import * as repo from './housing.repository';
import type { DepartmentImportRow, UnitCounts } from './housing.types';

export type DepartmentImportReport = ImportReport;

/** Data rows one department file may hold. */
export const MAX_DEPARTMENT_ROWS = 5_000;

type ImportField = Exclude<keyof DepartmentImportRow, 'line'>;

/** The columns a department file may have (Danish headers, case-insensitive), and the field each fills. */
const DEPARTMENT_COLUMNS: Record<string, ImportField> = {
  boligorganisation: 'organisation',
  afdelingsnummer: 'number',
  afdelingsnavn: 'name',
  adresse: 'address',
  familieboliger: 'family',
  ungdomsboliger: 'youth',
  ældreboliger: 'elderly',
  skæve_boliger: 'alternative',
  fraflytningsprocent: 'turnoverPercent',
};

/** A department as one valid row describes it. */
export interface ImportedDepartment {
  organisation: string;
  number: string;
  name: string;
  address: string | null;
  units: UnitCounts;
  turnoverPercent: number;
}

const EMPTY_ROW: Omit<DepartmentImportRow, 'line'> = {
  organisation: '',
  number: '',
  name: '',
  address: '',
  family: '',
  youth: '',
  elderly: '',
  alternative: '',
  turnoverPercent: '',
};

const COLUMNS = {
  columns: DEPARTMENT_COLUMNS,
  maxRows: MAX_DEPARTMENT_ROWS,
  // What a number column holds, named beside its problems in the report.
  formats: {
    family: 'whole_number',
    youth: 'whole_number',
    elderly: 'whole_number',
    alternative: 'whole_number',
    turnoverPercent: 'percent',
  },
} as const;

/**
 * Reads a department file (CSV with ';' or ',', or XLSX) into rows of text, keyed by the Danish
 * header of line 1. Empty lines are skipped; each row keeps its line number in the file.
 */
export async function readDepartmentFile(
  filename: string,
  data: Buffer,
): Promise<{ rows: DepartmentImportRow[]; problems: ImportProblem[] }> {
  const { records, problems } = await readImportFile({ filename, data }, COLUMNS);
  return { rows: records.map((r) => ({ ...EMPTY_ROW, ...r.fields, line: r.line })), problems };
}

/** Largest value of a Postgres int column. */
const MAX_UNITS = 2_147_483_647;

/**
 * One department row to a department, or its problems (field names as in DepartmentImportRow).
 * Unit counts are whole numbers ≥ 0 (empty = 0); the turnover percent is required, 0–100.
 */
export function parseDepartmentRow(row: DepartmentImportRow): {
  value?: ImportedDepartment;
  problems: ImportProblem[];
} {
  const problems: ImportProblem[] = [];
  const problem = (field: string, code: string) => problems.push({ line: row.line, field, code });

  const text = (field: 'organisation' | 'number' | 'name', max: number) => {
    const v = (row[field] ?? '').trim();
    if (v === '') problem(field, 'required');
    else if (v.length > max) problem(field, 'too_long');
    return v;
  };
  const organisation = text('organisation', 200);
  const number = text('number', 20);
  const name = text('name', 200);

  // Whole numbers only, without separators: "1.000" could mean one or a thousand.
  const count = (field: UnitType) => {
    const v = (row[field] ?? '').trim();
    if (v === '') return 0;
    if (!/^[-+]?\d+$/.test(v)) {
      problem(field, 'invalid');
      return 0;
    }
    const n = Number(v);
    if (n < 0) problem(field, 'too_small');
    else if (n > MAX_UNITS) problem(field, 'too_big');
    return n === 0 ? 0 : n;
  };
  const units: UnitCounts = {
    family: count('family'),
    youth: count('youth'),
    elderly: count('elderly'),
    alternative: count('alternative'),
  };

  const turnoverText = (row.turnoverPercent ?? '').trim();
  const turnover = parseNumber(turnoverText);
  if (turnoverText === '') problem('turnoverPercent', 'required');
  else if (turnover === undefined) problem('turnoverPercent', 'invalid');
  else if (turnover < 0) problem('turnoverPercent', 'too_small');
  else if (turnover > 100) problem('turnoverPercent', 'too_big');

  if (problems.length > 0 || turnover === undefined) return { problems };
  const address = (row.address ?? '').trim();
  return {
    value: {
      organisation,
      number,
      name,
      address: address === '' ? null : address,
      units,
      // The column holds two decimals.
      turnoverPercent: Math.round(turnover * 100) / 100,
    },
    problems,
  };
}

const departmentKey = (d: { organisation: string; number: string }) =>
  `${d.organisation.toLowerCase()}|${d.number}`;

const departmentImport: ImportDefinition<ImportField, ImportedDepartment> = {
  ...COLUMNS,
  audit: { action: 'housing.import', entityType: 'housing_department' },
  parse: (record) => parseDepartmentRow({ ...EMPTY_ROW, ...record.fields, line: record.line }),
  duplicates: { key: departmentKey, field: 'number', code: 'number_taken' },
  async check(trx, actor, rows) {
    const problems: ImportProblem[] = [];
    for (const { line, value } of rows) {
      const org = await repo.findOrganisationByName(trx, actor.municipalityId, value.organisation);
      const exists = org && (await repo.findDepartmentByNumber(trx, org.id, value.number));
      if (exists) problems.push({ line, field: 'number', code: 'number_taken' });
    }
    return problems;
  },
  async write(trx, actor, rows, run) {
    for (const { value: d } of rows) {
      const org =
        (await repo.findOrganisationByName(trx, actor.municipalityId, d.organisation))?.id ??
        (await saveOrganisation(trx, actor, null, {
          name: d.organisation,
          address: null,
          contactEmail: null,
          contactPhone: null,
        }));
      await createDepartment(trx, actor, org, {
        number: d.number,
        name: d.name,
        address: d.address,
        units: d.units,
        turnoverPercent: d.turnoverPercent,
      });
    }
    return { imported: rows.length, details: { rejected: run.problems } };
  },
};

/**
 * Validates a department list and, unless it is a dry run, imports it in one transaction: all rows,
 * or (mode `valid_only`) the valid ones. Unknown organisations are created on the way.
 */
export function importDepartments(
  db: Db,
  actor: Actor,
  file: ImportFile,
  options: ImportOptions,
): Promise<DepartmentImportReport> {
  return runImport(db, actor, departmentImport, file, options);
}
