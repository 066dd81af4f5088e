import { describe, expect, it } from 'vitest';
import { monthsBefore } from '../dates';
import {
  type ApplicationFacts,
  areaBlocks,
  areaStatusOn,
  assessCandidate,
  blockingCriteria,
  compareCandidates,
  disposableRequired,
  type MemberFacts,
  maxRent,
  section59Criteria,
  sixConsecutiveMonths,
  type VacancyFacts,
  withinSixMonths,
  youthEligible,
} from './eligibility';
import { DEFAULT_ALLOCATION_SETTINGS } from './model';

const member = (over: Partial<MemberFacts> = {}): MemberFacts => ({
  name: 'Ansøger',
  role: 'applicant',
  birthDate: '1990-01-01',
  citizenship: 'danish',
  student: false,
  prisonReleasedOn: null,
  youthInstitutionReleasedOn: null,
  leaseTerminatedMisconductOn: null,
  benefits: [],
  ...over,
});
const criteria = (m: MemberFacts, ref = '2026-11-15') => section59Criteria(m, ref).map((h) => h.criterion);

describe('dates of the § 59 windows', () => {
  it('goes back whole calendar months, clamped to the month end', () => {
    expect(monthsBefore('2026-11-15', 6)).toBe('2026-05-15');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
  });
  it('counts an event within the last 6 months up to the reference date, not later or earlier', () => {
    expect(withinSixMonths('2026-05-16', '2026-11-15')).toBe(true);
    expect(withinSixMonths('2026-05-15', '2026-11-15')).toBe(false);
    expect(withinSixMonths('2026-11-16', '2026-11-15')).toBe(false);
    expect(withinSixMonths(null, '2026-11-15')).toBe(false);
  });
});

describe('almenboligloven § 59 stk. 6 criteria (domain.md §4, rule 21)', () => {
  it('nr. 1: a member released from serving a sentence within the last 6 months', () => {
    expect(criteria(member({ prisonReleasedOn: '2026-08-01' }))).toEqual([1]);
    expect(criteria(member({ prisonReleasedOn: '2026-04-01' }))).toEqual([]);
  });
  it('nr. 2: a member under 18 released from a youth institution after a sentence, not an adult', () => {
    expect(criteria(member({ birthDate: '2010-01-01', youthInstitutionReleasedOn: '2026-09-01' }))).toEqual([
      2,
    ]);
    expect(criteria(member({ birthDate: '2000-01-01', youthInstitutionReleasedOn: '2026-09-01' }))).toEqual(
      [],
    );
  });
  it('nr. 3: a lease terminated for serious breaches of good conduct within the last 6 months', () => {
    expect(criteria(member({ leaseTerminatedMisconductOn: '2026-10-01' }))).toEqual([3]);
    expect(criteria(member({ leaseTerminatedMisconductOn: '2025-10-01' }))).toEqual([]);
  });
  it('nr. 4: not a citizen of the EU, EEA or Switzerland, with students excepted', () => {
    expect(criteria(member({ citizenship: 'other' }))).toEqual([4]);
    expect(criteria(member({ citizenship: 'other', student: true }))).toEqual([]);
    expect(criteria(member({ citizenship: 'eu_eea_ch' }))).toEqual([]);
  });
  it('nr. 5: 6 consecutive calendar months of cash assistance and the like, across the four benefits', () => {
    const six = member({
      benefits: [
        { benefit: 'uddannelseshjaelp', from: '2026-05-01', to: '2026-07-31' },
        { benefit: 'kontanthjaelp', from: '2026-08-01', to: null },
      ],
    });
    expect(criteria(six)).toEqual([5]);
    const gap = member({
      benefits: [
        { benefit: 'kontanthjaelp', from: '2026-05-01', to: '2026-07-31' },
        { benefit: 'kontanthjaelp', from: '2026-09-01', to: null },
      ],
    });
    expect(criteria(gap)).toEqual([]);
    const five = member({ benefits: [{ benefit: 'kontanthjaelp', from: '2026-06-01', to: null }] });
    expect(criteria(five)).toEqual([]);
  });
  it('nr. 5 and § 51 b: the 6 months are counted per person, never added up across the household', () => {
    const applicantMonths = member({
      benefits: [{ benefit: 'kontanthjaelp', from: '2026-05-01', to: '2026-07-31' }],
    });
    const spouseMonths = member({
      name: 'Ægtefælle',
      role: 'spouse',
      benefits: [{ benefit: 'kontanthjaelp', from: '2026-08-01', to: '2026-10-31' }],
    });
    expect(areaBlocks([applicantMonths, spouseMonths], 'udsat', '2026-11-15')).toEqual([]);
    const spouseSix = {
      ...spouseMonths,
      benefits: [{ benefit: 'kontanthjaelp' as const, from: '2026-05-01', to: null }],
    };
    expect(areaBlocks([applicantMonths, spouseSix], 'udsat', '2026-11-15')).toEqual([
      { criterion: 5, member: 'Ægtefælle', detail: '2026-05–2026-10' },
    ]);
  });
  it('nr. 6: receives early retirement pension on the date', () => {
    expect(
      criteria(member({ benefits: [{ benefit: 'foertidspension', from: '2020-01-01', to: null }] })),
    ).toEqual([6]);
    expect(
      criteria(member({ benefits: [{ benefit: 'foertidspension', from: '2020-01-01', to: '2025-12-31' }] })),
    ).toEqual([]);
  });
  it('nr. 7: 6 consecutive months of unemployment, sickness or resource-course benefit', () => {
    const m = member({ benefits: [{ benefit: 'sygedagpenge', from: '2026-04-10', to: null }] });
    expect(criteria(m)).toEqual([7]);
    expect(sixConsecutiveMonths(m.benefits, ['dagpenge'], '2026-11-15').met).toBe(false);
  });
});

