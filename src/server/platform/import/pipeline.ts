/**
 * The one import pipeline (CSV or XLSX lists): read the file, map its header to fields, report
 * unknown and duplicate columns, check every row, then — unless a dry run — write all rows or only
 * the valid ones in one transaction, one import per municipality at a time, with an audit entry.
 * A module supplies an ImportDefinition: its columns, its row parser and its writer.
 */
import type { ImportFormat, ImportMode, ImportProblem, ImportReport } from '../../../shared/import';
import { type Db, type Tx, withTenant } from '../../db/database';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { lockImports } from './import.repository';
import { readTable } from './read';

/** An uploaded file. */
export interface ImportFile {
  filename: string;
  data: Buffer;
}

/** How to import: every row or only the valid ones, and whether only to check (dry run). */
export interface ImportOptions {
  mode: ImportMode;
  dryRun: boolean;
}

/** One data row of a file: its line, its cells as read, and the mapped cells by field (trimmed). */
export interface ImportRecord<F extends string> {
  line: number;
  cells: string[];
  fields: Partial<Record<F, string>>;
}

/** A row parsed: its value when valid, else its problems (each with the row's line). */
export interface RowResult<V> {
  value?: V;
  problems: ImportProblem[];
}

/** A valid row on its way to the database. */
export interface ValidRow<V> {
  line: number;
  value: V;
}

/** What the writer reports: rows imported, and what else the audit entry records (counts only). */
export interface WriteResult {
  imported: number;
  details?: Record<string, unknown>;
}

/** How a module reads the columns of its lists. */
export interface ImportColumns<F extends string> {
  /** Header text (lower case) → the field its column fills; several headers may fill one field. */
  columns: Readonly<Record<string, F>>;
  /** Data rows one file may hold. */
  maxRows: number;
  /** File name endings accepted (default .csv and .xlsx); .xlsx is read as XLSX, any other as CSV. */
  extensions?: readonly string[];
  /** The values a field with a fixed list accepts, as the file writes them: shown beside its problems. */
  allowed?: Readonly<Partial<Record<F, readonly string[]>>>;
  /** What a field of dates, numbers or other formatted values holds: named beside its problems. */
  formats?: Readonly<Partial<Record<F, ImportFormat>>>;
}

/** What a module supplies to import a list; everything else is the pipeline's. */
export interface ImportDefinition<F extends string, V, C = undefined> extends ImportColumns<F> {
  /** The audit entry of an import: its action and the entity type it creates. */
  audit: { action: string; entityType: string };
  /** Loads what checking rows needs (e.g. the municipality's departments), in one tenant transaction. */
  prepare?: (trx: Tx, actor: Actor) => Promise<C>;
  /** One row to a value or its problems. Synchronous: it runs on every line of files of 200,000. */
  parse: (record: ImportRecord<F>, context: C) => RowResult<V>;
  /** A valid row's identity in the file: a later valid row with the same key gets `field`/`code`. */
  duplicates?: { key: (value: V) => string | undefined; field: string; code: string };
  /** Checks the valid rows against the database (e.g. already registered); answers their problems. */
  check?: (trx: Tx, actor: Actor, rows: ValidRow<V>[], context: C) => Promise<ImportProblem[]>;
  /** Writes the valid rows, inside the import's transaction and under the municipality's import lock. */
  write: (
    trx: Tx,
    actor: Actor,
    rows: ValidRow<V>[],
    run: { rows: number; problems: number; mode: ImportMode; context: C },
  ) => Promise<WriteResult>;
}

const DEFAULT_EXTENSIONS = ['.csv', '.xlsx'] as const;

const fileProblem = (code: string): ImportProblem => ({ line: 0, field: 'file', code });

const MAX_VALUE_LENGTH = 100;

/** The problems of a cell's form (empty, unreadable, out of range), beside which its format is named. */
const FORMAT_CODES = new Set([
  'required',
  'invalid',
  'date',
  'too_small',
  'too_big',
  'cpr_format',
  'cpr_date',
]);

/**
 * A row's problem as the report shows it: with the cell as written (when the problem is one cell's
 * and the cell has text), the values its column accepts (when the column has a fixed list) and, for
 * a problem of the cell's form, what the column holds (when it has a format: a date, a number …).
 */
function explained<F extends string>(
  problem: ImportProblem,
  record: ImportRecord<F> | undefined,
  { allowed, formats }: Pick<ImportColumns<F>, 'allowed' | 'formats'>,
): ImportProblem {
  const cell = record?.fields[problem.field as F];
  const values = allowed?.[problem.field as F];
  const format = FORMAT_CODES.has(problem.code) ? formats?.[problem.field as F] : undefined;
  if (!cell && !values && !format) return problem;
  const out: ImportProblem = { ...problem };
  if (cell) out.value = cell.length > MAX_VALUE_LENGTH ? `${cell.slice(0, MAX_VALUE_LENGTH - 1)}…` : cell;
  if (values) out.allowed = [...values];
  if (format) out.expected = format;
  return out;
}

