import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import { SITUATIONS, type Situation } from '../../../shared/citizens/whereabouts';
import type { ImportProblem, ImportReport } from '../../../shared/import';
import { type Db, withTenant } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { readUpload } from '../../plugins/upload';
import * as repo from './citizens.repository';
import { episodeFieldProblems, type FieldProblem, resolveIdentity } from './citizens.rules';
import { type CitizenInput, citizenInput } from './citizens.schema';
import { createCitizen } from './citizens.service';

/** Rows one file may hold. */
export const MAX_IMPORT_ROWS = 10_000;

/** The columns a list may have (Danish headers as municipalities write them), and the field each fills. */
const COLUMNS: Record<string, string> = {
  cpr: 'cpr',
  'cpr-nummer': 'cpr',
  fødselsdato: 'birthDate',
  køn: 'sex',
  initialer: 'initials',
  fornavn: 'givenName',
  efternavn: 'familyName',
  telefon: 'phone',
  email: 'email',
  'e-mail': 'email',
  adresse: 'address',
  handlekommune: 'handlekommune',
  opholdssted: 'situation',
  fra_dato: 'fromDate',
  løsladelsesdato: 'releaseDate',
  boligløsning: 'housingSolution',
  kontrakt: 'hasContract',
  pga_hjemløshed: 'becauseOfHomelessness',
};

const SITUATION_WORDS: Record<string, Situation> = {
  gadesovende: 'street',
  natvarmestue: 'night_shelter',
  herberg: 'shelter',
  forsorgshjem: 'shelter',
  hotel: 'hotel',
  vandrehjem: 'hotel',
  'familie/venner': 'family_friends',
  sofasurfer: 'family_friends',
  udslusningsbolig: 'transitional',
  fængsel: 'prison',
  hospital: 'hospital',
  andet: 'other',
  'egen bolig': 'housed',
  'i risiko': 'at_risk',
  institution: 'institution',
  ukendt: 'unknown',
};

export type { ImportProblem, ImportReport };

type Cells = Record<string, string>;

/** Reads the uploaded file into header-keyed rows; line numbers are the file's (header = line 1). */
export async function readRows(
  filename: string,
  data: Buffer,
): Promise<{ rows: Cells[]; problems: ImportProblem[] }> {
  const lower = filename.toLowerCase();
  let table: string[][];
  if (lower.endsWith('.xlsx')) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      return { rows: [], problems: [{ line: 0, field: 'file', code: 'file_type' }] };
    }
    const sheet = workbook.worksheets[0];
    table = [];
    sheet?.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const v = cell.value;
        values[col - 1] =
          v instanceof Date
            ? v.toISOString().slice(0, 10)
            : v === null || v === undefined
              ? ''
              : typeof v === 'object' && 'text' in v
                ? String(v.text)
                : String(v);
      });
      table[rowNumber - 1] = values;
    });
    table = Array.from(table, (r) => r ?? []);
  } else if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    const text = data.toString('utf8').replace(/^\uFEFF/, '');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    try {
      table = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch {
      return { rows: [], problems: [{ line: 0, field: 'file', code: 'file_type' }] };
    }
  } else {
    return { rows: [], problems: [{ line: 0, field: 'file', code: 'file_type' }] };
  }
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const problems: ImportProblem[] = header
    .filter((h) => h !== '' && !(h in COLUMNS))
    .map((h) => ({ line: 1, field: h, code: 'unknown_column' }));
  const rows: Cells[] = [];
  for (let i = 1; i < table.length; i++) {
    const raw = table[i] ?? [];
    if (raw.every((v) => (v ?? '').trim() === '')) continue;
    const cells: Cells = { __line: String(i + 1) };
    header.forEach((h, col) => {
      const field = COLUMNS[h];
      if (field) cells[field] = (raw[col] ?? '').trim();
    });
    rows.push(cells);
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 0, field: 'file', code: 'no_rows' });
  if (rows.length > MAX_IMPORT_ROWS) problems.push({ line: 0, field: 'file', code: 'too_many_rows' });
  return { rows, problems };
}

