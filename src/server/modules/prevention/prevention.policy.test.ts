import { describe, expect, it } from 'vitest';
import type { Permission, Role } from '../../../shared/permissions';
import {
  actionProblem,
  answerProblem,
  assertCanActOnCase,
  assertCanAnswer,
  assertCanTakeStep,
  canTakeStep,
  decisionProblem,
  departmentProblem,
  mayLinkCitizen,
  noticeSource,
  outcomeProblem,
  PREVENTION_STEPS,
  type PreventionStep,
  periodProblem,
  settingsProblem,
  whereaboutsAfter,
} from './prevention.policy';

/** The prevention permissions each role is granted (migration 0006); other roles have none. */
const GRANTS: Record<Role, Permission[]> = {
  admin: ['prevention.read', 'prevention.manage', 'prevention.reports'],
  prevention: ['prevention.read', 'prevention.manage', 'prevention.reports'],
  caseworker: ['prevention.read'],
  leader: ['prevention.reports'],
  economy: ['prevention.reports'],
  allocation: ['prevention.reports'],
  partner_housing: ['notices.report'],
  support: [],
  partner_shelter: [],
  auditor: [],
};

const as = (role: Role) => ({ permissions: new Set(GRANTS[role]) });

const STEPS = Object.keys(PREVENTION_STEPS) as PreventionStep[];
const MANAGE: PreventionStep[] = [
  'recordNotice',
  'importNotices',
  'recordAction',
  'recordDecision',
  'recordOutcome',
  'changeSettings',
];

/** Role × step: the steps each role may take; every other step is refused. */
const MAY: Record<Role, PreventionStep[]> = {
  admin: ['readCases', ...MANAGE, 'readMonitoring'],
  prevention: ['readCases', ...MANAGE, 'readMonitoring'],
  caseworker: ['readCases'],
  leader: ['readMonitoring'],
  economy: ['readMonitoring'],
  allocation: ['readMonitoring'],
  partner_housing: ['reportNotice'],
  support: [],
  partner_shelter: [],
  auditor: [],
};