/**
 * Reads a list into records keyed by field. Header problems (line 1: `unknown_column`,
 * `duplicate_column`, named by the header as written) and file problems (line 0: `file_type`,
 * `no_rows`, `too_many_rows`) come back as problems; empty lines are skipped.
 */
export async function readImportFile<F extends string>(
  file: ImportFile,
  { columns, maxRows, extensions = DEFAULT_EXTENSIONS }: ImportColumns<F>,
): Promise<{ records: ImportRecord<F>[]; problems: ImportProblem[] }> {
  const lower = file.filename.trim().toLowerCase();
  const table = extensions.some((e) => lower.endsWith(e)) ? await readTable(lower, file.data) : undefined;
  if (!table) return { records: [], problems: [fileProblem('file_type')] };

  const problems: ImportProblem[] = [];
  const fieldAt: (F | undefined)[] = [];
  const seen = new Set<F>();
  const header = table.find((r) => r.line === 1)?.cells ?? [];
  header.forEach((cell, col) => {
    const h = (cell ?? '').trim();
    if (h === '') return;
    const field = columns[h.toLowerCase()];
    if (!field) problems.push({ line: 1, field: h, code: 'unknown_column' });
    else if (seen.has(field)) problems.push({ line: 1, field: h, code: 'duplicate_column' });
    else {
      seen.add(field);
      fieldAt[col] = field;
    }
  });

  const records: ImportRecord<F>[] = [];
  for (const { line, cells } of table) {
    if (line === 1 || cells.every((c) => (c ?? '').trim() === '')) continue;
    const fields: Partial<Record<F, string>> = {};
    fieldAt.forEach((field, col) => {
      if (field) fields[field] = (cells[col] ?? '').trim();
    });
    records.push({ line, cells, fields });
  }
  if (records.length === 0) problems.push(fileProblem('no_rows'));
  if (records.length > maxRows) problems.push(fileProblem('too_many_rows'));
  return { records, problems };
}

/**
 * Checks a file row by row and, unless a dry run, imports it in one transaction: every row (mode
 * `all`, nothing if one is invalid) or only the valid ones (`valid_only`). A file whose header or
 * size is wrong is refused as a whole. Problems come back in line order.
 */
export async function runImport<F extends string, V, C>(
  db: Db,
  actor: Actor,
  definition: ImportDefinition<F, V, C>,
  file: ImportFile,
  options: ImportOptions,
): Promise<ImportReport> {
  const { records, problems } = await readImportFile(file, definition);
  if (problems.length) return { rows: records.length, valid: 0, imported: 0, problems };

  const m = actor.municipalityId;
  const { prepare, check } = definition;
  const context = (prepare ? await withTenant(db, m, (trx) => prepare(trx, actor)) : undefined) as C;

  let valid: ValidRow<V>[] = [];
  const seen = definition.duplicates && new Set<string>();
  for (const record of records) {
    const result = definition.parse(record, context);
    if (result.problems.length) {
      for (const p of result.problems) problems.push(explained(p, record, definition));
      continue;
    }
    if (result.value === undefined) continue;
    if (seen && definition.duplicates) {
      const key = definition.duplicates.key(result.value);
      if (key !== undefined) {
        if (seen.has(key)) {
          const { field, code } = definition.duplicates;
          problems.push(explained({ line: record.line, field, code }, record, definition));
          continue;
        }
        seen.add(key);
      }
    }
    valid.push({ line: record.line, value: result.value });
  }

  if (check && valid.length) {
    const rows = valid;
    const found = await withTenant(db, m, (trx) => check(trx, actor, rows, context));
    if (found.length) {
      const refused = new Set(found.map((p) => p.line));
      valid = valid.filter((r) => !refused.has(r.line));
      const recordAt = new Map(records.filter((r) => refused.has(r.line)).map((r) => [r.line, r]));
      for (const p of found) problems.push(explained(p, recordAt.get(p.line), definition));
      // Stable: a line's own problems stay before those the database check found.
      problems.sort((a, b) => a.line - b.line);
    }
  }

  const report: ImportReport = { rows: records.length, valid: valid.length, imported: 0, problems };
  if (options.dryRun || (options.mode === 'all' && problems.length > 0) || valid.length === 0) return report;
  const imported = await withTenant(db, m, async (trx) => {
    await lockImports(trx, m);
    const run = { rows: records.length, problems: problems.length, mode: options.mode, context };
    const result = await definition.write(trx, actor, valid, run);
    await recordAudit(trx, actor, m, {
      action: definition.audit.action,
      entityType: definition.audit.entityType,
      details: { rows: records.length, imported: result.imported, ...result.details, mode: options.mode },
    });
    return result.imported;
  });
  return { ...report, imported };
}
