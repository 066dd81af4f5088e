import { describe, expect, it } from 'vitest';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES } from './model';
import { APPLICATION_TRANSITIONS, allowedActions, nextStatus } from './status';

describe('the application status machine (issue 5 §2; domain.md rule 25: history kept, never deleted)', () => {
  it('approves, rejects or asks for information only on a submitted application', () => {
    expect(nextStatus('submitted', 'approve')).toBe('approved');
    expect(nextStatus('submitted', 'request_info')).toBe('needs_info');
    expect(nextStatus('needs_info', 'resubmit')).toBe('submitted');
    expect(nextStatus('needs_info', 'reject')).toBe('rejected');
    expect(nextStatus('approved', 'approve')).toBeNull();
    expect(nextStatus('rejected', 'approve')).toBeNull();
  });
  it('pauses, resumes and removes only what is on the waiting list', () => {
    expect(nextStatus('approved', 'pause')).toBe('paused');
    expect(nextStatus('paused', 'resume')).toBe('approved');
    expect(nextStatus('paused', 'remove')).toBe('removed');
    expect(nextStatus('submitted', 'pause')).toBeNull();
  });
  it('has no way out of a closed application', () => {
    for (const closed of ['rejected', 'removed', 'housed', 'withdrawn'] as const)
      expect(allowedActions(closed)).toEqual([]);
  });
  it('knows every action and leads only to known statuses', () => {
    expect(Object.keys(APPLICATION_TRANSITIONS).sort()).toEqual([...APPLICATION_ACTIONS].sort());
    for (const t of Object.values(APPLICATION_TRANSITIONS)) {
      expect(APPLICATION_STATUSES).toContain(t.to);
      for (const from of t.from) expect(APPLICATION_STATUSES).toContain(from);
    }
  });
});