describe('who may take which step in eviction prevention', () => {
  const table = (Object.keys(MAY) as Role[]).flatMap((role) =>
    STEPS.map((step) => [role, step, MAY[role].includes(step)] as const),
  );

  it.each(table)('a %s user taking the step %s is allowed: %s', (role, step, allowed) => {
    expect(canTakeStep(as(role), step)).toBe(allowed);
    if (allowed) expect(() => assertCanTakeStep(as(role), step)).not.toThrow();
    else
      expect(() => assertCanTakeStep(as(role), step)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('lets only a housing organisation report notices from outside the municipality', () => {
    const reporters = (Object.keys(MAY) as Role[]).filter((role) => canTakeStep(as(role), 'reportNotice'));
    expect(reporters).toEqual(['partner_housing']);
  });

  it('never lets a housing organisation read the cases or learn which citizen a tenant is', () => {
    expect(canTakeStep(as('partner_housing'), 'readCases')).toBe(false);
    expect(mayLinkCitizen('partner')).toBe(false);
    expect(mayLinkCitizen('form')).toBe(true);
  });
});

describe('notices', () => {
  it('records a housing organisation as a public landlord, whose notices are mandatory (rule 29)', () => {
    expect(noticeSource('partner', 'private_landlord')).toBe('public_landlord');
    expect(noticeSource('form', 'private_landlord')).toBe('private_landlord');
    expect(noticeSource('form', 'bailiff_court')).toBe('bailiff_court');
  });

  it.each([
    ['the form may leave the department out', null, [], 'form', null],
    ['a partner must name a department', null, [], 'partner', 'required'],
    ['the form may name any department of the municipality', 'd1', ['d1'], 'form', null],
    ['the form may not name an unknown department', 'dx', ['d1'], 'form', 'unknown'],
    ['a partner may name its own department', 'd1', ['d1'], 'partner', null],
    [
      "a partner may not name another organisation's department",
      'dx',
      ['d1'],
      'partner',
      'unknown_department',
    ],
  ] as const)('%s', (_name, departmentId, allowed, via, code) => {
    const problem = departmentProblem(departmentId, allowed, via);
    expect(problem?.code ?? null).toBe(code);
  });
});

describe('acting on a case', () => {
  const onDate = '2026-03-10';

  it('takes no more steps on a closed case', () => {
    expect(() => assertCanActOnCase({ status: 'open' })).not.toThrow();
    expect(() => assertCanActOnCase({ status: 'closed' })).toThrow(
      expect.objectContaining({ code: 'CASE_CLOSED' }),
    );
  });

  it.each([
    ['an action done today is recorded', { kind: 'home_visit', doneOn: onDate, respondBy: null }, null],
    [
      'an action is never dated after today',
      { kind: 'home_visit', doneOn: '2026-03-11', respondBy: null },
      'doneOn',
    ],
    [
      'a fast-track request needs the date its answer is due',
      { kind: 'fast_track', doneOn: onDate, respondBy: null },
      'respondBy',
    ],
    [
      'a fast-track request with its answer date is recorded',
      { kind: 'fast_track', doneOn: onDate, respondBy: '2026-03-17' },
      null,
    ],
  ] as const)('%s', (_name, input, path) => {
    expect(actionProblem(input, onDate)?.path ?? null).toBe(path);
  });

  it('answers only a fast-track request, and never with a date after today', () => {
    expect(() => assertCanAnswer({ kind: 'fast_track' })).not.toThrow();
    expect(() => assertCanAnswer({ kind: 'home_visit' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => assertCanAnswer(undefined)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(answerProblem(onDate, onDate)).toBeNull();
    expect(answerProblem('2026-03-11', onDate)).toEqual({ path: 'respondedOn', code: 'future_date' });
  });

  it('records the § 5 a decision that no help is given only as made and with its reason (rule 28)', () => {
    expect(decisionProblem({ decidedOn: onDate, reason: 'Lejer betaler selv' }, onDate)).toBeNull();
    expect(decisionProblem({ decidedOn: '2026-03-11', reason: 'x' }, onDate)).toEqual({
      path: 'decidedOn',
      code: 'future_date',
    });
    expect(decisionProblem({ decidedOn: onDate, reason: '   ' }, onDate)).toEqual({
      path: 'reason',
      code: 'reason_required',
    });
  });

  it('records an outcome on or after the day the case opened, never after today', () => {
    expect(outcomeProblem({ outcomeOn: onDate }, '2026-01-05', onDate)).toBeNull();
    expect(outcomeProblem({ outcomeOn: '2026-03-11' }, '2026-01-05', onDate)?.code).toBe('future_date');
    expect(outcomeProblem({ outcomeOn: '2026-01-04' }, '2026-01-05', onDate)?.code).toBe('before_from');
  });

  it.each([
    ['averted_paid', { situation: 'housed', hasContract: true }],
    ['averted_plan', { situation: 'housed', hasContract: true }],
    ['averted_help', { situation: 'housed', hasContract: true }],
    ['evicted', { situation: 'unknown' }],
    ['moved', null],
  ] as const)('after the outcome %s the citizen is recorded as %o', (outcome, whereabouts) => {
    expect(whereaboutsAfter(outcome)).toEqual(whereabouts);
  });
});

describe('settings and reports', () => {
  const limit = { base: 1, perChild: 1, maxChildren: 1 };

  it('keeps one deposit-loan limit per year (rule 30)', () => {
    expect(settingsProblem({ depositLoanLimits: [{ year: 2023, ...limit }] })).toBeNull();
    expect(
      settingsProblem({
        depositLoanLimits: [
          { year: 2023, ...limit },
          { year: 2023, ...limit },
        ],
      }),
    ).toEqual({ path: 'depositLoanLimits', code: 'taken' });
  });

  it('reports a period that ends on or after its start', () => {
    expect(periodProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(periodProblem('2026-02-01', '2026-01-31')).toEqual({ path: 'to', code: 'end_before_start' });
  });
});
