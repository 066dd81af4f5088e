import { hash } from 'node:crypto';
import { parseCpr } from '../../../shared/citizens/cpr';
import { today } from '../../../shared/dates';
import type { ImportProblem, ImportReport } from '../../../shared/import';
import { parseDate } from '../../../shared/parse';
import type { SanctionKind } from '../../../shared/plans/model';
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
import { citizensByCpr } from '../citizens';
import * as repo from './plans.repository';

/** The fields of a benefits office's list of sanctions and stops. */
type SanctionField = 'cpr' | 'kind' | 'effectiveOn' | 'note';

const COLUMNS: Record<string, SanctionField> = {
  cpr: 'cpr',
  cprnummer: 'cpr',
  type: 'kind',
  art: 'kind',
  dato: 'effectiveOn',
  virkningsdato: 'effectiveOn',
  bemaerkning: 'note',
  bemærkning: 'note',
};

const KIND_WORDS: Record<string, SanctionKind> = {
  sanktion: 'sanction',
  sanction: 'sanction',
  ophoer: 'stop',
  ophør: 'stop',
  stop: 'stop',
};

export interface PreparedSanction {
  cpr: string;
  kind: SanctionKind;
  effectiveOn: string;
  note: string | null;
  importKey: string;
}

const MAX_NOTE = 1000;

/** One line of a sanctions list to a prepared sanction, or its problems (by line and field). */
export function parseSanctionRow({
  line,
  cells,
  fields: rec,
}: ImportRecord<SanctionField>): RowResult<PreparedSanction> {
  const problems: ImportProblem[] = [];
  const problem = (field: SanctionField, code: string) => problems.push({ line, field, code });
  let cpr = '';
  if (!rec.cpr) problem('cpr', 'required');
  else {
    const parsed = parseCpr(rec.cpr);
    if (parsed.ok) cpr = parsed.cpr;
    else problem('cpr', parsed.problem === 'format' ? 'cpr_format' : 'cpr_date');
  }
  const kindText = (rec.kind ?? '').toLowerCase();
  const kind = KIND_WORDS[kindText];
  if (!kindText) problem('kind', 'required');
  else if (!kind) problem('kind', 'invalid_enum');
  let effectiveOn = '';
  if (!rec.effectiveOn) problem('effectiveOn', 'required');
  else {
    const d = parseDate(rec.effectiveOn);
    if (d) effectiveOn = d;
    else problem('effectiveOn', 'date');
  }
  const note = rec.note ? rec.note : null;
  if (note && note.length > MAX_NOTE) problem('note', 'too_long');
  if (problems.length || !kind) return { problems };
  return {
    problems,
    value: {
      cpr,
      kind,
      effectiveOn,
      note,
      importKey: hash('sha256', cells.map((c) => (c ?? '').trim()).join('\u001f'), 'base64url'),
    },
  };
}

const sanctionImport: ImportDefinition<SanctionField, PreparedSanction> = {
  columns: COLUMNS,
  maxRows: 50_000,
  allowed: { kind: ['sanktion', 'ophør'] },
  formats: { cpr: 'cpr', effectiveOn: 'date' },
  audit: { action: 'benefit_sanction.import', entityType: 'benefit_sanction' },
  parse: parseSanctionRow,
  // A sanction is matched to a registered citizen by CPR number; an unknown CPR is the line's problem.
  async check(trx, actor, rows) {
    const known = await citizensByCpr(trx, actor.municipalityId, [...new Set(rows.map((r) => r.value.cpr))]);
    return rows
      .filter((r) => !known.has(r.value.cpr))
      .map((r) => ({ line: r.line, field: 'cpr', code: 'unknown_cpr' }));
  },
  async write(trx, actor, rows) {
    const m = actor.municipalityId;
    const ids = await citizensByCpr(trx, m, [...new Set(rows.map((r) => r.value.cpr))]);
    // Lines imported before (or twice in this file) are skipped: the same list can be sent twice.
    const before = await repo.importedSanctionKeys(
      trx,
      m,
      rows.map((r) => r.value.importKey),
    );
    const onDate = today();
    const values = [];
    for (const { value } of rows) {
      const citizenId = ids.get(value.cpr);
      if (!citizenId || before.has(value.importKey)) continue;
      before.add(value.importKey);
      values.push({
        municipality_id: m,
        citizen_id: citizenId,
        kind: value.kind,
        effective_on: value.effectiveOn,
        note: value.note,
        source: 'import' as const,
        import_key: value.importKey,
        recorded_on: onDate,
        recorded_by: actor.userId,
        handled_on: null,
        handled_by: null,
        handled_note: null,
      });
    }
    const inserted = await repo.insertSanctions(trx, values);
    return { imported: inserted.length, details: { skipped: rows.length - inserted.length } };
  },
};

/**
 * A benefits office's list of sanctions and stops (CSV or XLSX): checked row by row (CPR, type, date)
 * and against the registry (an unknown CPR is named by line); in mode `all` one bad row means nothing
 * is saved. The same line is never imported twice.
 */
export function importSanctions(
  db: Db,
  actor: Actor,
  file: ImportFile,
  options: ImportOptions,
): Promise<ImportReport> {
  return runImport(db, actor, sanctionImport, file, options);
}
