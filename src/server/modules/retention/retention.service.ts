import { today } from '../../../shared/dates';
import type {
  DryRunView,
  ProcessingRegister,
  RetentionPolicy,
  RetentionRunView,
  TableCount,
} from '../../../shared/retention/api';
import { retentionCutoff } from '../../../shared/retention/model';
import { type DatabaseHandles, type Executor, withTenant } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit, logPersonalDataRead } from '../../platform/audit';
import type { DeclaredPersonalData } from '../../platform/module';
import type { PersonalDataTable } from '../../platform/personal-data';
import { dryRunConfirmable, erasureOrder, policyYears } from './retention.policy';
import * as repo from './retention.repository';

interface Declared extends PersonalDataTable {
  module: string;
}

function declaredTables(declarations: readonly DeclaredPersonalData[]): Declared[] {
  return declarations.flatMap((d) => d.declaration.tables.map((t) => ({ ...t, module: d.module })));
}

const byName = (tables: readonly PersonalDataTable[]): repo.TablesByName =>
  new Map(tables.map((t) => [t.table, t]));

function present(
  row: NonNullable<Awaited<ReturnType<typeof repo.runRow>>> & { username?: string | null },
): RetentionRunView {
  return {
    id: row.id,
    kind: row.kind,
    ranAt: row.ran_at.toISOString(),
    ranBy: row.username ?? null,
    years: row.years,
    cutoff: row.cutoff,
    citizens: row.citizens,
    failed: row.failed,
    auditPseudonymised: row.audit_pseudonymised,
    auditKeptClear: row.audit_kept_clear,
    tables: row.tables,
    used: row.kind === 'dry_run' && !dryRunConfirmable(row, new Date()),
  };
}

/** The municipality's retention policy (5 years when none is set). */
export async function getPolicy(trx: Executor, actor: Actor): Promise<RetentionPolicy> {
  const row = await repo.policyRow(trx, actor.municipalityId);
  return { years: policyYears(row), updatedAt: row?.updated_at.toISOString() ?? null };
}

/** Sets the years after a citizen's last activity (1–30, checked by the schema), audited. */
export async function savePolicy(trx: Executor, actor: Actor, years: number): Promise<RetentionPolicy> {
  const before = await repo.policyRow(trx, actor.municipalityId);
  const row = await repo.savePolicyRow(trx, actor.municipalityId, years, actor.userId);
  await audit(trx, actor, 'retention_policy.update', 'retention_policy', actor.municipalityId, {
    from: policyYears(before),
    to: years,
  });
  return { years: row.years, updatedAt: row.updated_at.toISOString() };
}

async function countTables(trx: Executor, m: string, tables: readonly Declared[], ids: readonly string[]) {
  const names = byName(tables);
  const counts: TableCount[] = [];
  for (const t of tables) {
    counts.push({
      module: t.module,
      table: t.table,
      rows: await repo.countRowsAbout(trx, m, names, t, ids),
      erase: t.erase === 'delete' ? 'delete' : 'anonymise',
    });
  }
  return counts;
}

function nameOf(c: { given_name: string | null; family_name: string | null; initials: string | null }) {
  return [c.given_name, c.family_name].filter(Boolean).join(' ') || c.initials || '–';
}

/**
 * A dry run (GDPR art. 5(1)(e)): who is due today under the policy and how many rows of each
 * declared table would go, nothing changed. The run is logged with its citizens (for the deletion
 * that confirms it) and audited; the list the administrator reviews is a logged read.
 */
export async function dryRun(
  trx: Executor,
  actor: Actor,
  declarations: readonly DeclaredPersonalData[],
): Promise<DryRunView> {
  const m = actor.municipalityId;
  const tables = declaredTables(declarations);
  const years = policyYears(await repo.policyRow(trx, m));
  const day = today();
  const cutoff = retentionCutoff(day, years);
  const due = await repo.dueCitizens(trx, m, byName(tables), day, cutoff);
  const groups: string[] = [];
  for (const c of due) groups.push(...(await repo.citizenGroup(trx, m, c.id)));
  const counts = await countTables(trx, m, tables, groups);
  const run = await repo.insertRun(trx, {
    municipalityId: m,
    kind: 'dry_run',
    ranBy: actor.userId,
    years,
    cutoff,
    citizens: due.length,
    tables: counts,
    candidates: due.map((c) => c.id),
  });
  await audit(trx, actor, 'retention_run.dry_run', 'retention_run', run.id, {
    years,
    cutoff,
    citizens: due.length,
  });
  for (const c of due) {
    await logPersonalDataRead(trx, actor, {
      entityType: 'citizen',
      entityId: c.id,
      purpose: 'retention_review',
    });
  }
  return {
    ...present({ ...run, username: actor.username }),
    due: due.map((c) => ({
      id: c.id,
      name: nameOf(c),
      birthYear: Number(c.birth_date.slice(0, 4)),
      lastActivityOn: c.last_activity_on,
    })),
  };
}

/** The runs of the municipality, newest first. */
export async function listRuns(trx: Executor, actor: Actor): Promise<RetentionRunView[]> {
  return (await repo.runRows(trx, actor.municipalityId)).map(present);
}

