import { today } from '../../../shared/dates';
import {
  centre,
  type Indicator,
  type IndicatorSet,
  RETENTION_MONTHS,
  RETURN_HORIZONS,
  type ReturnHorizon,
  reportIndicators,
} from '../../../shared/insight/indicators';
import { housedAfter } from '../../../shared/support/rules';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { municipalityProfile } from '../access';
import * as repo from './insight.indicators.repository';

const returnKey = (months: ReturnHorizon) => `returns${months}` as const;

/**
 * The outcome indicators of a period (issue 18 §3, docs/indicators.md): the homelessness spells of
 * the by-name list (length, exits to housing, returns, first-time homeless) in one statement, housing
 * retention from the allocation module's move-ins, the waiting time from approval to offer, the
 * agreed, received and used units, eviction notices and their outcomes, § 110 stay lengths and the
 * support methods' caseload against the norm, each from its module's set-based query; then the set
 * suppressed as it leaves case work (rule 33).
 */
export async function outcomeIndicators(
  trx: Tx,
  actor: Actor,
  from: string,
  to: string,
  knownLimit?: number,
): Promise<IndicatorSet> {
  const asOf = today();
  // Rule 33: the municipality's limit (given by a caller that has read it for the whole request).
  const limit = knownLimit ?? (await municipalityProfile(trx, actor.municipalityId)).suppression_limit;
  const facts = await repo.indicatorFacts(trx, actor.municipalityId, from, to, to > asOf ? asOf : to);
  const { homeless, waiting, units, evictions, stays, caseload } = facts;
  // Housing retention (HUD SPM 7b.2, design.md §2): the support module's rule `housedAfter` on the
  // whereabouts in force 12 months after each move-in of the cohort window.
  const kept = {
    due: facts.retention.length,
    retained: facts.retention.filter((t) =>
      housedAfter(
        t.movedInOn,
        RETENTION_MONTHS,
        t.situation && t.fromDate ? [{ situation: t.situation, fromDate: t.fromDate }] : [],
        to,
      ),
    ).length,
  };
  const waitingN = waiting.reduce((s, f) => s + f.count, 0);
  const staysN = stays.completed.reduce((s, f) => s + f.count, 0);
  const decided = evictions.averted + evictions.moved + evictions.evicted;

  const indicators: Indicator[] = [
    { key: 'daysHomeless', unit: 'days', n: homeless.homeless, values: centre(homeless.days) },
    {
      key: 'exitsToHousing',
      unit: 'persons',
      n: homeless.homeless,
      values: {
        housed: { kind: 'count', value: homeless.exits },
        housedShare: { kind: 'share', of: 'housed' },
      },
    },
    ...RETURN_HORIZONS.map((months): Indicator => {
      const r = homeless.returns.find((x) => x.months === months) ?? { cohort: 0, returned: 0 };
      return {
        key: returnKey(months),
        unit: 'persons',
        n: r.cohort,
        values: {
          returned: { kind: 'count', value: r.returned },
          returnedShare: { kind: 'share', of: 'returned' },
        },
      };
    }),
    {
      key: 'firstTimeHomeless',
      unit: 'persons',
      n: homeless.entered,
      values: {
        firstTime: { kind: 'count', value: homeless.firstTime },
        firstTimeShare: { kind: 'share', of: 'firstTime' },
      },
    },
    {
      key: 'retention12',
      unit: 'tenancies',
      n: kept.due,
      values: {
        retained: { kind: 'count', value: kept.retained },
        retainedShare: { kind: 'share', of: 'retained' },
      },
    },
    { key: 'waitingApprovalToOffer', unit: 'applications', n: waitingN, values: centre(waiting) },
    {
      key: 'agreementUnits',
      unit: 'units',
      n: units.received,
      values: {
        agreed: { kind: 'amount', value: units.agreed },
        received: { kind: 'amount', value: units.received },
        used: { kind: 'amount', value: units.used },
        returnedUnused: { kind: 'amount', value: units.returnedUnused },
      },
    },
    {
      key: 'evictions',
      unit: 'cases',
      n: decided,
      values: {
        notices: { kind: 'count', value: evictions.notices },
        cases: { kind: 'count', value: evictions.cases },
        averted: { kind: 'count', value: evictions.averted },
        moved: { kind: 'count', value: evictions.moved },
        evicted: { kind: 'count', value: evictions.evicted },
        avertedShare: { kind: 'share', of: 'averted' },
      },
      breakdown: ['averted', 'moved', 'evicted'],
    },
    {
      key: 'shelterStays',
      unit: 'stays',
      n: staysN,
      values: {
        ...centre(stays.completed),
        open: { kind: 'count', value: stays.open },
      },
    },
    {
      key: 'supportFidelity',
      unit: 'enrollments',
      n: caseload.active,
      values: {
        capacity: { kind: 'amount', value: caseload.capacity },
        load: { kind: 'ratio', value: caseload.load },
      },
    },
  ];
  return { from, to, indicators: reportIndicators(indicators, limit) };
}
