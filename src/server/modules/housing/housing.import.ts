import type { ImportReport } from '../../../shared/import';
import { type Db, withTenant } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { parseDepartmentRow, readDepartmentFile } from './housing.files';
import * as repo from './housing.repository';
import { createDepartment, saveOrganisation } from './housing.service';

export type DepartmentImportReport = ImportReport;

/**
 * Validates a department list and, unless it is a dry run, imports it in one transaction: all rows,
 * or (mode `valid_only`) the valid ones. Unknown organisations are created on the way.
 */
export async function importDepartments(
  db: Db,
  actor: Actor,
  file: { filename: string; data: Buffer },
  options: { mode: 'all' | 'valid_only'; dryRun: boolean },
): Promise<DepartmentImportReport> {
  const { rows, problems } = await readDepartmentFile(file.filename, file.data);
  if (problems.some((p) => p.line <= 1)) return { rows: rows.length, valid: 0, imported: 0, problems };
  const valid: NonNullable<ReturnType<typeof parseDepartmentRow>['value']>[] = [];
  const seen = new Set<string>();
  await withTenant(db, actor.municipalityId, async (trx) => {
    for (const row of rows) {
      const parsed = parseDepartmentRow(row);
      const rowProblems = [...parsed.problems];
      if (parsed.value) {
        const key = `${parsed.value.organisation.toLowerCase()}|${parsed.value.number}`;
        const org = await repo.findOrganisationByName(trx, actor.municipalityId, parsed.value.organisation);
        const exists =
          org &&
          (await trx
            .selectFrom('housing_department')
            .select('id')
            .where('organisation_id', '=', org.id)
            .where('number', '=', parsed.value.number)
            .executeTakeFirst());
        if (seen.has(key) || exists)
          rowProblems.push({ line: row.line, field: 'number', code: 'number_taken' });
        seen.add(key);
      }
      if (rowProblems.length) problems.push(...rowProblems);
      else if (parsed.value) valid.push(parsed.value);
    }
  });
  const report = { rows: rows.length, valid: valid.length, imported: 0, problems };
  if (options.dryRun || (options.mode === 'all' && problems.length > 0) || valid.length === 0) return report;
  await withTenant(db, actor.municipalityId, async (trx) => {
    for (const d of valid) {
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
    await recordAudit(trx, actor, actor.municipalityId, {
      action: 'housing.import',
      entityType: 'housing_department',
      details: { rows: rows.length, imported: valid.length, rejected: problems.length, mode: options.mode },
    });
  });
  return { ...report, imported: valid.length };
}
