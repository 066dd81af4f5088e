import { hash } from 'node:crypto';
import { parseCpr } from '../../../shared/citizens/cpr';
import { today } from '../../../shared/dates';
import type { ImportProblem, ImportReport } from '../../../shared/import';
import type { NoticeInput } from '../../../shared/prevention/api';
import { NOTICE_SOURCES, type NoticeSource } from '../../../shared/prevention/model';
import { type Db, withTenant } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { parseDate } from '../allocation/allocation.import';
import { decimal, readTable } from '../housing/housing.files';
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

/**
 * A list of notices (from a housing organisation or the bailiff's court) in CSV or XLSX. Checked
 * row by row first; in mode `all` one bad row means nothing of the file is imported. Each line has
 * an import key (a hash of its content), so importing the same file twice creates no duplicates.
 */
export async function importNotices(
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
  const fieldAt: (keyof NoticeInput | undefined)[] = [];
  const seen = new Set<string>();
  header.forEach((h, col) => {
    if (h === '') return;
    const field = COLUMNS[h];
    if (!field) problems.push({ line: 1, field: h, code: 'unknown_column' });
    else if (seen.has(field)) problems.push({ line: 1, field: h, code: 'duplicate_column' });
    else {
      seen.add(field);
      fieldAt[col] = field;
    }
  });
  const lines = table.filter((r) => r.line !== 1 && !r.cells.every((c) => (c ?? '').trim() === ''));
  if (lines.length === 0) problems.push({ line: 0, field: 'file', code: 'no_rows' });
  if (lines.length > MAX_ROWS) problems.push({ line: 0, field: 'file', code: 'too_many_rows' });
  if (problems.length) return { rows: lines.length, valid: 0, imported: 0, problems };

  const departments = await withTenant(db, actor.municipalityId, (trx) =>
    repo.departments(trx, actor.municipalityId),
  );
  const departmentByNumber = new Map<string, string | null>();
  for (const d of departments)
    departmentByNumber.set(d.number, departmentByNumber.has(d.number) ? null : d.id);
  const onDate = today();
  const valid: PreparedNotice[] = [];
  for (const { line, cells } of lines) {
    const rec: Partial<Record<keyof NoticeInput, string>> = {};
    fieldAt.forEach((f, col) => {
      if (f) rec[f] = (cells[col] ?? '').trim();
    });
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
    const amountText = (rec.arrearsAmount ?? '').replace(/\.(?=\d{3}(\D|$))/g, '');
    const amount = amountText ? decimal(amountText) : undefined;
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
    problems.push(...rowProblems);
    if (rowProblems.length === 0)
      valid.push({
        input,
        cpr,
        importKey: hash('sha256', cells.map((c) => (c ?? '').trim()).join('\u001f'), 'base64url'),
      });
  }
  const report = { rows: lines.length, valid: valid.length, imported: 0, problems };
  if (options.dryRun || (options.mode === 'all' && problems.length > 0) || valid.length === 0) return report;
  const imported = await withTenant(db, actor.municipalityId, async (trx) => {
    // Lines imported before (or twice in this file) are skipped: no duplicates, no empty cases. The
    // lock makes a second import of the same file wait for this one and then find its lines.
    await repo.lockImports(trx, actor.municipalityId);
    const before = await repo.importedKeys(
      trx,
      actor.municipalityId,
      valid.map((v) => v.importKey as string),
    );
    const fresh = valid.filter((v) => {
      const key = v.importKey as string;
      if (before.has(key)) return false;
      before.add(key);
      return true;
    });
    if (fresh.length === 0) return 0;
    const r = await recordNotices(trx, actor, fresh, 'import');
    await recordAudit(trx, actor, actor.municipalityId, {
      action: 'prevention.notice_import',
      entityType: 'eviction_notice',
      details: {
        rows: lines.length,
        imported: r.inserted.length,
        citizensCreated: r.created.size,
        likelyDuplicates: r.duplicates.length,
        mode: options.mode,
      },
    });
    return r.inserted.length;
  });
  return { ...report, imported };
}
