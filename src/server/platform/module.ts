import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Migration } from 'kysely/migration';
import type { Permission, Role } from '../../shared/permissions';
import type { Config } from '../config';
import type { DatabaseHandles, Tx } from '../db/database';
import type { Actor } from './actor';
import type { PersonalDataDeclaration } from './personal-data';
import type { TaskProvider } from './tasks';
import type { TimelineProvider } from './timeline';

/** What every module's routes and providers may read of the assembled app. */
export interface ModuleContext {
  config: Config;
  /** Every module's contribution to "Mine opgaver" (the tasks module serves them). */
  taskProviders: readonly TaskProvider[];
  /** Every module's contribution to a citizen's timeline (the citizens module shows them). */
  timelineProviders: readonly TimelineProvider[];
  /** Every module's declaration of personal data, in module order (the retention module uses them). */
  personalData: readonly DeclaredPersonalData[];
}

/** A module's declaration of personal data with the module's name. */
export interface DeclaredPersonalData {
  module: string;
  declaration: PersonalDataDeclaration;
}

/** A background job: started after the server listens, stopped (and awaited) before it closes. */
export interface Job {
  start(): void;
  stop(): Promise<void>;
}

/** What the demo seed hands each module: the demo municipality and its one user per role. */
export interface DemoContext {
  municipalityId: string;
  /** The id of the demo user of a role. */
  userIdOf: (role: Role) => string;
  /** The demo user of a role as an actor holding the given permissions. */
  actorOf: (role: Role, permissions: readonly Permission[]) => Actor;
}

/**
 * A server module's one public entry (`modules/<name>/index.ts` exports it as `module`). The app
 * is assembled from the list in `modules/index.ts`: nothing central is edited to add a module.
 */
export interface ServerModule {
  /** The folder's name; unique. */
  name: string;
  /** The module's routes: registered as one Fastify plugin with the assembled context. */
  routes?: (app: FastifyInstance, context: ModuleContext) => Promise<void>;
  /** Task providers for "Mine opgaver". */
  tasks?: (config: Config) => readonly TaskProvider[];
  /** Timeline providers for the citizen page. */
  timeline?: readonly TimelineProvider[];
  /**
   * The module's own migrations, by name (`YYYY-MM-DD-NNNN-<module>-<what>`): merged with every
   * other module's and run in name order. Append only.
   */
  migrations?: Record<string, Migration>;
  /** Background jobs of a server process (not run by tests or the CLI), with the assembled context. */
  jobs?: (db: DatabaseHandles, log: FastifyBaseLogger, context: ModuleContext) => readonly Job[];
  /**
   * The personal data the module stores (GDPR art. 30) and how a citizen's rows are erased under
   * the retention policy (art. 5(1)(e)); required of every module with a table holding a citizen's
   * id (the retention module's architecture test).
   */
  personalData?: PersonalDataDeclaration;
  /** Adds the module's demo data in the demo municipality's transaction, in list order. */
  seedDemo?: (trx: Tx, demo: DemoContext) => Promise<void>;
}

/** The declarations of personal data of the given modules, each with its module's name. */
export function declaredPersonalData(modules: readonly ServerModule[]): DeclaredPersonalData[] {
  return modules.flatMap((m) => (m.personalData ? [{ module: m.name, declaration: m.personalData }] : []));
}
