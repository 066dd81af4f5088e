import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../shared/permissions';
import { transitionAccess } from './transitions.policy';

const perms = (...p: Permission[]) => new Set<Permission>(p);
const caseworker = perms('transitions.read', 'transitions.write', 'transitions.all');
const support = perms('transitions.read', 'transitions.write');
const admin = perms('transitions.read', 'transitions.catalogue');
const unrelated = { participant: false, supportWorker: false };

describe('who sees and changes a transition plan (need-to-know, design.md §1)', () => {
  it('lets a caseworker see and change every plan of the municipality', () => {
    expect(transitionAccess(caseworker, unrelated)).toBe('write');
  });

  it("lets a support worker see and change only the plans of the young people on the worker's caseload or where the worker takes part", () => {
    expect(transitionAccess(support, unrelated)).toBe('none');
    expect(transitionAccess(support, { participant: false, supportWorker: true })).toBe('write');
    expect(transitionAccess(support, { participant: true, supportWorker: false })).toBe('write');
  });

  it('lets the administrator, who keeps the catalogue, see no plan but one in which they take part, read only', () => {
    expect(transitionAccess(admin, unrelated)).toBe('none');
    expect(transitionAccess(admin, { participant: true, supportWorker: false })).toBe('read');
  });

  it('shows nothing to a role without transitions.read', () => {
    expect(transitionAccess(perms('plans.read'), { participant: true, supportWorker: true })).toBe('none');
  });
});
