import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor';
import { canChangeUser } from './access.policy';

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