describe('where the criteria block (domain.md rules 21–22)', () => {
  it('blocks every § 59 stk. 6 criterion in vulnerable areas, parallel societies and conversion areas', () => {
    for (const status of ['udsat', 'parallelsamfund', 'omdannelse'] as const)
      expect(blockingCriteria(status)).toEqual({ paragraph: 'p59_6', criteria: [1, 2, 3, 4, 5, 6, 7] });
  });
  it('§ 59 stk. 7: blocks criteria 1–5 in prevention areas but not early retirement or unemployment/sickness benefit', () => {
    expect(blockingCriteria('forebyggelse')).toEqual({ paragraph: 'p59_7', criteria: [1, 2, 3, 4, 5] });
    const pension = member({ benefits: [{ benefit: 'foertidspension', from: '2020-01-01', to: null }] });
    expect(areaBlocks([pension], 'forebyggelse', '2026-11-15')).toEqual([]);
    expect(areaBlocks([pension], 'parallelsamfund', '2026-11-15').map((h) => h.criterion)).toEqual([6]);
  });
  it('blocks nothing in a normal area or where no status is recorded', () => {
    expect(blockingCriteria('normal')).toBeNull();
    expect(blockingCriteria(null)).toBeNull();
  });
});

describe('youth units (domain.md §4, rule 26)', () => {
  it('takes young people under the age bound in education, about to start one, or with a special need', () => {
    const none = { inEducation: false, educationPlanned: false, youthSpecialNeed: false };
    expect(youthEligible({ ...none, inEducation: true }, 22, 30)).toEqual({
      eligible: true,
      key: 'youth.inEducation',
    });
    expect(youthEligible({ ...none, educationPlanned: true }, 22, 30).eligible).toBe(true);
    expect(youthEligible({ ...none, youthSpecialNeed: true }, 29, 30).eligible).toBe(true);
    expect(youthEligible(none, 22, 30)).toEqual({ eligible: false, key: 'youth.noGround' });
    expect(youthEligible({ ...none, inEducation: true }, 30, 30)).toEqual({
      eligible: false,
      key: 'youth.tooOld',
    });
  });
});

describe('rent against ability to pay (issue 5 §1, issue 14 §3)', () => {
  it('ships a rådighedsbeløb above 0 kr. per adult and per child', () => {
    expect(DEFAULT_ALLOCATION_SETTINGS.disposablePerAdult).toBeGreaterThan(0);
    expect(DEFAULT_ALLOCATION_SETTINGS.disposablePerChild).toBeGreaterThan(0);
  });
  it('fails a rent that leaves the household less than its rådighedsbeløb, and shows what is left', () => {
    const settings = { disposablePerAdult: 3_600, disposablePerChild: 1_300 };
    // 12 000 income − 2 000 fixed costs − 5 600 rent leaves 4 400: enough for one adult (3 600) …
    expect(maxRent(12_000, 2_000, { adults: 1, children: 0 }, settings)).toBe(6_400);
    // … but not for an adult and a child (4 900): the highest rent is then 5 100.
    expect(disposableRequired({ adults: 1, children: 1 }, settings)).toBe(4_900);
    expect(maxRent(12_000, 2_000, { adults: 1, children: 1 }, settings)).toBe(5_100);
  });
  it('leaves income minus fixed costs minus what each adult and child must keep', () => {
    expect(
      maxRent(
        15_000,
        3_000,
        { adults: 2, children: 1 },
        { disposablePerAdult: 2_000, disposablePerChild: 1_000 },
      ),
    ).toBe(7_000);
    expect(
      maxRent(5_000, 6_000, { adults: 1, children: 0 }, { disposablePerAdult: 0, disposablePerChild: 0 }),
    ).toBe(0);
  });
});

