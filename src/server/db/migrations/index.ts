import type { Migration } from 'kysely/migration';
import * as m0001 from './2026-11-21-0001-foundation';
import * as m0002 from './2026-11-21-0002-roles';
import * as m0003 from './2026-11-21-0003-citizens';
import * as m0004 from './2026-11-21-0004-housing';
import * as m0005 from './2026-11-21-0005-allocation';
import * as m0006 from './2026-11-21-0006-prevention';
import * as m0007 from './2026-12-01-0007-allocation-speed';
import * as m0008 from './2026-12-01-0008-prevention-speed';
import * as m0009 from './2026-12-01-0009-national-scale';
import * as m0010 from './2026-12-01-0010-allocation-list-changes';
import * as m0011 from './2026-12-01-0011-import-keys';

/**
 * Every migration, by name, in the order they run. Append only: a new migration gets a new,
 * later name; an old one is never edited.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-21-0001-foundation': m0001,
  '2026-11-21-0002-roles': m0002,
  '2026-11-21-0003-citizens': m0003,
  '2026-11-21-0004-housing': m0004,
  '2026-11-21-0005-allocation': m0005,
  '2026-11-21-0006-prevention': m0006,
  '2026-12-01-0007-allocation-speed': m0007,
  '2026-12-01-0008-prevention-speed': m0008,
  '2026-12-01-0009-national-scale': m0009,
  '2026-12-01-0010-allocation-list-changes': m0010,
  '2026-12-01-0011-import-keys': m0011,
};
