import { describe, expect, it } from 'vitest';
import type { Permission, Role } from '../../../shared/permissions';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import {
  assertAgreementQuotas,
  assertCanHousing,
  assertContacts,
  assertNoAgreementOverlap,
  assertOrganisationNameFree,
  assertPeriod,
  assertRentBand,
  assertRentInBand,
  boundOn,
  canBeContact,
  canHousing,
  endsBeforeStart,
  firstDuplicateQuota,
  firstForeignQuota,
  HOUSING_ACTIONS,
  type HousingAction,
  inForceOn,
  rentInBand,
} from './housing.policy';

/** The grants of the migrations (0004 housing, 0005 allocation, 0006 prevention) that the policy reads. */
const GRANTS: Record<Role, Permission[]> = {
  admin: ['housing.read', 'housing.manage', 'allocation.read'],
  allocation: ['housing.read', 'housing.manage', 'allocation.read'],
  caseworker: ['housing.read', 'allocation.read'],
  leader: ['housing.read'],
  economy: ['housing.read'],
  prevention: ['housing.read'],
  support: [],
  partner_housing: [],
  partner_shelter: [],
  auditor: [],
};

const actorOf = (role: Role): Actor => ({
  userId: 'u',
  username: role,
  municipalityId: 'm',
  role,
  permissions: new Set(GRANTS[role]),
  clientIp: null,
});

/** Role × action: ✓ may, · may not. Columns in the order of HOUSING_ACTIONS. */
const MATRIX: Record<Role, string> = {
  //               view manage applicants pool-tasks
  admin: '✓✓✓✓',
  allocation: '✓✓✓✓',
  caseworker: '✓·✓·',
  leader: '✓···',
  economy: '✓···',
  prevention: '✓···',
  support: '····',
  partner_housing: '····',
  partner_shelter: '····',
  auditor: '····',
};

const table = Object.entries(MATRIX).flatMap(([role, row]) =>
  HOUSING_ACTIONS.map((action, i) => [role as Role, action, [...row][i] === '✓'] as const),
);

/** The field error an assert… throws, or undefined when it passes. */
function fieldError(fn: () => void) {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, field: error.fields?.[0] };
  }
}

describe('who may do what with the housing supply', () => {
  it.each(table)('a %s user may %s: %s', (role, action: HousingAction, allowed) => {
    expect(canHousing(actorOf(role), action)).toBe(allowed);
  });

  it('refuses an action the user may not take with FORBIDDEN', () => {
    expect(fieldError(() => assertCanHousing(actorOf('leader'), 'manage'))?.code).toBe('FORBIDDEN');
    expect(fieldError(() => assertCanHousing(actorOf('allocation'), 'manage'))).toBeUndefined();
  });
});

describe('organisation contacts', () => {
  it('only a housing-organisation user can act for an organisation', () => {
    expect(canBeContact({ role_code: 'partner_housing' })).toBe(true);
    expect(canBeContact({ role_code: 'allocation' })).toBe(false);
  });

  it('names the first requested user who is not a housing-organisation user of the municipality', () => {
    const users = [
      { id: 'p1', role_code: 'partner_housing' },
      { id: 'c1', role_code: 'caseworker' },
    ];
    expect(fieldError(() => assertContacts(['p1'], users))).toBeUndefined();
    expect(fieldError(() => assertContacts(['p1', 'c1'], users))?.field).toEqual({
      path: 'userIds.1',
      code: 'not_partner',
    });
    expect(fieldError(() => assertContacts(['unknown'], users))?.field).toEqual({
      path: 'userIds.0',
      code: 'not_partner',
    });
  });

  it('an organisation may keep its own name, but not take another organisation’s', () => {
    expect(fieldError(() => assertOrganisationNameFree(undefined, null))).toBeUndefined();
    expect(fieldError(() => assertOrganisationNameFree({ id: 'o1' }, 'o1'))).toBeUndefined();
    expect(fieldError(() => assertOrganisationNameFree({ id: 'o1' }, 'o2'))?.code).toBe('HOUSING_NAME_TAKEN');
    expect(fieldError(() => assertOrganisationNameFree({ id: 'o1' }, null))?.code).toBe('HOUSING_NAME_TAKEN');
  });
});

