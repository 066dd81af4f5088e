import type { Role } from '../../shared/permissions';

/**
 * Who may call which route: the explicit allow-table of issue 20 §5, checked against the app by
 * `route-matrix.test.ts` (every route of the OpenAPI document × every role and no session × the
 * relationships below). A route missing here fails that test, so adding a route forces a decision.
 *
 * Reviewed against design.md §1 ("a support worker sees her own caseload; leader and economy get
 * aggregates; the auditor reads the audit log") and the roles' permissions (role_permission, the
 * modules' migrations). The comment after each line names the route's permission (`config.access`).
 *
 * What the matrix expects of a (route, role):
 * - no session: 401 (`public` routes: not 401);
 * - a role not listed: 403, before the route reads anything (so the answer tells nothing of a row);
 * - a listed role, with ids of its own municipality: the route's declared success (2xx) for reads;
 *   for writes with a minimal body, anything but 401/403/404 and 5xx (a business rule may refuse);
 * - a listed role with the id of a row of ANOTHER municipality: the same answer as for an id that
 *   does not exist (404 for reads) — never 200 or 403, which would tell that the row exists;
 * - `hidden` roles hold the permission but see no row of the route: the answer of an id that does
 *   not exist (404);
 * - `caseload: true` (a citizen-scoped route): the support worker gets the success for a citizen in
 *   her caseload (citizen_caseload, migration 0039) and, outside it, the answer of an id that does
 *   not exist (404). `// caseload: lead's change` marks the routes outside the registry whose
 *   caseload check is being added on main (issue 20 (d)).
 */
export interface RouteRule {
  /** The roles that may call the route; `everyone` is any logged-in user, `public` anyone at all. */
  roles: 'public' | 'everyone' | readonly Role[];
  /** Citizen-scoped: a support worker reaches only the citizens of her caseload. */
  caseload?: true;
  /**
   * Roles that hold the route's permission but see none of its rows (need to know): they get the
   * answer of an id that does not exist (404), not 403, and the route's lists leave the rows out.
   */
  hidden?: readonly Role[];
}

