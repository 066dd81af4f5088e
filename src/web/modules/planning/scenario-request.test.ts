import { describe, expect, it } from 'vitest';
import type { PlanningBaseline } from '../../../shared/planning/api';
import { formField, initialValues, isBaseline, newBuild, readScenario } from './scenario-request';

const ORG_A = '11111111-1111-4111-8111-111111111111';
const ORG_B = '22222222-2222-4222-8222-222222222222';

const baseline = {
  asOf: '2026-12-09',
  fittedUpTo: '2026-11-30',
  fitMonths: 48,
  past: {
    monthEnds: [],
    series: { homeless: [], waiting: [], shelter: [], housedWithSupport: [], atRisk: [] },
  },
  supply: {
    organisations: [
      { id: ORG_A, name: 'Boligselskabet A', quotaPercent: 25, perYear: 12.5 },
      { id: ORG_B, name: 'Boligselskabet B', quotaPercent: 33.3333, perYear: 4 },
    ],
    builds: [],
    agreementsPerYear: 16.5,
    otherPerYear: 3,
    usedShare: 0.8,
    acceptanceShare: 0.9,
  },
  staffing: {
    cti: { fte: 2, caseloadNorm: 12, capacity: 24 },
    icm: { fte: 3.5, caseloadNorm: 15, capacity: 52.5 },
    act: { fte: 0, caseloadNorm: null, capacity: 0 },
  },
  assumptions: { shelterStayMonths: 4.56789, preventionSuccessPercent: 62.5, inflowPerMonth: 7.2 },
  economics: {
    netPerShelterDay: 900,
    shelterRefundShare: 0.5,
    supportMonthlyCost: { cti: 5000, icm: 6000, act: 9000 },
    supportRefundShare: 0.5,
  },
} satisfies PlanningBaseline;

const start = initialValues(baseline, 'Basis');

