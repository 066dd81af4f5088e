import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../shared/permissions';
import { mayAssign, notesVisible, scopeOf } from './support.policy';

const actor = (...permissions: Permission[]) => ({ userId: 'u1', permissions: new Set(permissions) });

describe('support policy (design.md §1 need-to-know)', () => {
  it('a support worker is limited to her caseload; support.all sees every enrollment', () => {
    expect(scopeOf(actor('support.read'))).toEqual({ all: false, userId: 'u1' });
    expect(scopeOf(actor('support.read', 'support.all'))).toEqual({ all: true });
  });

  it('notes on contacts need the sensitive-data permission', () => {
    expect(notesVisible(actor('support.read'))).toBe(false);
    expect(notesVisible(actor('support.read', 'citizens.sensitive'))).toBe(true);
  });

  it('a support worker assigns only herself or her own team', () => {
    const own = { workerId: 'w1', teamId: 't1' };
    const worker = actor('support.write');
    expect(mayAssign(worker, own, { workerId: 'w1', teamId: null })).toBe(true);
    expect(mayAssign(worker, own, { workerId: null, teamId: 't1' })).toBe(true);
    expect(mayAssign(worker, own, { workerId: 'w2', teamId: null })).toBe(false);
    expect(mayAssign(worker, own, { workerId: null, teamId: 't2' })).toBe(false);
    expect(mayAssign(worker, null, { workerId: 'w1', teamId: null })).toBe(false);
    expect(mayAssign(actor('support.write', 'support.all'), null, { workerId: 'w2', teamId: null })).toBe(
      true,
    );
  });
});