/** dd.mm.åååå or åååå-mm-dd → åååå-mm-dd; undefined when it is no date. */
function isoDate(value: string): string | undefined {
  const dk = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/.exec(value);
  const iso = dk ? `${dk[3]}-${dk[2]?.padStart(2, '0')}-${dk[1]?.padStart(2, '0')}` : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

const yes = (v: string) =>
  v === ''
    ? undefined
    : ['ja', 'j', 'yes', 'true', '1', 'x'].includes(v.toLowerCase())
      ? true
      : ['nej', 'n', 'no', 'false', '0'].includes(v.toLowerCase())
        ? false
        : null;

/** One row to a citizen input, or the row's problems. */
export function rowToInput(cells: Cells): { input?: CitizenInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const date = (field: string) => {
    const v = cells[field] ?? '';
    if (!v) return undefined;
    const d = isoDate(v);
    if (!d) problems.push({ path: field, code: 'date' });
    return d;
  };
  const bool = (field: string) => {
    const v = yes(cells[field] ?? '');
    if (v === null) problems.push({ path: field, code: 'invalid' });
    return v ?? undefined;
  };
  const sexText = (cells.sex ?? '').toLowerCase();
  const sex =
    sexText === ''
      ? undefined
      : ['m', 'mand', 'male'].includes(sexText)
        ? 'male'
        : ['k', 'kvinde', 'female', 'f'].includes(sexText)
          ? 'female'
          : null;
  if (sex === null) problems.push({ path: 'sex', code: 'invalid_enum' });
  const situationText = (cells.situation ?? '').toLowerCase();
  const situation =
    situationText === ''
      ? undefined
      : (SITUATIONS as readonly string[]).includes(situationText)
        ? (situationText as Situation)
        : SITUATION_WORDS[situationText];
  if (situationText && !situation) problems.push({ path: 'situation', code: 'invalid_enum' });
  const fromDate = date('fromDate');
  if (situation && !fromDate && !problems.some((p) => p.path === 'fromDate'))
    problems.push({ path: 'fromDate', code: 'required' });
  const candidate = {
    cpr: cells.cpr || undefined,
    birthDate: date('birthDate'),
    sex: sex ?? undefined,
    initials: cells.initials || undefined,
    givenName: cells.givenName || undefined,
    familyName: cells.familyName || undefined,
    phone: cells.phone || undefined,
    email: cells.email || undefined,
    address: cells.address || undefined,
    handlekommune: cells.handlekommune || undefined,
    firstEpisode:
      situation && fromDate
        ? {
            situation,
            fromDate,
            releaseDate: date('releaseDate'),
            housingSolution: bool('housingSolution'),
            hasContract: bool('hasContract'),
            temporary: situation === 'family_friends' ? true : undefined,
            becauseOfHomelessness: bool('becauseOfHomelessness'),
          }
        : undefined,
  };
  const parsed = citizenInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({
        path: String(issue.path.at(-1) ?? ''),
        code: issue.code === 'invalid_format' ? 'invalid' : 'invalid',
      });
  }
  if (problems.length || !parsed.success) return { problems };
  const identity = resolveIdentity(parsed.data);
  if (!identity.ok) problems.push(...identity.problems);
  if (parsed.data.firstEpisode) problems.push(...episodeFieldProblems(parsed.data.firstEpisode));
  return problems.length ? { problems } : { input: parsed.data, problems };
}

/**
 * Validates a whole file and, unless it is a dry run, imports it in one transaction: all rows, or
 * (mode `valid_only`) the valid ones. With mode `all` a single bad row imports nothing.
 */
export async function validateAndImport(
  db: Db,
  actor: Actor,
  file: { filename: string; data: Buffer },
  options: { mode: 'all' | 'valid_only'; dryRun: boolean },
): Promise<ImportReport> {
  const { rows, problems } = await readRows(file.filename, file.data);
  if (problems.some((p) => p.line <= 1)) return { rows: rows.length, valid: 0, imported: 0, problems };
  const valid: { line: number; input: CitizenInput }[] = [];
  const seenCpr = new Map<string, number>();
  await withTenant(db, actor.municipalityId, async (trx) => {
    for (const cells of rows) {
      const line = Number(cells.__line);
      const result = rowToInput(cells);
      const rowProblems = result.problems.map((p) => ({ line, field: p.path, code: p.code }));
      if (result.input?.cpr) {
        const cpr = result.input.cpr.replace('-', '');
        if (seenCpr.has(cpr)) rowProblems.push({ line, field: 'cpr', code: 'duplicate_cpr' });
        else if (await repo.findByCpr(trx, actor.municipalityId, cpr))
          rowProblems.push({ line, field: 'cpr', code: 'cpr_exists' });
        seenCpr.set(cpr, line);
      }
      if (rowProblems.length) problems.push(...rowProblems);
      else if (result.input) valid.push({ line, input: result.input });
    }
  });
  const report: ImportReport = { rows: rows.length, valid: valid.length, imported: 0, problems };
  if (options.dryRun || (options.mode === 'all' && problems.length > 0) || valid.length === 0) return report;
  await withTenant(db, actor.municipalityId, async (trx) => {
    for (const row of valid) await createCitizen(trx, actor, row.input);
    await recordAudit(trx, actor, actor.municipalityId, {
      action: 'citizen.import',
      entityType: 'citizen',
      details: { rows: rows.length, imported: valid.length, rejected: problems.length, mode: options.mode },
    });
  });
  return { ...report, imported: valid.length };
}

/** The multipart route's work: reads file, mode and dryRun, then validates and imports. */
export async function importCitizens(db: Db, actor: Actor, request: FastifyRequest): Promise<ImportReport> {
  const { file, mode, dryRun } = await readUpload(request);
  return validateAndImport(db, actor, file, { mode, dryRun });
}