describe('the scenario form: only what changed is sent', () => {
  it('starts from today: quotas, staffing, stay and prevention as the form shows them', () => {
    expect(start.years).toBe('5');
    expect(start.quotas).toEqual({ [ORG_A]: '25', [ORG_B]: '33,33' });
    expect(start.staffing.icm).toEqual({ fte: '3,5', caseloadNorm: '15' });
    expect(start.staffing.act).toEqual({ fte: '0', caseloadNorm: '' });
    expect(start.shelterStayMonths).toBe('4,57');
    expect(start.preventionSuccessPercent).toBe('62,5');
  });

  it('sends an unchanged form as the baseline: the name and the years only', () => {
    const { request, problems } = readScenario(start, start, baseline);
    expect(problems).toEqual([]);
    expect(request).toEqual({ name: 'Basis', scenario: { years: 5 } });
    expect(request && isBaseline(request.scenario)).toBe(true);
  });

  it('keeps a value typed as it was shown (a rounded quota or stay) unchanged', () => {
    const values = { ...start, quotas: { ...start.quotas, [ORG_B]: '33.33' }, shelterStayMonths: ' 4,57 ' };
    expect(readScenario(values, start, baseline).request?.scenario).toEqual({ years: 5 });
  });

  it('sends a changed quota, a new build, changed staffing, stay and prevention', () => {
    const values = {
      ...start,
      name: '  Højere kvote  ',
      years: '3',
      quotas: { ...start.quotas, [ORG_A]: '40' },
      builds: [{ ...newBuild(1), readyDate: '01.06.2027', units: '1.200', allocationPercent: '50' }],
      staffing: {
        ...start.staffing,
        cti: { fte: '4', caseloadNorm: '12' },
        act: { fte: '0', caseloadNorm: '8' },
      },
      shelterStayMonths: '3',
      preventionSuccessPercent: '70,5',
    };
    const { request, problems } = readScenario(values, start, baseline);
    expect(problems).toEqual([]);
    expect(request).toEqual({
      name: 'Højere kvote',
      scenario: {
        years: 3,
        quotaPercent: { [ORG_A]: 40 },
        builds: [{ readyDate: '2027-06-01', units: 1200, allocationPercent: 50 }],
        staffing: { cti: { fte: 4 }, act: { caseloadNorm: 8 } },
        shelterStayMonths: 3,
        preventionSuccessPercent: 70.5,
      },
    });
    expect(request && isBaseline(request.scenario)).toBe(false);
  });

  it('names each field whose value cannot be sent, by the request path', () => {
    const values = {
      ...start,
      name: ' ',
      quotas: { ...start.quotas, [ORG_A]: '120' },
      builds: [
        { ...newBuild(1), readyDate: '31.13.2027', units: '0', allocationPercent: '' },
        { ...newBuild(2), readyDate: '15.11.2026', units: '2,5' },
      ],
      staffing: { ...start.staffing, cti: { fte: 'mange', caseloadNorm: '' } },
      shelterStayMonths: '0,1',
      preventionSuccessPercent: '',
    };
    const { request, problems } = readScenario(values, start, baseline);
    expect(request).toBeUndefined();
    expect(problems).toEqual([
      { path: 'name', code: 'required' },
      { path: `scenario.quotaPercent.${ORG_A}`, code: 'percent_range' },
      { path: 'scenario.builds.0.readyDate', code: 'invalid_date' },
      { path: 'scenario.builds.0.units', code: 'planning_whole_range', params: { min: '1', max: '5000' } },
      { path: 'scenario.builds.0.allocationPercent', code: 'required' },
      {
        path: 'scenario.builds.1.readyDate',
        code: 'planning_before_forecast',
        params: { date: '30.11.2026' },
      },
      { path: 'scenario.builds.1.units', code: 'planning_whole_range', params: { min: '1', max: '5000' } },
      { path: 'scenario.staffing.cti.fte', code: 'number' },
      { path: 'scenario.staffing.cti.caseloadNorm', code: 'required' },
      { path: 'scenario.shelterStayMonths', code: 'planning_range', params: { min: '0,25', max: '36' } },
      { path: 'scenario.preventionSuccessPercent', code: 'required' },
    ]);
  });

  it('leaves out an empty norm or prevention that had no value today', () => {
    const none = initialValues(
      { ...baseline, assumptions: { ...baseline.assumptions, preventionSuccessPercent: null } },
      'B',
    );
    expect(none.preventionSuccessPercent).toBe('');
    expect(readScenario(none, none, baseline).request?.scenario).toEqual({ years: 5 });
    const typed = { ...none, preventionSuccessPercent: '50' };
    expect(readScenario(typed, none, baseline).request?.scenario).toEqual({
      years: 5,
      preventionSuccessPercent: 50,
    });
  });

  it('takes a caseload norm as a whole number from 1 to 100, as the server does', () => {
    const values = { ...start, staffing: { ...start.staffing, icm: { fte: '3,5', caseloadNorm: '12,5' } } };
    expect(readScenario(values, start, baseline).problems).toEqual([
      {
        path: 'scenario.staffing.icm.caseloadNorm',
        code: 'planning_whole_range',
        params: { min: '1', max: '100' },
      },
    ]);
  });

  it("turns the server's range problems into the field's own", () => {
    expect(formField({ path: 'scenario.staffing.icm.fte', code: 'too_big' })).toEqual({
      path: 'scenario.staffing.icm.fte',
      code: 'planning_range',
      params: { min: '0', max: '500' },
    });
    expect(formField({ path: `scenario.quotaPercent.${ORG_A}`, code: 'too_small' })).toEqual({
      path: `scenario.quotaPercent.${ORG_A}`,
      code: 'percent_range',
    });
    expect(formField({ path: 'scenario.builds', code: 'too_big' })?.code).toBe('planning_too_many');
    expect(formField({ path: 'name', code: 'required' })).toBeNull();
  });
});
