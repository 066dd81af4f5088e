/**
 * Every permission a route can require. Roles get permissions as data (table role_permission,
 * seeded by migrations); the code only names them. The platform's are here; each module names its
 * own in `src/shared/<module>/permissions.ts` with `definePermissions`, which registers them and
 * merges them into `ModulePermissions`, and grants them to roles in a migration of its own.
 */
export const PLATFORM_PERMISSIONS = ['tasks.read', 'users.manage', 'settings.manage', 'audit.read'] as const;

/**
 * The permissions of every module, merged in by each module's permissions file:
 * `declare module '../permissions' { interface ModulePermissions extends NamesOf<typeof X> {} }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each module's declaration merging.
export interface ModulePermissions {}

/** The names of a permission list, for `ModulePermissions`. */
export type NamesOf<P extends readonly string[]> = { [K in P[number]]: true };

export type Permission = (typeof PLATFORM_PERMISSIONS)[number] | keyof ModulePermissions;

const registry = new Set<string>(PLATFORM_PERMISSIONS);

/** Registers a module's permissions. */
export function definePermissions<const P extends readonly string[]>(names: P): P {
  for (const name of names) registry.add(name);
  return names;
}

/** Every registered permission: the platform's and those of the modules loaded. */
export function allPermissions(): Permission[] {
  return [...registry] as Permission[];
}

/** The roles of design.md §1, in display order. */
export const ROLES = [
  'admin',
  'caseworker',
  'allocation',
  'support',
  'prevention',
  'leader',
  'economy',
  'partner_housing',
  'partner_shelter',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

/** What a route demands: a permission, any logged-in user, or nothing. */
export type RouteAccess = Permission | 'authenticated' | 'public';
