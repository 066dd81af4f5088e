import { today } from '../../../shared/dates';
import type {
  CommitteeCountYear,
  CommitteeIntroductionInput,
  CommitteeReport,
} from '../../../shared/insight/committee';
import { suppressBreakdown, suppressSmall } from '../../../shared/suppression';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { municipalityProfile } from '../access';
import { listSnapshots, waitingCounts } from '../allocation';
import { countReport, listCounts } from '../count';
import { reportedScenarios } from '../planning';
import { noticeOutcomeFigures } from '../prevention';
import { youthIndicators } from '../youth';
import * as repo from './insight.committee.repository';
import { monthlyFlow } from './insight.flow.service';
import { outcomeIndicators } from './insight.indicators.service';

/** Whole months from the month of `from` to the current month (the flow is counted back from today). */
function monthsSince(from: string, asOf: string): number {
  const months =
    (Number(asOf.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(asOf.slice(5, 7)) -
    Number(from.slice(5, 7));
  return Math.max(1, months + 1);
}

/**
 * The closed week-6 counts, beside the national totals (rule 9); empty before the first is closed
 * (an open count's figures are not final).
 */
async function counts(trx: Tx, actor: Actor, limit: number): Promise<CommitteeCountYear[]> {
  const closed = (await listCounts(trx, actor, limit))
    .filter((c) => c.status === 'closed')
    .map((c) => c.year);
  if (closed.length === 0) return [];
  return (await countReport(trx, actor, Math.max(...closed), limit)).years.filter((y) =>
    closed.includes(y.year),
  );
}

/**
 * The committee report of a period (issue 18 §5): every figure from its module's own service, each
 * suppressed as it leaves case work (rule 33) — the outcome indicators, the monthly flow of the
 * period's months, the week-6 counts, the young people's transitions of the period's years, eviction
 * prevention, and the waiting list now and at each budget follow-up.
 */
export async function committeeReport(
  trx: Tx,
  actor: Actor,
  from: string,
  to: string,
): Promise<CommitteeReport> {
  const m = actor.municipalityId;
  const asOf = today();
  // Rule 33: the municipality's limit, read once and given to every figure of the report.
  const profile = await municipalityProfile(trx, m);
  const limit = profile.suppression_limit;
  const [intro, indicators, flow, countYears, youth, notices, waiting, snapshots, planning] =
    await Promise.all([
      repo.introduction(trx, m, from, to),
      outcomeIndicators(trx, actor, from, to, limit),
      monthlyFlow(trx, actor, Math.min(monthsSince(from, asOf), 120), limit),
      counts(trx, actor, limit),
      youthIndicators(trx, actor, limit),
      noticeOutcomeFigures(trx, m, from, to),
      waitingCounts(trx, actor),
      listSnapshots(trx, actor),
      reportedScenarios(trx, m),
    ]);
  const decided = notices.averted + notices.moved + notices.evicted;
  const outcomes = suppressBreakdown(
    {
      averted: notices.averted,
      moved: notices.moved,
      evicted: notices.evicted,
      open: notices.cases - decided,
    },
    limit,
  );
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  return {
    municipality: profile.name,
    suppressionLimit: limit,
    from,
    to,
    madeOn: asOf,
    introduction: {
      text: intro?.text ?? '',
      updatedAt: intro ? intro.updated_at.toISOString() : null,
      updatedByName: intro?.display_name ?? null,
    },
    indicators: indicators.indicators,
    flow: flow.overall
      .filter((month) => month.monthEnd >= from && month.monthEnd.slice(0, 7) <= to.slice(0, 7))
      .map(({ monthEnd, active, inflow, outflow }) => ({ monthEnd, active, inflow, outflow })),
    counts: countYears,
    youth: youth.years.filter((y) => y.year >= firstYear && y.year <= lastYear),
    prevention: {
      notices: suppressSmall(notices.notices, limit),
      cases: suppressSmall(notices.cases, limit),
      ...outcomes,
    },
    waitingList: {
      now: suppressSmall(waiting.total, limit),
      snapshots: snapshots
        .filter((s) => s.takenOn >= from && s.takenOn <= to)
        .map((s) => ({ label: s.label, takenOn: s.takenOn, total: suppressSmall(s.counts.total, limit) })),
    },
    planning,
  };
}

/** Writes the introduction of a period's committee report (audited). */
export async function saveIntroduction(trx: Tx, actor: Actor, input: CommitteeIntroductionInput) {
  await repo.saveIntroduction(trx, {
    municipality_id: actor.municipalityId,
    period_from: input.from,
    period_to: input.to,
    text: input.text,
    updated_by: actor.userId,
  });
  await audit(trx, actor, 'committee_report.introduction', 'committee_report', actor.municipalityId, {
    from: input.from,
    to: input.to,
  });
}
