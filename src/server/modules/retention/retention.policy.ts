import { RETENTION_YEARS_DEFAULT } from '../../../shared/retention/model';
import type { PersonalDataTable } from '../../platform/personal-data';

/** A dry run may be confirmed for this long after it ran (ms): the administrator reviews, then confirms. */
export const DRY_RUN_VALID_MS = 24 * 60 * 60 * 1000;

/** The policy's years, or the default (5) when the municipality has set none. */
export function policyYears(row: { years: number } | undefined): number {
  return row?.years ?? RETENTION_YEARS_DEFAULT;
}

/** Whether a dry run may still be confirmed: not confirmed before, and recent. */
export function dryRunConfirmable(
  run: { kind: string; confirmed_by: string | null; ran_at: Date },
  now: Date,
): boolean {
  return (
    run.kind === 'dry_run' &&
    run.confirmed_by === null &&
    now.getTime() - run.ran_at.getTime() <= DRY_RUN_VALID_MS
  );
}

/**
 * The order in which a citizen's rows are erased: every table before the tables it references by a
 * foreign key or `via` (a contact before its enrollment, a tenancy before its offer, everything
 * before the citizen), so no delete breaks a reference. Ties keep the declaration order.
 */
export function erasureOrder(
  tables: readonly PersonalDataTable[],
  foreignKeys: readonly { child: string; parent: string }[],
): PersonalDataTable[] {
  const names = new Set(tables.map((t) => t.table));
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.table, new Set<string>()]));
  const add = (child: string, parent: string) => {
    if (child !== parent && names.has(child) && names.has(parent)) parents.get(child)?.add(parent);
  };
  for (const k of foreignKeys) add(k.child, k.parent);
  for (const t of tables) {
    if (typeof t.citizen === 'object' && 'via' in t.citizen) add(t.table, t.citizen.via);
    else if (t.table !== 'citizen') add(t.table, 'citizen');
  }
  // A table can go once no remaining table references it.
  const remaining = [...tables];
  const order: PersonalDataTable[] = [];
  while (remaining.length > 0) {
    const i = remaining.findIndex((t) => !remaining.some((o) => parents.get(o.table)?.has(t.table)));
    if (i < 0) throw new Error(`Circular references among ${remaining.map((t) => t.table).join(', ')}`);
    order.push(...remaining.splice(i, 1));
  }
  return order;
}