// biome-ignore format: one line per route, read as a table.
export const ROUTE_ACCESS: Record<string, RouteRule> = {
  'GET /api/health': { roles: 'public' }, // public

  'GET /api/session': { roles: 'everyone' }, // authenticated
  'POST /api/session/login': { roles: 'public' }, // public
  'POST /api/session/logout': { roles: 'everyone' }, // authenticated
  // The login's second step (issue 20 §3): the pending-login cookie says who, so no session yet.
  'POST /api/session/second-factor': { roles: 'public' }, // public
  'POST /api/session/enrolment': { roles: 'public' }, // public
  'POST /api/session/enrolment/confirm': { roles: 'public' }, // public
  // Her own second factor: every logged-in user.
  'GET /api/account/second-factor': { roles: 'everyone' }, // authenticated
  'POST /api/account/second-factor/enrolment': { roles: 'everyone' }, // authenticated
  'POST /api/account/second-factor/confirm': { roles: 'everyone' }, // authenticated
  'POST /api/account/second-factor/recovery-codes': { roles: 'everyone' }, // authenticated
  'POST /api/admin/users/{id}/second-factor/reset': { roles: ['admin'] }, // users.manage
  'GET /api/admin/second-factor-roles': { roles: ['admin'] }, // users.manage
  'PUT /api/admin/second-factor-roles': { roles: ['admin'] }, // users.manage
  // Single sign-on (issue 20 §2): the login page's buttons and the provider's round trip are public.
  'GET /api/sso/choices': { roles: 'public' }, // public
  'GET /api/sso/{code}/start': { roles: 'public' }, // public
  'GET /api/sso/{code}/callback': { roles: 'public' }, // public
  'POST /api/sso/logout': { roles: 'everyone' }, // authenticated
  'GET /api/admin/sso': { roles: ['admin'] }, // settings.manage
  'PUT /api/admin/sso': { roles: ['admin'] }, // settings.manage
  // Retention and the register of processing (issue 20 §6).
  'GET /api/retention/policy': { roles: ['admin'] }, // retention.manage
  'PUT /api/retention/policy': { roles: ['admin'] }, // retention.manage
  'GET /api/retention/runs': { roles: ['admin'] }, // retention.manage
  'POST /api/retention/dry-runs': { roles: ['admin'] }, // retention.manage
  'POST /api/retention/deletions': { roles: ['admin'] }, // retention.manage
  'GET /api/retention/register': { roles: ['admin', 'auditor'] }, // retention.register

  'GET /api/roles': { roles: 'everyone' }, // authenticated

  'GET /api/admin/users': { roles: ['admin'] }, // users.manage
  'POST /api/admin/users': { roles: ['admin'] }, // users.manage
  'PATCH /api/admin/users/{id}': { roles: ['admin'] }, // users.manage
  'GET /api/admin/housing-organisations': { roles: ['admin'] }, // users.manage
  'POST /api/admin/users/{id}/unlock': { roles: ['admin'] }, // users.manage

  'GET /api/audit': { roles: ['auditor'] }, // audit.read
  'GET /api/audit/verify': { roles: ['auditor'] }, // audit.read

  'GET /api/housing/organisations': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read
  'POST /api/housing/organisations': { roles: ['admin', 'allocation'] }, // housing.manage
  'PATCH /api/housing/organisations/{id}': { roles: ['admin', 'allocation'] }, // housing.manage
  'GET /api/housing/partner-users': { roles: ['admin', 'allocation'] }, // housing.manage
  'GET /api/housing/organisations/{id}/contacts': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read
  'PUT /api/housing/organisations/{id}/contacts': { roles: ['admin', 'allocation'] }, // housing.manage
  'GET /api/housing/departments': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read
  'POST /api/housing/departments': { roles: ['admin', 'allocation'] }, // housing.manage
  'POST /api/housing/departments/import': { roles: ['admin', 'allocation'] }, // housing.manage
  'GET /api/housing/departments/{id}': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read
  'PATCH /api/housing/departments/{id}': { roles: ['admin', 'allocation'] }, // housing.manage
  'POST /api/housing/departments/{id}/area-status': { roles: ['admin', 'allocation'] }, // housing.manage
  'GET /api/housing/area-status': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read
  'GET /api/housing/agreements': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read
  'POST /api/housing/agreements': { roles: ['admin', 'allocation'] }, // housing.manage
  'PUT /api/housing/agreements/{id}': { roles: ['admin', 'allocation'] }, // housing.manage
  'GET /api/housing/expected': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read
  'GET /api/housing/organisations/{id}/report': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read
  'GET /api/housing/organisations/{id}/report.xlsx': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read
  'GET /api/housing/organisations/{id}/report.pdf': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read
  'GET /api/housing/export.xlsx': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read
  'GET /api/housing/pools': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read
  'POST /api/housing/pools': { roles: ['admin', 'allocation'] }, // housing.manage
  'POST /api/housing/pools/{id}/units': { roles: ['admin', 'allocation'] }, // housing.manage
  'POST /api/housing/pools/{poolId}/units/{unitId}/end': { roles: ['admin', 'allocation'] }, // housing.manage
  'GET /api/housing/pipeline': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read
  'POST /api/housing/pipeline': { roles: ['admin', 'allocation'] }, // housing.manage
  'DELETE /api/housing/pipeline/{id}': { roles: ['admin', 'allocation'] }, // housing.manage
  'GET /api/housing/elderly': { roles: ['admin', 'caseworker', 'allocation', 'prevention', 'leader', 'economy'] }, // housing.read

  'GET /api/citizens': { roles: ['caseworker', 'allocation', 'support', 'prevention', 'leader'] }, // citizens.read
  'POST /api/citizens': { roles: ['caseworker', 'allocation', 'support', 'prevention'] }, // citizens.write

  'GET /api/settings/inactivity-policy': { roles: 'everyone' }, // authenticated
  'PUT /api/settings/inactivity-policy': { roles: ['admin'] }, // settings.manage

  'GET /api/citizens/duplicates': { roles: ['caseworker'] }, // citizens.merge
  'POST /api/citizens/duplicates/{id}/merge': { roles: ['caseworker'] }, // citizens.merge
  'POST /api/citizens/duplicates/{id}/dismiss': { roles: ['caseworker'] }, // citizens.merge
  'POST /api/citizens/merges/{id}/undo': { roles: ['caseworker'] }, // citizens.merge
  'POST /api/citizens/import': { roles: ['caseworker'] }, // citizens.import
  'GET /api/citizens/{id}': { roles: ['caseworker', 'allocation', 'support', 'prevention', 'leader'], caseload: true }, // citizens.read
  'PATCH /api/citizens/{id}': { roles: ['caseworker', 'allocation', 'support', 'prevention'], caseload: true }, // citizens.write
  'GET /api/citizens/{id}/export': { roles: ['caseworker', 'allocation', 'support', 'prevention', 'leader'], caseload: true }, // citizens.read
  'GET /api/citizens/{id}/cpr': { roles: ['caseworker', 'allocation', 'support', 'prevention'], caseload: true }, // citizens.identity
  'POST /api/citizens/{id}/cpr': { roles: ['caseworker', 'allocation', 'support', 'prevention'], caseload: true }, // citizens.write
  'PUT /api/citizens/{id}/sensitive': { roles: ['caseworker', 'allocation', 'support'], caseload: true }, // citizens.sensitive
  'POST /api/citizens/{id}/household': { roles: ['caseworker', 'allocation', 'support', 'prevention'], caseload: true }, // citizens.write
  'DELETE /api/citizens/{id}/household/{memberId}': { roles: ['caseworker', 'allocation', 'support', 'prevention'], caseload: true }, // citizens.write
  'POST /api/citizens/{id}/episodes': { roles: ['caseworker', 'allocation', 'support', 'prevention'], caseload: true }, // citizens.write
  'POST /api/citizens/{id}/episodes/{episodeId}/retract': { roles: ['caseworker', 'allocation', 'support', 'prevention'], caseload: true }, // citizens.write
  'POST /api/citizens/{id}/contacts': { roles: ['caseworker', 'allocation', 'support', 'prevention'], caseload: true }, // citizens.write
  'POST /api/citizens/{id}/consents': { roles: ['caseworker', 'allocation', 'support', 'prevention'], caseload: true }, // citizens.write
  'POST /api/citizens/{id}/consents/{consentId}/withdraw': { roles: ['caseworker', 'allocation', 'support', 'prevention'], caseload: true }, // citizens.write

  'GET /api/allocation/applications': { roles: ['admin', 'caseworker', 'allocation'] }, // allocation.read
  'POST /api/allocation/applications': { roles: ['admin', 'caseworker'] }, // allocation.apply
  'GET /api/allocation/applications/{id}': { roles: ['admin', 'caseworker', 'allocation'] }, // allocation.read
  'PUT /api/allocation/applications/{id}': { roles: ['admin', 'caseworker'] }, // allocation.apply
  'POST /api/allocation/applications/{id}/assessment': { roles: ['admin', 'allocation'] }, // allocation.manage
  'POST /api/allocation/applications/{id}/resubmit': { roles: ['admin', 'caseworker'] }, // allocation.apply
  'POST /api/allocation/applications/{id}/withdraw': { roles: ['admin', 'caseworker'] }, // allocation.apply
  'POST /api/allocation/applications/{id}/documents': { roles: ['admin', 'caseworker'] }, // allocation.apply
  'GET /api/allocation/applications/{id}/documents/{documentId}': { roles: ['admin', 'caseworker', 'allocation'] }, // allocation.read
  'GET /api/allocation/applications/{id}/letter': { roles: ['admin', 'caseworker', 'allocation'] }, // allocation.read
  'GET /api/allocation/waiting-list': { roles: ['admin', 'caseworker', 'allocation'] }, // allocation.read
  'GET /api/allocation/waiting-list.xlsx': { roles: ['admin', 'caseworker', 'allocation'] }, // allocation.read
  'GET /api/allocation/waiting-list/counts': { roles: ['admin', 'allocation', 'leader', 'economy'] }, // allocation.reports
  'GET /api/allocation/snapshots': { roles: ['admin', 'allocation', 'leader', 'economy'] }, // allocation.reports
  'POST /api/allocation/snapshots': { roles: ['admin', 'allocation'] }, // allocation.manage
  'GET /api/allocation/settings': { roles: ['admin', 'caseworker', 'allocation'] }, // allocation.read
  'PUT /api/allocation/settings': { roles: ['admin', 'allocation'] }, // allocation.manage
  'GET /api/allocation/vacancies': { roles: ['admin', 'caseworker', 'allocation'] }, // allocation.read
  'POST /api/allocation/vacancies': { roles: ['admin', 'allocation'] }, // allocation.manage
  'POST /api/allocation/vacancies/import': { roles: ['admin', 'allocation'] }, // allocation.manage
  'GET /api/allocation/vacancies/{id}': { roles: ['admin', 'caseworker', 'allocation'] }, // allocation.read
  'POST /api/allocation/vacancies/{id}/return': { roles: ['admin', 'allocation'] }, // allocation.manage
  'GET /api/allocation/vacancies/{id}/candidates': { roles: ['admin', 'caseworker', 'allocation'] }, // allocation.read
  'GET /api/allocation/census': { roles: ['admin', 'allocation'] }, // allocation.manage
  'POST /api/allocation/vacancies/{id}/offers': { roles: ['admin', 'allocation'] }, // allocation.manage
  'POST /api/allocation/offers/{id}/accept': { roles: ['admin', 'allocation'] }, // allocation.manage
  'POST /api/allocation/offers/{id}/decline': { roles: ['admin', 'allocation'] }, // allocation.manage
  'POST /api/allocation/offers/{id}/expire': { roles: ['admin', 'allocation'] }, // allocation.manage
  'POST /api/allocation/offers/{id}/withdraw': { roles: ['admin', 'allocation'] }, // allocation.manage
  'GET /api/allocation/offers/{id}/letter': { roles: ['admin', 'caseworker', 'allocation'] }, // allocation.read
  'POST /api/allocation/tenancies/{id}/lease': { roles: ['admin', 'allocation'] }, // allocation.manage
  'POST /api/allocation/tenancies/{id}/move-in': { roles: ['admin', 'allocation'] }, // allocation.manage

  'GET /api/partner/departments': { roles: ['partner_housing'] }, // vacancies.report
  'GET /api/partner/vacancies': { roles: ['partner_housing'] }, // vacancies.report
  'POST /api/partner/vacancies': { roles: ['partner_housing'] }, // vacancies.report
  'PUT /api/partner/vacancies/{id}': { roles: ['partner_housing'] }, // vacancies.report
  'POST /api/partner/vacancies/{id}/withdraw': { roles: ['partner_housing'] }, // vacancies.report

  'GET /api/prevention/cases': { roles: ['admin', 'caseworker', 'prevention'] }, // prevention.read
  'POST /api/prevention/notices': { roles: ['admin', 'prevention'] }, // prevention.manage
  'POST /api/prevention/notices/import': { roles: ['admin', 'prevention'] }, // prevention.manage
  'GET /api/prevention/cases/{id}': { roles: ['admin', 'caseworker', 'prevention'] }, // prevention.read
  'POST /api/prevention/cases/{id}/actions': { roles: ['admin', 'prevention'] }, // prevention.manage
  'POST /api/prevention/actions/{id}/response': { roles: ['admin', 'prevention'] }, // prevention.manage
  'POST /api/prevention/cases/{id}/decision': { roles: ['admin', 'prevention'] }, // prevention.manage
  'POST /api/prevention/cases/{id}/outcome': { roles: ['admin', 'prevention'] }, // prevention.manage
  'GET /api/prevention/cases/{id}/letter': { roles: ['admin', 'caseworker', 'prevention'] }, // prevention.read
  'GET /api/prevention/monitoring': { roles: ['admin', 'allocation', 'prevention', 'leader', 'economy'] }, // prevention.reports
  'GET /api/prevention/monitoring.xlsx': { roles: ['admin', 'allocation', 'prevention', 'leader', 'economy'] }, // prevention.reports
  'GET /api/prevention/settings': { roles: ['admin', 'caseworker', 'prevention'] }, // prevention.read
  'PUT /api/prevention/settings': { roles: ['admin', 'prevention'] }, // prevention.manage

  'POST /api/partner/notices': { roles: ['partner_housing'] }, // notices.report
  'GET /api/partner/notices': { roles: ['partner_housing'] }, // notices.report

  'GET /api/plans': { roles: ['caseworker', 'support'] }, // plans.read
  'POST /api/plans': { roles: ['caseworker', 'support'] }, // plans.write
  'GET /api/plans/staff': { roles: ['caseworker', 'support'] }, // plans.read
  'GET /api/plans/citizens/{citizenId}': { roles: ['caseworker', 'support'], caseload: true }, // plans.read; caseload: lead's change
  'GET /api/plans/{id}': { roles: ['caseworker', 'support'], caseload: true }, // plans.read; caseload: lead's change
  'POST /api/plans/{id}/goals': { roles: ['caseworker', 'support'], caseload: true }, // plans.write; caseload: lead's change
  'POST /api/plans/{id}/actions': { roles: ['caseworker', 'support'], caseload: true }, // plans.write; caseload: lead's change
  // Her own: the action's owner, the plan's coordinator or a support worker of the citizen (the fixture's `mine`).
  'POST /api/plans/{id}/actions/{actionId}/done': { roles: ['caseworker', 'support'], caseload: true }, // plans.write
  'POST /api/plans/{id}/reviews': { roles: ['caseworker', 'support'], caseload: true }, // plans.write; caseload: lead's change
  'POST /api/plans/{id}/reviews/{reviewId}/held': { roles: ['caseworker', 'support'], caseload: true }, // plans.write; caseload: lead's change
  'POST /api/plans/{id}/close': { roles: ['caseworker', 'support'], caseload: true }, // plans.write; caseload: lead's change
  'POST /api/plans/{id}/participation': { roles: ['caseworker', 'support'], caseload: true }, // plans.write; caseload: lead's change
  'POST /api/plans/{id}/shares': { roles: ['caseworker', 'support'], caseload: true }, // plans.write; caseload: lead's change
  'GET /api/plans/sanctions': { roles: ['caseworker', 'prevention'] }, // plans.alerts
  'POST /api/plans/sanctions': { roles: ['caseworker', 'prevention'] }, // plans.alerts
  'POST /api/plans/sanctions/import': { roles: ['caseworker', 'prevention'] }, // plans.alerts
  // Anyone may handle an alert of a citizen she works with: the alert roles (plans.alerts), the plan's coordinator and support workers; to others the alert does not exist.
  // Handled by the plan's coordinator or the citizen's support workers only (narrower than the
  // caseload; plans.alerts.service.ts, its route tests): anyone else unrelated gets 404.
  'POST /api/plans/sanctions/{id}/handle': { roles: 'everyone', hidden: ['admin', 'allocation', 'support', 'leader', 'economy', 'partner_housing', 'partner_shelter', 'auditor'] }, // authenticated
  'GET /api/plans/deposit-cases': { roles: ['caseworker', 'prevention'] }, // plans.alerts
  'POST /api/plans/deposit-cases': { roles: ['caseworker', 'prevention'] }, // plans.alerts
  'POST /api/plans/deposit-cases/{id}/decision': { roles: ['caseworker', 'prevention'] }, // plans.alerts
  // Anyone may handle an alert of a citizen she works with: the alert roles (plans.alerts), the plan's coordinator and support workers; to others the alert does not exist.
  // Handled by the plan's coordinator or the citizen's support workers only (narrower than the
  // caseload; plans.alerts.service.ts, its route tests): anyone else unrelated gets 404.
  'POST /api/plans/deposit-cases/{id}/handle': { roles: 'everyone', hidden: ['admin', 'allocation', 'support', 'leader', 'economy', 'partner_housing', 'partner_shelter', 'auditor'] }, // authenticated
  'GET /api/plans/settings': { roles: ['admin'] }, // settings.manage
  'PUT /api/plans/settings': { roles: ['admin'] }, // settings.manage

  'GET /api/support/catalogue': { roles: 'everyone' }, // authenticated
  'POST /api/support/catalogue/{method}': { roles: ['admin'] }, // support.manage
  'POST /api/support/contact-gap': { roles: ['admin'] }, // support.manage
  'GET /api/support/teams': { roles: ['admin', 'caseworker', 'support'] }, // support.read
  'POST /api/support/teams': { roles: ['admin'] }, // support.manage
  'GET /api/support/workers': { roles: ['admin', 'caseworker', 'support'] }, // support.read
  'POST /api/support/workers': { roles: ['admin'] }, // support.manage
  'PUT /api/support/workers/{id}': { roles: ['admin'] }, // support.manage
  'GET /api/support/caseload': { roles: ['admin', 'caseworker', 'support'] }, // support.read
  'POST /api/support/enrollments': { roles: ['admin', 'caseworker', 'support'] }, // support.write
  'GET /api/support/enrollments/{id}': { roles: ['admin', 'caseworker', 'support'], caseload: true }, // support.read; caseload: lead's change
  'POST /api/support/enrollments/{id}/contacts': { roles: ['admin', 'caseworker', 'support'], caseload: true }, // support.write; caseload: lead's change
  'POST /api/support/enrollments/{id}/phases': { roles: ['admin', 'caseworker', 'support'], caseload: true }, // support.write; caseload: lead's change
  'POST /api/support/enrollments/{id}/end': { roles: ['admin', 'caseworker', 'support'], caseload: true }, // support.write; caseload: lead's change
  'GET /api/support/fidelity': { roles: ['admin', 'leader', 'economy'] }, // support.reports
  'GET /api/support/retention': { roles: ['admin', 'leader', 'economy'] }, // support.reports

  'GET /api/shelters/residents': { roles: ['caseworker'] }, // shelters.casework
  'POST /api/shelters/stays/{id}/action-plan': { roles: ['caseworker'] }, // shelters.casework
  'GET /api/shelters': { roles: ['admin'] }, // shelters.manage
  'POST /api/shelters': { roles: ['admin'] }, // shelters.manage
  'GET /api/shelters/users': { roles: ['admin'] }, // shelters.manage
  'PUT /api/shelters/{id}/rates': { roles: ['admin'] }, // shelters.manage
  'PUT /api/shelters/{id}/users': { roles: ['admin'] }, // shelters.manage
  'GET /api/shelters/mine': { roles: ['partner_shelter'] }, // shelters.stays
  'POST /api/shelters/stays': { roles: ['partner_shelter'] }, // shelters.stays
  'POST /api/shelters/stays/{id}/notify': { roles: ['partner_shelter'] }, // shelters.stays
  'GET /api/shelters/stays/{id}/notification-letter': { roles: ['partner_shelter'] }, // shelters.stays
  'GET /api/shelters/notifications': { roles: ['caseworker'] }, // shelters.casework
  'POST /api/shelters/notifications/{id}/acknowledge': { roles: ['caseworker'] }, // shelters.casework
  'GET /api/shelters/stays/{id}/discharge-conditions': { roles: ['caseworker'] }, // shelters.casework
  'POST /api/shelters/stays/{id}/municipal-discharge': { roles: ['caseworker'] }, // shelters.casework
  'POST /api/shelters/stays/{id}/discharge': { roles: ['partner_shelter'] }, // shelters.stays
  'GET /api/shelters/stay-lengths': { roles: ['admin', 'leader', 'economy', 'partner_shelter'] }, // shelters.statistics
  'GET /api/shelters/dst-report': { roles: ['partner_shelter'] }, // shelters.stays
  'GET /api/shelters/dst-report/file': { roles: ['partner_shelter'] }, // shelters.stays

  'GET /api/skaeve-boliger': { roles: ['admin', 'caseworker'] }, // placements.read
  'POST /api/skaeve-boliger': { roles: ['admin'] }, // placements.units
  'POST /api/skaeve-boliger/{id}/tenancies': { roles: ['caseworker'] }, // placements.manage
  'POST /api/skaeve-boliger/tenancies/{id}/end': { roles: ['caseworker'] }, // placements.manage

  'GET /api/placements': { roles: ['admin', 'caseworker'] }, // placements.read
  'POST /api/placements': { roles: ['caseworker'] }, // placements.manage
  'POST /api/placements/{id}/start': { roles: ['caseworker'] }, // placements.manage
  'POST /api/placements/{id}/end': { roles: ['caseworker'] }, // placements.manage

  'GET /api/transitions/staff': { roles: ['admin', 'caseworker', 'support'] }, // transitions.read
  'GET /api/transitions': { roles: ['admin', 'caseworker', 'support'] }, // transitions.read
  // A support worker starts a plan only for a young person she supports (transitions.policy.ts):
  // for the matrix's citizen, 404.
  'POST /api/transitions': { roles: ['caseworker', 'support'], hidden: ['support'] }, // transitions.write
  // The administrator holds transitions.read for the catalogue of youth offers; she sees no young person's plan.
  'GET /api/transitions/{id}': { roles: ['admin', 'caseworker', 'support'], caseload: true, hidden: ['admin'] }, // transitions.read; caseload: lead's change
  'POST /api/transitions/{id}/participants': { roles: ['caseworker', 'support'], caseload: true }, // transitions.write; caseload: lead's change
  'POST /api/transitions/{id}/meetings': { roles: ['caseworker', 'support'], caseload: true }, // transitions.write; caseload: lead's change
  'POST /api/transitions/meetings/{id}/record': { roles: ['caseworker', 'support'], caseload: true }, // transitions.write; caseload: lead's change
  'POST /api/transitions/{id}/actions': { roles: ['caseworker', 'support'], caseload: true }, // transitions.write; caseload: lead's change
  'POST /api/transitions/actions/{id}/done': { roles: ['caseworker', 'support'], caseload: true }, // transitions.write; caseload: lead's change
  'POST /api/transitions/{id}/offers': { roles: ['caseworker', 'support'], caseload: true }, // transitions.write; caseload: lead's change
  'POST /api/transitions/offers/{id}/end': { roles: ['caseworker', 'support'], caseload: true }, // transitions.write; caseload: lead's change
  'POST /api/transitions/{id}/close': { roles: ['caseworker', 'support'], caseload: true }, // transitions.write; caseload: lead's change

  'GET /api/youth-offers': { roles: ['admin', 'caseworker', 'support'] }, // transitions.read
  'POST /api/youth-offers': { roles: ['admin'] }, // transitions.catalogue
  'PATCH /api/youth-offers/{id}': { roles: ['admin'] }, // transitions.catalogue

  'GET /api/youth': { roles: ['caseworker', 'support'] }, // youth.read
  'GET /api/youth/caseworkers': { roles: ['caseworker', 'support'] }, // youth.read
  'GET /api/youth/service-areas': { roles: ['admin'] }, // users.manage
  'PUT /api/youth/service-areas/{userId}': { roles: ['admin'] }, // users.manage
  'GET /api/youth/{citizenId}': { roles: ['caseworker', 'support'], caseload: true }, // youth.read; caseload: lead's change
  'PUT /api/youth/{citizenId}/profile': { roles: ['caseworker'] }, // youth.write
  'POST /api/youth/{citizenId}/placements': { roles: ['caseworker'] }, // youth.write
  'POST /api/youth/{citizenId}/supports': { roles: ['caseworker'] }, // youth.write
  'POST /api/youth/{citizenId}/decisions': { roles: ['caseworker'] }, // youth.write
  'PUT /api/youth/{citizenId}/pairing': { roles: ['caseworker'] }, // youth.write
  'GET /api/youth/indicators': { roles: ['admin', 'leader'] }, // youth.indicators

  'GET /api/counts': { roles: ['admin', 'caseworker', 'leader', 'economy'] }, // count.report
  'POST /api/counts': { roles: ['caseworker'] }, // count.manage
  'GET /api/counts/{year}': { roles: ['caseworker'] }, // count.read
  'POST /api/counts/{year}/registrations': { roles: ['caseworker'] }, // count.register
  'PUT /api/counts/{year}/registrations/{id}': { roles: ['caseworker'] }, // count.register
  'POST /api/counts/{year}/close': { roles: ['caseworker'] }, // count.manage
  'GET /api/counts/{year}/report': { roles: ['admin', 'caseworker', 'leader', 'economy'] }, // count.report
  'GET /api/counts/{year}/export': { roles: ['caseworker'] }, // count.manage

  'GET /api/insight/flow': { roles: ['admin', 'caseworker', 'allocation', 'leader'] }, // insight.flow
  'GET /api/insight/indicators': { roles: ['admin', 'caseworker', 'leader', 'economy'] }, // insight.indicators
  'GET /api/insight/comparison': { roles: ['admin', 'leader', 'economy'] }, // insight.compare
  'GET /api/insight/settings': { roles: ['admin'] }, // insight.settings
  'PUT /api/insight/suppression-limit': { roles: ['admin'] }, // insight.settings
  'PUT /api/insight/sharing': { roles: ['admin'] }, // insight.settings
  'POST /api/insight/sharing/publish': { roles: ['admin'] }, // insight.settings
  'GET /api/insight/committee-report': { roles: ['admin', 'leader', 'economy'] }, // insight.report
  'PUT /api/insight/committee-report/introduction': { roles: ['admin', 'leader', 'economy'] }, // insight.report
  'GET /api/insight/committee-report.pdf': { roles: ['admin', 'leader', 'economy'] }, // insight.report
  'GET /api/insight/committee-report.xlsx': { roles: ['admin', 'leader', 'economy'] }, // insight.report
  'GET /api/insight/dashboard': { roles: ['admin', 'allocation', 'prevention', 'leader', 'economy'] }, // insight.dashboard

  'GET /api/economics': { roles: ['leader', 'economy'] }, // economics.read
  'GET /api/economics/settings': { roles: ['admin', 'leader', 'economy'] }, // economics.settings
  'POST /api/economics/settings': { roles: ['admin'] }, // economics.manage
  'POST /api/economics/settings/limits': { roles: ['admin'] }, // economics.manage

  'GET /api/planning/baseline': { roles: ['admin', 'allocation', 'leader', 'economy'] }, // planning.read
  'GET /api/planning/scenarios': { roles: ['admin', 'allocation', 'leader', 'economy'] }, // planning.read
  'POST /api/planning/scenarios': { roles: ['admin', 'leader', 'economy'] }, // planning.run
  'GET /api/planning/scenarios/{id}': { roles: ['admin', 'allocation', 'leader', 'economy'] }, // planning.read
  'DELETE /api/planning/scenarios/{id}': { roles: ['admin', 'leader', 'economy'] }, // planning.run
  'PUT /api/planning/scenarios/{id}/report': { roles: ['admin', 'leader', 'economy'] }, // planning.run

  'GET /api/tasks': { roles: ['admin', 'caseworker', 'allocation', 'support', 'prevention', 'leader', 'economy', 'partner_housing', 'partner_shelter', 'auditor'] }, // tasks.read
  'POST /api/tasks/{id}/read': { roles: ['admin', 'caseworker', 'allocation', 'support', 'prevention', 'leader', 'economy', 'partner_housing', 'partner_shelter', 'auditor'] }, // tasks.read
  'GET /api/tasks/digest': { roles: ['admin', 'caseworker', 'allocation', 'support', 'prevention', 'leader', 'economy', 'partner_housing', 'partner_shelter', 'auditor'] }, // tasks.read
  'PUT /api/tasks/digest': { roles: ['admin', 'caseworker', 'allocation', 'support', 'prevention', 'leader', 'economy', 'partner_housing', 'partner_shelter', 'auditor'] }, // tasks.read
  'POST /api/tasks/digest/run': { roles: ['admin'] }, // users.manage
};
