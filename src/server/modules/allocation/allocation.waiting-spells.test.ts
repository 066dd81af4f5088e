import { describe, expect, it } from 'vitest';
import type { WaitingFacts } from './allocation.waiting-spells.repository';
import { waitingSpellOf } from './allocation.waiting-spells.service';

const facts = (over: Partial<WaitingFacts>): WaitingFacts => ({
  citizenId: 'c',
  status: 'approved',
  waitingSince: '2025-03-01',
  events: [],
  letOn: null,
  ...over,
});

describe('a spell on the waiting list (issue 19 §1)', () => {
  it('is open while the application still waits, paused or not', () => {
    expect(waitingSpellOf(facts({}))).toEqual({ citizenId: 'c', from: '2025-03-01', to: null });
    expect(waitingSpellOf(facts({ status: 'paused', events: [{ to: 'paused', on: '2025-05-01' }] }))).toEqual(
      { citizenId: 'c', from: '2025-03-01', to: null },
    );
  });

  it('ends on the first status change after the waiting-list date that leaves the waiting statuses', () => {
    const spell = waitingSpellOf(
      facts({
        status: 'housed',
        events: [
          { to: 'approved', on: '2025-03-01' },
          { to: 'paused', on: '2025-04-01' },
          { to: 'housed', on: '2025-09-10' },
        ],
        letOn: '2025-08-20',
      }),
    );
    expect(spell).toEqual({ citizenId: 'c', from: '2025-03-01', to: '2025-09-10' });
  });

  it('ends on the day a home was accepted when no status change is dated', () => {
    expect(waitingSpellOf(facts({ status: 'housed', letOn: '2025-08-20' }))?.to).toBe('2025-08-20');
  });

  it('is not counted when the application has left the list with no date to tell when', () => {
    expect(waitingSpellOf(facts({ status: 'withdrawn' }))).toBeNull();
  });
});