describe('assessing one candidate against one vacancy', () => {
  const app = (over: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
    status: 'approved',
    pausedUntil: null,
    targetGrounds: ['special_social'],
    roomsMin: 1,
    roomsMax: 2,
    monthlyIncome: 12_000,
    fixedCosts: 2_000,
    accessibleNeed: false,
    wishedDepartmentIds: [],
    excludedDepartmentIds: [],
    youthWish: false,
    inEducation: false,
    educationPlanned: false,
    youthSpecialNeed: false,
    members: [member()],
    liveOffers: 0,
    ...over,
  });
  const vacancy: VacancyFacts = {
    departmentId: 'd1',
    unitType: 'family',
    rooms: 2,
    rent: 5_000,
    utilities: 500,
    accessible: false,
    areaStatuses: [{ validFrom: '2025-12-01', status: 'udsat' }],
  };
  const onDate = '2026-11-15';
  const fails = (a: ApplicationFacts, v = vacancy, on = onDate) =>
    assessCandidate(a, v, DEFAULT_ALLOCATION_SETTINGS, on)
      .checks.filter((c) => c.outcome === 'fail')
      .map((c) => c.key);

  it('passes an applicant who fits every rule, with a check per rule', () => {
    const result = assessCandidate(app(), vacancy, DEFAULT_ALLOCATION_SETTINGS, onDate);
    expect(result.eligible).toBe(true);
    expect(result.checks.map((c) => c.key)).toEqual([
      'status.onList',
      'liveOffer.none',
      'unitType.family',
      'rooms.fits',
      'rent.fits',
      'accessibility.notNeeded',
      'area.noWishes',
      'p59_6.clear',
    ]);
  });
  it('names each reason an applicant is not matched', () => {
    expect(fails(app({ roomsMin: 3, roomsMax: null }))).toEqual(['rooms.tooFew']);
    expect(fails(app({ monthlyIncome: 7_000 }))).toEqual(['rent.tooHigh']);
    expect(fails(app({ accessibleNeed: true }))).toEqual(['accessibility.missing']);
    expect(fails(app({ excludedDepartmentIds: ['d1'] }))).toEqual(['area.excluded']);
    expect(fails(app({ liveOffers: 1 }))).toEqual(['liveOffer.holds']);
    expect(fails(app({ status: 'paused', pausedUntil: '2027-01-01' }))).toEqual(['status.paused']);
    expect(fails(app({ members: [member({ citizenship: 'other' })] }))).toEqual(['p59_6.criterion4']);
    expect(fails(app(), { ...vacancy, unitType: 'youth' })).toEqual(['youth.notWished']);
    expect(fails(app(), { ...vacancy, unitType: 'elderly' })).toEqual(['unitType.elderlyNotTarget']);
  });
  it('uses the area status in force on the date judged: § 59 stk. 7 in a prevention area', () => {
    const pension = app({
      members: [member({ benefits: [{ benefit: 'foertidspension', from: '2020-01-01', to: null }] })],
    });
    const prevention = {
      ...vacancy,
      areaStatuses: [{ validFrom: '2025-12-01', status: 'forebyggelse' as const }],
    };
    expect(fails(pension, prevention)).toEqual([]);
    expect(fails(pension)).toEqual(['p59_6.criterion6']);
  });

  it('§ 59 stk. 6: judges the area status and the household on the same date, the date the offer is made', () => {
    // The department became a vulnerable area on 1 December 2026 (domain.md rule 24); the unit was
    // available from 15 November, and the offer is made on 10 December. A member was released from
    // prison on 1 August: within 6 months on both dates.
    const changed = {
      ...vacancy,
      areaStatuses: [
        { validFrom: '2025-12-01', status: 'normal' as const },
        { validFrom: '2026-12-01', status: 'udsat' as const },
      ],
    };
    const released = app({ members: [member({ prisonReleasedOn: '2026-08-01' })] });
    // On the offer date the department is udsat, so § 59 stk. 6 nr. 1 forbids the allocation.
    expect(fails(released, changed, '2026-12-10')).toEqual(['p59_6.criterion1']);
    const check = assessCandidate(released, changed, DEFAULT_ALLOCATION_SETTINGS, '2026-12-10').checks.find(
      (c) => c.rule === 'p59_6',
    );
    expect(check?.params).toMatchObject({ status: 'udsat', onDate: '2026-12-10' });
    // On the available date it was not yet a vulnerable area: judged then, nothing blocks.
    expect(fails(released, changed, '2026-11-15')).toEqual([]);
    // And a member released in mid-June is within 6 months on 10 December but no longer on 20 December,
    // when the area is still udsat: the facts move with the same date as the area status.
    const june = app({ members: [member({ prisonReleasedOn: '2026-06-15' })] });
    expect(fails(june, changed, '2026-12-10')).toEqual(['p59_6.criterion1']);
    expect(fails(june, changed, '2026-12-20')).toEqual([]);
  });

  it('with the shipped rådighedsbeløb, fails a rent the income covers but that leaves less than it to live on', () => {
    // 9 000 − 2 000 fixed costs − 5 500 rent leaves 1 500 kr.: the rent is "paid", but the adult
    // must keep the rådighedsbeløb (with 0 kr. shipped, this passed).
    const result = assessCandidate(
      app({ monthlyIncome: 9_000 }),
      vacancy,
      DEFAULT_ALLOCATION_SETTINGS,
      onDate,
    );
    const rent = result.checks.find((c) => c.rule === 'rent');
    expect(rent).toMatchObject({
      outcome: 'fail',
      key: 'rent.tooHigh',
      params: { total: 5_500, left: 1_500, required: DEFAULT_ALLOCATION_SETTINGS.disposablePerAdult },
    });
    expect(result.eligible).toBe(false);
    const fits = assessCandidate(app(), vacancy, DEFAULT_ALLOCATION_SETTINGS, onDate).checks.find(
      (c) => c.rule === 'rent',
    );
    expect(fits).toMatchObject({ outcome: 'pass', params: { left: 4_500 } });
  });

  it('reads the area status in force on a date from the date-versioned statuses', () => {
    const periods = [
      { validFrom: '2024-12-01', status: 'forebyggelse' as const },
      { validFrom: '2025-12-01', status: 'udsat' as const },
    ];
    expect(areaStatusOn(periods, '2024-11-30')).toBeNull();
    expect(areaStatusOn(periods, '2025-06-01')).toBe('forebyggelse');
    expect(areaStatusOn(periods, '2025-12-01')).toBe('udsat');
  });

  it('counts the children of the household on the date judged, for the rent', () => {
    // A child turns 18 on 1 December 2026: a child before, an adult after.
    const family = app({
      monthlyIncome: 20_000,
      members: [member(), member({ role: 'child', name: 'Barn', birthDate: '2008-12-01' })],
    });
    const settings = { ...DEFAULT_ALLOCATION_SETTINGS, disposablePerAdult: 4_000, disposablePerChild: 1_000 };
    const rent = (on: string) =>
      assessCandidate(family, vacancy, settings, on).checks.find((c) => c.rule === 'rent')?.params;
    expect(rent('2026-11-30')).toMatchObject({ required: 5_000 });
    expect(rent('2026-12-01')).toMatchObject({ required: 8_000 });
  });
  it('ranks eligible candidates by priority, then longest waiting, with the excluded last (domain.md rule 20)', () => {
    const list = [
      { id: 'a', eligible: true, priority: 'normal' as const, waitingSince: '2026-01-01' },
      { id: 'b', eligible: false, priority: 'acute' as const, waitingSince: '2025-01-01' },
      { id: 'c', eligible: true, priority: 'acute' as const, waitingSince: '2026-06-01' },
      { id: 'd', eligible: true, priority: 'acute' as const, waitingSince: '2026-02-01' },
    ];
    expect(list.sort(compareCandidates).map((c) => c.id)).toEqual(['d', 'c', 'a', 'b']);
  });
});
