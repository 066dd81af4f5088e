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
import { type KeptTransactions, keptFigures } from './insight.kept.service';

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

/** The committee report's figures: all of it but the introduction and the planning scenarios added. */
type CommitteeFigures = Omit<CommitteeReport, 'introduction' | 'planning' | 'computedAt'>;

/**
 * The committee report of a period (issue 18 §5): every figure from its module's own service, each
 * suppressed as it leaves case work (rule 33) — the outcome indicators, the monthly flow of the
 * period's months, the week-6 counts, the young people's transitions of the period's years, eviction
 * prevention, and the waiting list now and at each budget follow-up. The figures are kept for every
 * process as the dashboard's are (`keptFigures`, ADR 0026): computed at the first view of the day or
 * on `refresh`, computed again behind a view of figures more than five minutes old. The introduction
 * and the planning scenarios added to the report are read at every view, so an edit shows at once.
 */
export async function committeeReport(
  actor: Actor,
  tx: KeptTransactions,
  from: string,
  to: string,
  options: { refresh?: boolean } = {},
): Promise<CommitteeReport> {
  const m = actor.municipalityId;
  const { figures, computedAt } = await keptFigures(actor, tx, {
    kind: 'committee',
    parts: [from, to],
    ...(options.refresh ? { refresh: true } : {}),
    compute: (trx, c) => committeeFigures(trx, actor, from, to, c.asOf, c.limit),
  });
  const [intro, planning] = await tx.report(actor, (trx) =>
    Promise.all([repo.introduction(trx, m, from, to), reportedScenarios(trx, m)]),
  );
  return {
    ...figures,
    computedAt: computedAt.toISOString(),
    introduction: {
      text: intro?.text ?? '',
      updatedAt: intro ? intro.updated_at.toISOString() : null,
      updatedByName: intro?.display_name ?? null,
    },
    planning,
  };
}

async function committeeFigures(
  trx: Tx,
  actor: Actor,
  from: string,
  to: string,
  asOf: string,
  limit: number,
): Promise<CommitteeFigures> {
  const m = actor.municipalityId;
  const [profile, indicators, flow, countYears, youth, notices, waiting, snapshots] = await Promise.all([
    municipalityProfile(trx, m),
    outcomeIndicators(trx, actor, from, to, limit),
    monthlyFlow(trx, actor, Math.min(monthsSince(from, asOf), 120), limit),
    counts(trx, actor, limit),
    youthIndicators(trx, actor, limit),
    noticeOutcomeFigures(trx, m, from, to),
    waitingCounts(trx, actor),
    listSnapshots(trx, actor),
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
    // Rule 33: the municipality's limit, read once and given to every figure of the report.
    suppressionLimit: limit,
    from,
    to,
    madeOn: asOf,
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
