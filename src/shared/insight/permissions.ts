import { definePermissions, type NamesOf } from '../permissions';

/**
 * The insight module's permissions (granted to roles by its migration 0032):
 * - `insight.flow`: the monthly by-name flow (rule 35): active, inflow and outflow per month,
 *   overall, by age band and for the young people, small numbers suppressed. Figures, never names:
 *   the leader and the administrator, and the caseworker and allocation roles who steer by them.
 * - `insight.indicators` (migration 0033): the outcome indicators of a period (issue 18 §3,
 *   docs/indicators.md), small numbers suppressed: the leader, the economy role, the administrator
 *   and the caseworker.
 * - `insight.compare` (migration 0034): the comparison across municipalities (issue 18 §7): its own
 *   figures against those other municipalities share, per 10,000 inhabitants: the leader, the
 *   economy role and the administrator.
 * - `insight.settings` (migration 0034): the suppression limit (rule 33), the inhabitants and the
 *   opt-in to sharing, audited: the administrator.
 * - `insight.report` (migration 0035): the committee report of a period (issue 18 §5) as JSON, PDF
 *   and XLSX, and its introduction: the leader, the economy role and the administrator.
 * - `insight.dashboard` (migration 0036): the dashboards page (issue 18 §4): the leader, the economy,
 *   allocation and prevention roles and the administrator; each section needs its own permission
 *   (`insight.dashboard.outcomes`, `.economy`, `.allocation`, `.prevention`; src/shared/insight/dashboard.ts).
 */
export const INSIGHT_PERMISSIONS = definePermissions([
  'insight.flow',
  'insight.indicators',
  'insight.compare',
  'insight.report',
  'insight.settings',
  'insight.dashboard',
  'insight.dashboard.outcomes',
  'insight.dashboard.economy',
  'insight.dashboard.allocation',
  'insight.dashboard.prevention',
] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof INSIGHT_PERMISSIONS> {}
}
