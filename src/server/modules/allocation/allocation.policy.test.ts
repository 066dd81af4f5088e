import { describe, expect, it } from 'vitest';
import {
  APPLICATION_ACTIONS,
  type ApplicationAction,
  DEFAULT_ALLOCATION_SETTINGS,
} from '../../../shared/allocation/model';
import type { Permission, Role } from '../../../shared/permissions';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import {
  assertMayHoldAnotherOffer,
  assertMayTake,
  assertMayUpdateApplication,
  assertOnWaitingList,
  declineCountsAsRefusal,
  mayReceiveOffer,
  mayTake,
  mayUpdateApplication,
  noReplyCountsAsRefusal,
  refusalConsequence,
  seesExactWaitingCounts,
} from './allocation.policy';

/** The allocation permissions each role is granted (migration 2026-11-21-0005-allocation). */
const GRANTS: Record<Role, Permission[]> = {
  admin: ['allocation.apply', 'allocation.read', 'allocation.manage', 'allocation.reports'],
  caseworker: ['allocation.apply', 'allocation.read'],
  allocation: ['allocation.read', 'allocation.manage', 'allocation.reports'],
  support: [],
  prevention: [],
  leader: ['allocation.reports'],
  economy: ['allocation.reports'],
  partner_housing: ['vacancies.report'],
  partner_shelter: [],
  auditor: [],
};

const actorOf = (role: Role): Actor => ({
  userId: `user-${role}`,
  username: role,
  municipalityId: 'm',
  role,
  permissions: new Set(GRANTS[role]),
  clientIp: null,
});

/** Who may take each step of an application: officer (allocation.manage), caseworker (allocation.apply), neither. */
const officer = ['admin', 'allocation'] as const;
const caseworker = ['admin', 'caseworker'] as const;
const MAY: Record<ApplicationAction, readonly Role[]> = {
  approve: officer,
  reject: officer,
  request_info: officer,
  pause: officer,
  resume: officer,
  remove: officer,
  resubmit: caseworker,
  withdraw: ['admin', 'caseworker', 'allocation'],
  house: [],
};

const forbids = (fn: () => void, code: string) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError && error.code === code;
  }
  return false;
};

describe('who may take which step of an application (role × action)', () => {
  const table = (Object.keys(GRANTS) as Role[]).flatMap((role) =>
    APPLICATION_ACTIONS.map((action) => [role, action, MAY[action].includes(role)] as const),
  );

  it.each(table)('a %s user taking "%s" is allowed: %s', (role, action, allowed) => {
    expect(mayTake(actorOf(role), action)).toBe(allowed);
  });

  it.each(table)(
    'a %s user taking "%s" is refused with FORBIDDEN unless allowed (%s)',
    (role, action, allowed) => {
      const check = () => assertMayTake(actorOf(role), action);
      if (allowed) expect(check).not.toThrow();
      else expect(forbids(check, 'FORBIDDEN')).toBe(true);
    },
  );

  it('only the allocation officer assesses: the caseworker recommends but cannot approve their own recommendation', () => {
    expect(mayTake(actorOf('caseworker'), 'approve')).toBe(false);
    expect(mayTake(actorOf('allocation'), 'approve')).toBe(true);
  });

  it('nobody houses an applicant by hand: the move-in record does it', () => {
    for (const role of Object.keys(GRANTS) as Role[]) expect(mayTake(actorOf(role), 'house')).toBe(false);
  });
});

describe('an application can be changed only while it is open', () => {
  it.each([
    ['submitted', true],
    ['needs_info', true],
    ['approved', true],
    ['paused', true],
    ['rejected', false],
    ['removed', false],
    ['housed', false],
    ['withdrawn', false],
  ] as const)('an application that is %s may be changed: %s', (status, allowed) => {
    expect(mayUpdateApplication(status)).toBe(allowed);
    const check = () => assertMayUpdateApplication(status);
    if (allowed) expect(check).not.toThrow();
    else expect(forbids(check, 'APPLICATION_TRANSITION_NOT_ALLOWED')).toBe(true);
  });
});

describe('a unit is offered only to an applicant on the waiting list with room for another offer', () => {
  const settings = { maxLiveOffers: 1 };

  it.each([
    ['approved', 0, true],
    ['approved', 1, false],
    ['paused', 0, false],
    ['submitted', 0, false],
  ] as const)(
    'an application that is %s with %i live offers may receive an offer: %s',
    (status, live, allowed) => {
      expect(mayReceiveOffer(status, live, settings)).toBe(allowed);
    },
  );

  it('an application not approved is refused with APPLICATION_NOT_ON_LIST', () => {
    expect(forbids(() => assertOnWaitingList('paused'), 'APPLICATION_NOT_ON_LIST')).toBe(true);
    expect(() => assertOnWaitingList('approved')).not.toThrow();
  });

  it('an applicant at the live-offer limit is refused with APPLICANT_HAS_LIVE_OFFER', () => {
    expect(forbids(() => assertMayHoldAnotherOffer(1, settings), 'APPLICANT_HAS_LIVE_OFFER')).toBe(true);
    expect(() => assertMayHoldAnotherOffer(1, { maxLiveOffers: 2 })).not.toThrow();
  });
});

describe('refusals follow local policy (domain.md rule 25)', () => {
  const settings = { ...DEFAULT_ALLOCATION_SETTINGS, refusalReasons: ['no_reason', 'personal'] as const };

  it('a decline counts as a refusal only for a reason the municipality lists', () => {
    expect(declineCountsAsRefusal({ refusalReasons: [...settings.refusalReasons] }, 'no_reason')).toBe(true);
    expect(declineCountsAsRefusal({ refusalReasons: [...settings.refusalReasons] }, 'health')).toBe(false);
  });

  it('no answer by the deadline counts as a refusal only when the municipality says so', () => {
    expect(noReplyCountsAsRefusal({ noReplyCountsAsRefusal: true })).toBe(true);
    expect(noReplyCountsAsRefusal({ noReplyCountsAsRefusal: false })).toBe(false);
  });

  it.each([
    [1, 'pause', null],
    [2, 'pause', 'pause'],
    [3, 'pause', 'pause'],
    [2, 'remove', 'remove'],
    [2, 'warn', null],
    [5, 'warn', null],
  ] as const)(
    '%i refusals against a limit of 2 with the consequence "%s" lead to: %s',
    (refusals, consequence, expected) => {
      expect(refusalConsequence({ refusalLimit: 2, refusalConsequence: consequence }, refusals)).toBe(
        expected,
      );
    },
  );
});

describe('seesExactWaitingCounts (design.md §2 "insight": n < 5 outside case work; issue 14 §3)', () => {
  it('gives exact waiting-list counts to the roles that work the cases, suppressed ones to leader and economy', () => {
    const exact = (['admin', 'caseworker', 'allocation', 'leader', 'economy'] as const).filter((role) =>
      seesExactWaitingCounts(actorOf(role)),
    );
    expect(exact).toEqual(['admin', 'caseworker', 'allocation']);
  });
});
