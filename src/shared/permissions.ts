/**
 * Every permission a route can require. Roles get permissions as data (table role_permission,
 * seeded by migrations); the code only names them. Add a permission here and grant it to roles in
 * a new migration.
 */
export const PERMISSIONS = [
  'tasks.read',
  'users.manage',
  'settings.manage',
  'audit.read',
  'citizens.read',
  'citizens.write',
  'citizens.sensitive',
  'citizens.import',
  'citizens.merge',
  'housing.read',
  'housing.manage',
  'allocation.apply',
  'allocation.read',
  'allocation.manage',
  'allocation.reports',
  'vacancies.report',
  'prevention.read',
  'prevention.manage',
  'prevention.reports',
  'notices.report',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

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