describe('periods', () => {
  it.each([
    ['2026-01-01', '2026-12-31', false],
    ['2026-01-01', '2026-01-01', false],
    ['2026-01-01', null, false],
    ['2026-01-01', '2025-12-31', true],
  ] as const)('a period from %s to %s ends before it starts: %s', (from, to, backwards) => {
    expect(endsBeforeStart(from, to)).toBe(backwards);
  });

  it('refuses a backwards period on the named end field', () => {
    expect(fieldError(() => assertPeriod('2026-02-01', '2026-01-31', 'boundTo'))?.field).toEqual({
      path: 'boundTo',
      code: 'end_before_start',
    });
  });

  it('an agreement is in force from its first day through its last, or for ever when open', () => {
    const closed = { valid_from: '2026-01-01', valid_to: '2026-06-30' };
    expect(inForceOn(closed, '2025-12-31')).toBe(false);
    expect(inForceOn(closed, '2026-01-01')).toBe(true);
    expect(inForceOn(closed, '2026-06-30')).toBe(true);
    expect(inForceOn(closed, '2026-07-01')).toBe(false);
    expect(inForceOn({ valid_from: '2026-01-01', valid_to: null }, '2099-01-01')).toBe(true);
  });
});

describe('framework agreements', () => {
  const own = new Set(['d1', 'd2']);

  it('finds the first quota for a department that is not the organisation’s', () => {
    expect(firstForeignQuota([{ departmentId: 'd1', unitType: 'family' }], own)).toBe(-1);
    expect(
      firstForeignQuota(
        [
          { departmentId: 'd1', unitType: 'family' },
          { departmentId: 'x', unitType: 'family' },
        ],
        own,
      ),
    ).toBe(1);
  });

  it('finds the first quota that repeats a department and unit type', () => {
    const quotas = [
      { departmentId: 'd1', unitType: 'family' },
      { departmentId: 'd1', unitType: 'youth' },
      { departmentId: 'd2', unitType: 'family' },
      { departmentId: 'd1', unitType: 'family' },
    ];
    expect(firstDuplicateQuota(quotas.slice(0, 3))).toBe(-1);
    expect(firstDuplicateQuota(quotas)).toBe(3);
  });

  it('reports a foreign department before a duplicate', () => {
    const quotas = [
      { departmentId: 'd1', unitType: 'family' },
      { departmentId: 'd1', unitType: 'family' },
      { departmentId: 'x', unitType: 'family' },
    ];
    expect(fieldError(() => assertAgreementQuotas(quotas, own))?.field).toEqual({
      path: 'quotas.2.departmentId',
      code: 'invalid',
    });
    expect(fieldError(() => assertAgreementQuotas(quotas.slice(0, 2), own))?.field).toEqual({
      path: 'quotas.1.unitType',
      code: 'duplicate',
    });
  });

  it('refuses an overlapping agreement, naming the first department and agreement it clashes with', () => {
    expect(fieldError(() => assertNoAgreementOverlap([]))).toBeUndefined();
    let thrown: unknown;
    try {
      assertNoAgreementOverlap([
        { department_number: '12', agreement_name: 'Rammeaftale 2023' },
        { department_number: '13', agreement_name: 'Rammeaftale 2023' },
      ]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('AGREEMENT_OVERLAP');
    expect((thrown as AppError).params).toEqual({
      departmentNumber: '12',
      agreementName: 'Rammeaftale 2023',
    });
    expect((thrown as AppError).fields).toEqual([{ path: 'validFrom', code: 'agreement_overlap' }]);
  });
});

describe('rent-subsidy pools', () => {
  const band = { rentMin: 4500, rentMax: 5000 };

  it.each([
    [4499, false],
    [4500, true],
    [4750, true],
    [5000, true],
    [5001, false],
  ])('a rent of %s kr. is within the band 4,500–5,000 kr.: %s', (rent, inside) => {
    expect(rentInBand(rent, band)).toBe(inside);
  });

  it('refuses a unit outside the band on the rent field', () => {
    expect(fieldError(() => assertRentInBand(5001, band))?.field).toEqual({
      path: 'rent',
      code: 'outside_band',
    });
  });

  it('refuses a pool whose maximum rent is below its minimum', () => {
    expect(fieldError(() => assertRentBand({ rentMin: 5000, rentMax: 5000 }))).toBeUndefined();
    expect(fieldError(() => assertRentBand({ rentMin: 5000, rentMax: 4999 }))?.field).toEqual({
      path: 'rentMax',
      code: 'below_min',
    });
  });

  it('a unit counts in its pool through the last day of its binding, and for ever when open', () => {
    expect(boundOn({ bound_to: null }, '2030-01-01')).toBe(true);
    expect(boundOn({ bound_to: '2026-06-30' }, '2026-06-30')).toBe(true);
    expect(boundOn({ bound_to: '2026-06-30' }, '2026-07-01')).toBe(false);
  });
});