/**
 * The deletion the administrator confirmed after a dry run (GDPR art. 5(1)(e), 17): the dry run's
 * citizens who are still due are erased from every declared table, one transaction per citizen
 * (with the citizens merged into them), in an order that breaks no reference; their audit rows get
 * pseudonyms; anonymised tables keep their rows for the figures. `citizens` is the number the
 * administrator confirmed: when the dry run found another number, nothing happens.
 *
 * The erasure runs on the owner's handle (the app role may not delete history; ADR 0021), bound to
 * the actor's municipality by every statement's filter.
 */
export async function deletionRun(
  db: DatabaseHandles,
  actor: Actor,
  declarations: readonly DeclaredPersonalData[],
  input: { dryRunId: string; citizens: number },
): Promise<RetentionRunView> {
  const m = actor.municipalityId;
  const tables = declaredTables(declarations);
  const names = byName(tables);
  const start = await withTenant(db.app, m, async (trx) => {
    const dry = await repo.runRow(trx, m, input.dryRunId);
    if (dry?.kind !== 'dry_run') throw new AppError('RETENTION_DRY_RUN_NOT_FOUND');
    if (!dryRunConfirmable(dry, new Date()) || !dry.candidates) throw new AppError('RETENTION_DRY_RUN_USED');
    if (dry.candidates.length !== input.citizens) throw new AppError('RETENTION_COUNT_CHANGED');
    const years = policyYears(await repo.policyRow(trx, m));
    const day = today();
    const cutoff = retentionCutoff(day, years);
    // Still due today under today's policy: a citizen with new activity since the dry run stays.
    const dueNow = new Set((await repo.dueCitizens(trx, m, names, day, cutoff)).map((c) => c.id));
    const chosen = dry.candidates.filter((c) => dueNow.has(c));
    const run = await repo.insertRun(trx, {
      municipalityId: m,
      kind: 'deletion',
      ranBy: actor.userId,
      years,
      cutoff,
      citizens: 0,
      tables: [],
      candidates: null,
    });
    if (!(await repo.confirmDryRun(trx, m, dry.id, run.id))) throw new AppError('RETENTION_DRY_RUN_USED');
    await audit(trx, actor, 'retention_run.start', 'retention_run', run.id, {
      dryRun: dry.id,
      years,
      cutoff,
      citizens: chosen.length,
    });
    const order = erasureOrder(tables, await repo.foreignKeysAmong(trx, [...names.keys()]));
    return { run, chosen, order };
  });

  const totals = new Map<string, number>(tables.map((t) => [t.table, 0]));
  let erased = 0;
  let failed = 0;
  let pseudonymised = 0;
  let keptClear = 0;
  for (const citizenId of start.chosen) {
    try {
      const result = await withTenant(db.owner, m, async (trx) => {
        const group = await repo.citizenGroup(trx, m, citizenId);
        const rows = new Map<string, number>();
        for (const t of start.order) rows.set(t.table, await repo.eraseRowsAbout(trx, m, names, t, group));
        const auditRows = await repo.pseudonymiseAuditSubjects(trx, m, group);
        await audit(trx, actor, 'citizen.erase', 'retention_run', start.run.id, {
          rows: [...rows.values()].reduce((a, b) => a + b, 0),
          auditPseudonymised: auditRows.pseudonymised,
        });
        return { rows, auditRows };
      });
      for (const [table, n] of result.rows) totals.set(table, (totals.get(table) ?? 0) + n);
      pseudonymised += result.auditRows.pseudonymised;
      keptClear += result.auditRows.keptClear;
      erased += 1;
    } catch {
      // That citizen's transaction rolled back (e.g. a row another municipality references); counted.
      failed += 1;
    }
  }

  const counts: TableCount[] = tables.map((t) => ({
    module: t.module,
    table: t.table,
    rows: totals.get(t.table) ?? 0,
    erase: t.erase === 'delete' ? 'delete' : 'anonymise',
  }));
  return withTenant(db.app, m, async (trx) => {
    await repo.finishRun(trx, m, start.run.id, {
      citizens: erased,
      failed,
      auditPseudonymised: pseudonymised,
      auditKeptClear: keptClear,
      tables: counts,
    });
    await audit(trx, actor, 'retention_run.finish', 'retention_run', start.run.id, {
      citizens: erased,
      failed,
      auditPseudonymised: pseudonymised,
      auditKeptClear: keptClear,
    });
    const row = await repo.runRow(trx, m, start.run.id);
    if (!row) throw new AppError('RETENTION_DRY_RUN_NOT_FOUND');
    return present({ ...row, username: actor.username });
  });
}

/**
 * The register of processing activities (GDPR art. 30(1)), generated from the modules'
 * declarations: one activity per declaring module.
 */
export async function processingRegister(
  trx: Executor,
  actor: Actor,
  declarations: readonly DeclaredPersonalData[],
): Promise<ProcessingRegister> {
  const years = policyYears(await repo.policyRow(trx, actor.municipalityId));
  return {
    retentionYears: years,
    activities: declarations.map(({ module, declaration: d }) => ({
      module,
      subjects: [...d.subjects],
      categories: [...d.categories],
      legalBases: [...d.legalBases],
      recipients: [...d.recipients],
      retention: d.retention ?? 'policy',
      tables: d.tables.map((t) => t.table),
    })),
  };
}

/** Tables the schema holds that could hold a citizen's data: with `citizen_id`, or referencing a declared table. */
export async function tablesNeedingDeclaration(db: Executor, declarations: readonly DeclaredPersonalData[]) {
  return repo.tablesHoldingCitizens(
    db,
    declaredTables(declarations).map((t) => t.table),
  );
}
