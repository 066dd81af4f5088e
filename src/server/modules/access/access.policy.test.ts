import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor';
import { canChangeUser, organisationProblem } from './access.policy';

const admin: Actor = {
  userId: 'a',
  username: 'admin',
  municipalityId: 'm',
  role: 'admin',
  permissions: new Set(['users.manage']),
  clientIp: null,
};
const self = { id: 'a', role_code: 'admin', disabled_at: null };
const other = { id: 'b', role_code: 'caseworker', disabled_at: null };

describe('canChangeUser', () => {
  it.each([
    ['another user: new role', other, { role: 'leader' }, true],
    ['another user: disable', other, { disabled: true }, true],
    ['self: rename only', self, {}, true],
    ['self: same role again', self, { role: 'admin' }, true],
    ['self: new role', self, { role: 'caseworker' }, false],
    ['self: disable', self, { disabled: true }, false],
    ['self: enable (no-op)', self, { disabled: false }, true],
  ] as const)('%s → %s', (_name, target, change, allowed) => {
    expect(canChangeUser(admin, target, change)).toBe(allowed);
  });
});

describe('organisationProblem (issue 14 §3: a housing-organisation user acts for one organisation)', () => {
  it.each([
    [
      'new housing-organisation user without organisation',
      'partner_housing',
      undefined,
      false,
      'USER_ORGANISATION_REQUIRED',
    ],
    ['new housing-organisation user with organisation', 'partner_housing', 'org', false, null],
    ['housing-organisation user renamed, link kept', 'partner_housing', undefined, true, null],
    [
      'housing-organisation user with the link removed',
      'partner_housing',
      null,
      true,
      'USER_ORGANISATION_REQUIRED',
    ],
    ['caseworker with an organisation', 'caseworker', 'org', false, 'USER_ORGANISATION_NOT_ALLOWED'],
    ['caseworker without', 'caseworker', undefined, false, null],
  ] as const)('%s → %s', (_name, role, organisationId, alreadyPartner, problem) => {
    expect(organisationProblem(role, organisationId, alreadyPartner)).toBe(problem);
  });
});
