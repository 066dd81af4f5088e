import { hash } from 'node:crypto';
import { parseCpr } from '../../../shared/citizens/cpr';
import { today } from '../../../shared/dates';
import type { ImportProblem, ImportReport } from '../../../shared/import';
import { parseDate, parseNumber } from '../../../shared/parse';
import type { NoticeInput } from '../../../shared/prevention/api';
import { NOTICE_SOURCES, type NoticeSource } from '../../../shared/prevention/model';
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
import * as repo from './prevention.repository';
import { noticeProblems, type PreparedNotice, recordNotices } from './prevention.service';

const MAX_ROWS = 200_000;

const COLUMNS: Record<string, keyof NoticeInput> = {
  kilde: 'source',
  modtaget: 'receivedOn',
  cpr: 'tenantCpr',
  navn: 'tenantName',
  adresse: 'address',
  afdeling: 'departmentId',
  restance: 'arrearsAmount',
  maaneder: 'arrearsMonths',
  måneder: 'arrearsMonths',
  paakrav: 'paakravOn',
  påkrav: 'paakravOn',
  ophaevelse: 'terminationOn',
  ophævelse: 'terminationOn',
  fogedsag: 'bailiffFiledOn',
  udsaettelse: 'evictionDate',
  udsættelse: 'evictionDate',
  boern: 'childrenUnder18',
  børn: 'childrenUnder18',
};

const SOURCE_WORDS: Record<string, NoticeSource> = {
  udlejer_almen: 'public_landlord',
  almen: 'public_landlord',
  udlejer_privat: 'private_landlord',
  privat: 'private_landlord',
  fogedret: 'bailiff_court',
  fogedretten: 'bailiff_court',
};

/** What checking a row needs: the municipality's departments by number (null if ambiguous), and today. */
interface NoticeContext {
  departmentByNumber: Map<string, string | null>;
  onDate: string;
}

/** One line of a notice list to a prepared notice, or its problems. */
export function parseNoticeRow(
  { line, cells, fields: rec }: ImportRecord<keyof NoticeInput>,
  { departmentByNumber, onDate }: NoticeContext,
): RowResult<PreparedNotice> {
  const rowProblems: ImportProblem[] = [];
  const problem = (field: string, code: string) => rowProblems.push({ line, field, code });
  const sourceText = (rec.source ?? '').toLowerCase();
  const source = (NOTICE_SOURCES as readonly string[]).includes(sourceText)
    ? (sourceText as NoticeSource)
    : SOURCE_WORDS[sourceText];
  if (!sourceText) problem('source', 'required');
  else if (!source) problem('source', 'invalid_enum');
  const date = (field: keyof NoticeInput, required: boolean) => {
    const v = rec[field] ?? '';
    if (!v) {
      if (required) problem(field, 'required');
      return null;
    }
    const d = parseDate(v);
    if (!d) problem(field, 'date');
    return d ?? null;
  };
  const receivedOn = date('receivedOn', true);
  const name = rec.tenantName ?? '';
  if (!name) problem('tenantName', 'required');
  const address = rec.address ?? '';
  if (!address) problem('address', 'required');
  let cpr: string | null = null;
  if (rec.tenantCpr) {
    const parsed = parseCpr(rec.tenantCpr);
    if (parsed.ok) cpr = parsed.cpr;
  }
  let departmentId: string | null = null;
  if (rec.departmentId) {
    departmentId = departmentByNumber.get(rec.departmentId) ?? null;
    if (!departmentId) problem('departmentId', 'unknown_department');
  }
  const amount = rec.arrearsAmount ? parseNumber(rec.arrearsAmount, { grouped: true }) : undefined;
  if (!rec.arrearsAmount) problem('arrearsAmount', 'required');
  else if (amount === undefined) problem('arrearsAmount', 'invalid');
  else if (amount < 0) problem('arrearsAmount', 'too_small');
  const monthsText = rec.arrearsMonths ?? '';
  const months = monthsText ? (/^\d+$/.test(monthsText) ? Number(monthsText) : undefined) : 0;
  if (months === undefined) problem('arrearsMonths', 'invalid');
  const childrenText = (rec.childrenUnder18 ?? '').toLowerCase();
  if (childrenText && !['ja', 'nej', 'yes', 'no'].includes(childrenText))
    problem('childrenUnder18', 'invalid_enum');
  const input: NoticeInput = {
    source: source ?? 'public_landlord',
    receivedOn: receivedOn ?? onDate,
    tenantCpr: rec.tenantCpr || null,
    tenantName: name,
    address,
    departmentId,
    arrearsAmount: amount ?? 0,
    arrearsMonths: months ?? 0,
    paakravOn: date('paakravOn', false),
    terminationOn: date('terminationOn', false),
    bailiffFiledOn: date('bailiffFiledOn', false),
    evictionDate: date('evictionDate', false),
    childrenUnder18: ['ja', 'yes'].includes(childrenText),
  };
  for (const p of noticeProblems(input, onDate)) problem(p.path, p.code);
  if (rowProblems.length) return { problems: rowProblems };
  return {
    problems: rowProblems,
    value: {
      input,
      cpr,
      importKey: hash('sha256', cells.map((c) => (c ?? '').trim()).join('\u001f'), 'base64url'),
    },
  };
}

const noticeImport: ImportDefinition<keyof NoticeInput, PreparedNotice, NoticeContext> = {
  allowed: { source: Object.keys(SOURCE_WORDS), childrenUnder18: ['ja', 'nej'] },
  formats: {
    receivedOn: 'date',
    tenantCpr: 'cpr',
    arrearsAmount: 'amount',
    arrearsMonths: 'whole_number',
    paakravOn: 'date',
    terminationOn: 'date',
    bailiffFiledOn: 'date',
    evictionDate: 'date',
  },
  columns: COLUMNS,
  maxRows: MAX_ROWS,
  audit: { action: 'prevention.notice_import', entityType: 'eviction_notice' },
  async prepare(trx, actor) {
    const departmentByNumber = new Map<string, string | null>();
    for (const d of await repo.departments(trx, actor.municipalityId))
      departmentByNumber.set(d.number, departmentByNumber.has(d.number) ? null : d.id);
    return { departmentByNumber, onDate: today() };
  },
  parse: parseNoticeRow,
  async write(trx, actor, rows) {
    // Lines imported before (or twice in this file) are skipped: no duplicates, no empty cases. The
    // pipeline's import lock makes a second import of the same file wait for this one and then find
    // its lines.
    const before = await repo.importedKeys(
      trx,
      actor.municipalityId,
      rows.map((r) => r.value.importKey as string),
    );
    const fresh: PreparedNotice[] = [];
    for (const { value } of rows) {
      const key = value.importKey as string;
      if (before.has(key)) continue;
      before.add(key);
      fresh.push(value);
    }
    if (fresh.length === 0) return { imported: 0, details: { citizensCreated: 0, likelyDuplicates: 0 } };
    const r = await recordNotices(trx, actor, fresh, 'import');
    return {
      imported: r.inserted.length,
      details: { citizensCreated: r.created.size, likelyDuplicates: r.duplicates.length },
    };
  },
};

/**
 * A list of notices (from a housing organisation or the bailiff's court) in CSV or XLSX. Checked
 * row by row first; in mode `all` one bad row means nothing of the file is imported. Each line has
 * an import key (a hash of its content), so importing the same file twice creates no duplicates.
 */
export function importNotices(
  db: Db,
  actor: Actor,
  file: ImportFile,
  options: ImportOptions,
): Promise<ImportReport> {
  return runImport(db, actor, noticeImport, file, options);
}
