import type { Migration } from 'kysely/migration';
import { type Db, runMigrations } from './db/database';
import { migrations as platformMigrations } from './db/migrations/index';
import { serverModules } from './modules';

/**
 * Every migration: the platform's (db/migrations, frozen) and each module's own, keyed by name.
 * Names start with a date and a number, so name order is the order they were written in.
 */
export function allMigrations(): Record<string, Migration> {
  const all: Record<string, Migration> = { ...platformMigrations };
  for (const module of serverModules) {
    for (const [name, migration] of Object.entries(module.migrations ?? {})) {
      if (name in all) throw new Error(`Migration ${name} is defined twice (module ${module.name})`);
      all[name] = migration;
    }
  }
  return all;
}

/** Runs every pending migration as the owner; throws with the failing migration's name. */
export function migrate(owner: Db): Promise<string[]> {
  return runMigrations(owner, allMigrations());
}
