import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../shared/permissions';
import { planAccess } from './plans.policy';

const perms = (...p: Permission[]) => new Set<Permission>(p);
const none = { coordinator: false, actionOwner: false, supportWorker: false };

describe('need-to-know on coherent plans (design.md §1)', () => {
  it.each([
    ['coordinator', { ...none, coordinator: true }],
    ['action owner', { ...none, actionOwner: true }],
    ['support worker', { ...none, supportWorker: true }],
  ])('lets the %s see and change the plan', (_, relation) => {
    expect(planAccess(perms('plans.read', 'plans.write'), relation)).toBe('write');
    expect(planAccess(perms('plans.read'), relation)).toBe('read');
  });

  it('hides the plan from a user without a relation unless the role reads every plan', () => {
    expect(planAccess(perms('plans.read', 'plans.write'), none)).toBe('none');
    expect(planAccess(perms('plans.read', 'plans.write', 'plans.all'), none)).toBe('write');
  });

  it('hides it from a role without plans.read, whatever the relation', () => {
    expect(planAccess(perms('plans.alerts'), { ...none, coordinator: true })).toBe('none');
  });
});
