import { describe, expect, it } from 'vitest';
import {
  type CaseFacts,
  compareUrgency,
  depositLoanMandatory,
  paakravDeadline,
  section5aDuties,
  terminationAllowed,
  urgency,
} from './clocks';
import { DEFAULT_DEPOSIT_LOAN_LIMITS } from './model';

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  bailiffNoticeOn: '2026-11-10',
  childrenUnder18: false,
  knownNeed: false,
  actions: [],
  noHelpDecisionOn: null,
  eviction: { date: null },
  closed: false,
  ...over,
});

describe('the påkrav clock (domain.md §5, rule 27; almenlejeloven § 90, lejeloven § 182)', () => {
  it('gives the tenant 14 days from receiving the påkrav and allows termination only after', () => {
    expect(paakravDeadline('2026-11-01')).toBe('2026-11-15');
    expect(terminationAllowed('2026-11-01', '2026-11-15')).toBe(false);
    expect(terminationAllowed('2026-11-01', '2026-11-16')).toBe(true);
  });
});

describe('retssikkerhedsloven § 5 a (domain.md §5, rule 28)', () => {
  it('stk. 1: with children under 18, act at once — due the day the bailiff notice came, overdue the day after', () => {
    const due = section5aDuties(facts({ childrenUnder18: true }), '2026-11-10');
    expect(due[0]).toMatchObject({ kind: 'act_at_once', dueOn: '2026-11-10', overdue: false });
    expect(section5aDuties(facts({ childrenUnder18: true }), '2026-11-11')[0]?.overdue).toBe(true);
  });
  it('stk. 1: a known need also obliges the municipality to act at once; without either there is no such duty', () => {
    expect(section5aDuties(facts({ knownNeed: true }), '2026-11-10').map((d) => d.kind)).toContain(
      'act_at_once',
    );
    expect(section5aDuties(facts(), '2026-11-10').map((d) => d.kind)).toEqual(['decide_no_help']);
  });
  it('stk. 1: a contact after the notice meets the duty to act at once', () => {
    const contacted = facts({
      childrenUnder18: true,
      actions: [{ kind: 'contact_phone', doneOn: '2026-11-10' }],
    });
    expect(section5aDuties(contacted, '2026-11-12').map((d) => d.kind)).toEqual(['decide_no_help']);
  });
  it('stk. 2: without help, a decision is due no later than 14 days after the bailiff notice', () => {
    const [d] = section5aDuties(facts(), '2026-11-24');
    expect(d).toMatchObject({ kind: 'decide_no_help', dueOn: '2026-11-24', overdue: false });
    expect(section5aDuties(facts(), '2026-11-25')[0]?.overdue).toBe(true);
  });
  it('stk. 2: help given (§ 81, § 81 a, a payment plan, a deposit loan) or a recorded decision ends the duty', () => {
    expect(
      section5aDuties(facts({ actions: [{ kind: 'help_81a', doneOn: '2026-11-12' }] }), '2026-12-30'),
    ).toEqual([]);
    expect(section5aDuties(facts({ noHelpDecisionOn: '2026-11-20' }), '2026-12-30')).toEqual([]);
  });
  it('has no duties before a bailiff notice or once the case is closed', () => {
    expect(section5aDuties(facts({ bailiffNoticeOn: null, childrenUnder18: true }), '2026-11-30')).toEqual(
      [],
    );
    expect(section5aDuties(facts({ closed: true, childrenUnder18: true }), '2026-11-30')).toEqual([]);
  });
});

describe('urgency in the inbox (issue 6 §3)', () => {
  it('puts overdue duties first, then children, then the nearest date', () => {
    const overdue = urgency(
      [{ kind: 'decide_no_help', dueOn: '2026-11-01', overdue: true, law: '' }],
      false,
      null,
    );
    const children = urgency([], true, '2026-12-24');
    const soon = urgency([], false, '2026-11-25');
    const later = urgency([], false, '2026-12-01');
    expect([later, children, soon, overdue].sort(compareUrgency)).toEqual([overdue, children, soon, later]);
  });
});

describe('deposit-loan check (domain.md §5, rule 30; boligstøtteloven chapter 10)', () => {
  it('is mandatory at or below the yearly limit plus 47,100 kr. per child for up to 4 children (2023 figures)', () => {
    expect(depositLoanMandatory(268_556, 0, 2023, DEFAULT_DEPOSIT_LOAN_LIMITS)).toMatchObject({
      mandatory: true,
      limit: 268_556,
    });
    expect(depositLoanMandatory(268_557, 0, 2023, DEFAULT_DEPOSIT_LOAN_LIMITS)?.mandatory).toBe(false);
    expect(depositLoanMandatory(0, 6, 2023, DEFAULT_DEPOSIT_LOAN_LIMITS)?.limit).toBe(268_556 + 4 * 47_100);
  });
  it('uses the latest limit not after the year, and none before the first', () => {
    const limits = [
      ...DEFAULT_DEPOSIT_LOAN_LIMITS,
      { year: 2025, base: 280_000, perChild: 49_000, maxChildren: 4 },
    ];
    expect(depositLoanMandatory(0, 0, 2024, limits)?.limitYear).toBe(2023);
    expect(depositLoanMandatory(0, 0, 2026, limits)?.limitYear).toBe(2025);
    expect(depositLoanMandatory(0, 0, 2020, limits)).toBeNull();
  });
});
