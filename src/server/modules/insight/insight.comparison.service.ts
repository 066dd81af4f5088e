import { addDays } from '../../../shared/dates';
import {
  type ComparedMunicipality,
  type Comparison,
  compared,
  fromSharedText,
  type InsightSettings,
  nationalContext,
  type SharedFigure,
  type SharingInput,
  type SuppressionLimitInput,
  sharedText,
} from '../../../shared/insight/comparison';
import { monthStartBefore } from '../../../shared/insight/flow';
import { isValidLimit, suppressSmall } from '../../../shared/suppression';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { municipalityProfile, updateMunicipalityProfile } from '../access';
import { latestCountTotal } from '../count';
import * as repo from './insight.comparison.repository';
import type { SharedIndicatorRow } from './insight.comparison.table';
import { flowPopulations } from './insight.flow.service';

/**
 * Where the shared figures come from: each source gives its figures already suppressed at the
 * municipality's limit (rule 33), as (key, period, value). This list is the extension point of the
 * comparison: the outcome indicators (src/shared/insight/indicators.ts) join as one more source
 * giving their headline figures under keys "indicator.<key>", each suppressed with the rest of its
 * breakdown at `limit`. Whatever a source gives, `sharedText` and the table's checks refuse a value
 * that suppression at the limit could not give.
 */
export type SharedFigureSource = (trx: Tx, municipalityId: string, limit: number) => Promise<SharedFigure[]>;

/** Active on the by-name list at the last month end (rule 35), its period the month. */
const activeByName: SharedFigureSource = async (trx, m, limit) => {
  // The window of one month (this month to date) starts from the last month end.
  const { asOf, populations } = await flowPopulations(trx, m, 1);
  const lastMonthEnd = addDays(monthStartBefore(asOf, 0), -1);
  const active = populations.overall[0]?.activeBefore ?? 0;
  return [{ key: 'flow.active', period: lastMonthEnd.slice(0, 7), value: suppressSmall(active, limit) }];
};

/** The latest closed week-6 count (rules 5–7), its period the count year. */
const latestCount: SharedFigureSource = async (trx, m, limit) => {
  const count = await latestCountTotal(trx, m);
  if (!count) return [];
  return [{ key: 'count.total', period: String(count.year), value: suppressSmall(count.total, limit) }];
};

/** The sources of the shared figures, in the order they are shown. */
export const SHARED_FIGURE_SOURCES: readonly SharedFigureSource[] = [activeByName, latestCount];

/** The municipality's figures as they may be shared, at its limit. */
async function figuresOf(trx: Tx, m: string, limit: number): Promise<SharedFigure[]> {
  const figures: SharedFigure[] = [];
  for (const source of SHARED_FIGURE_SOURCES) figures.push(...(await source(trx, m, limit)));
  // Refuses anything suppression at the limit could not give, whatever its source.
  for (const f of figures) sharedText(f.value, limit);
  return figures;
}

/** The municipality's limit, inhabitants and decision on sharing (GET /api/insight/settings). */
export async function insightSettings(trx: Tx, actor: Actor): Promise<InsightSettings> {
  const [profile, sharing] = await Promise.all([
    municipalityProfile(trx, actor.municipalityId),
    repo.sharingOf(trx, actor.municipalityId),
  ]);
  return {
    suppressionLimit: profile.suppression_limit,
    inhabitants: profile.inhabitants,
    sharing: sharing?.sharing ?? false,
    sharingChangedBy: sharing?.changed_by_name ?? null,
    sharingChangedAt: sharing?.changed_at.toISOString() ?? null,
    publishedAt: sharing?.published_at?.toISOString() ?? null,
  };
}

/** Publishes the municipality's figures at its limit in place of those it shared before. */
async function publish(trx: Tx, actor: Actor) {
  const m = actor.municipalityId;
  const profile = await municipalityProfile(trx, m);
  if (profile.inhabitants === null)
    throw new AppError('INSIGHT_INHABITANTS_REQUIRED', {
      fields: [{ path: 'inhabitants', code: 'required' }],
    });
  const limit = profile.suppression_limit;
  const figures = await figuresOf(trx, m, limit);
  const publishedAt = new Date();
  await repo.replaceSharedFigures(
    trx,
    m,
    figures.map((f) => ({
      municipality_id: m,
      municipality_code: profile.code,
      municipality_name: profile.name,
      key: f.key,
      period: f.period,
      value: sharedText(f.value, limit),
      suppression_limit: limit,
      inhabitants: profile.inhabitants as number,
      published_at: publishedAt,
    })),
  );
  await repo.markPublished(trx, m, publishedAt);
  await audit(trx, actor, 'insight.sharing_publish', 'municipality', m, {
    suppressionLimit: limit,
    figures: figures.map((f) => ({ key: f.key, period: f.period, value: f.value })),
  });
}

/**
 * Rule 33: the municipality's suppression limit, never below 3 (the field is named). While the
 * municipality shares, its figures are published again at the new limit.
 */
export async function saveSuppressionLimit(
  trx: Tx,
  actor: Actor,
  input: SuppressionLimitInput,
): Promise<InsightSettings> {
  if (!isValidLimit(input.suppressionLimit))
    throw new AppError('INSIGHT_SUPPRESSION_LIMIT_TOO_LOW', {
      fields: [{ path: 'suppressionLimit', code: 'too_small' }],
    });
  const before = await municipalityProfile(trx, actor.municipalityId);
  await updateMunicipalityProfile(trx, actor.municipalityId, { suppressionLimit: input.suppressionLimit });
  await audit(trx, actor, 'insight.suppression_limit_update', 'municipality', actor.municipalityId, {
    from: before.suppression_limit,
    to: input.suppressionLimit,
  });
  if ((await repo.sharingOf(trx, actor.municipalityId))?.sharing) await publish(trx, actor);
  return insightSettings(trx, actor);
}

/**
 * Opts in to sharing (publishing the figures at once) or out (withdrawing every figure shared),
 * with who and when; sharing needs the number of inhabitants, the basis of the rates.
 */
export async function saveSharing(trx: Tx, actor: Actor, input: SharingInput): Promise<InsightSettings> {
  if (input.sharing && input.inhabitants === null)
    throw new AppError('INSIGHT_INHABITANTS_REQUIRED', {
      fields: [{ path: 'inhabitants', code: 'required' }],
    });
  const m = actor.municipalityId;
  await updateMunicipalityProfile(trx, m, { inhabitants: input.inhabitants });
  await repo.saveSharing(trx, m, input.sharing, actor.userId);
  await audit(trx, actor, 'insight.sharing_update', 'municipality', m, { ...input });
  if (input.sharing) await publish(trx, actor);
  else {
    await repo.deleteSharedFigures(trx, m);
    await repo.markPublished(trx, m, null);
  }
  return insightSettings(trx, actor);
}

/** Publishes the municipality's current figures again (it must share). */
export async function publishSharedFigures(trx: Tx, actor: Actor): Promise<InsightSettings> {
  if (!(await repo.sharingOf(trx, actor.municipalityId))?.sharing) throw new AppError('INSIGHT_NOT_SHARING');
  await publish(trx, actor);
  return insightSettings(trx, actor);
}

/** The other municipalities' shared rows, one entry per municipality (rows ordered by name). */
function byMunicipality(rows: readonly SharedIndicatorRow[]): ComparedMunicipality[] {
  const out = new Map<string, ComparedMunicipality>();
  for (const row of rows) {
    let entry = out.get(row.municipality_id);
    if (!entry) {
      entry = {
        code: row.municipality_code,
        name: row.municipality_name,
        inhabitants: row.inhabitants,
        suppressionLimit: row.suppression_limit,
        publishedAt: row.published_at.toISOString(),
        figures: [],
      };
      out.set(row.municipality_id, entry);
    }
    entry.figures.push(
      compared({ key: row.key, period: row.period, value: fromSharedText(row.value) }, row.inhabitants),
    );
  }
  return [...out.values()];
}

/**
 * The comparison (issue 18 §7): the municipality's own figures (computed now, at its limit) against
 * the figures the other municipalities share, as rates per 10,000 inhabitants, with the national
 * count for context. Only a municipality that shares sees the others (the row policy says so too).
 */
export async function comparison(trx: Tx, actor: Actor): Promise<Comparison> {
  const m = actor.municipalityId;
  const [profile, sharing] = await Promise.all([municipalityProfile(trx, m), repo.sharingOf(trx, m)]);
  const shares = sharing?.sharing ?? false;
  const figures = await figuresOf(trx, m, profile.suppression_limit);
  const others = shares ? byMunicipality(await repo.othersSharedFigures(trx, m)) : [];
  return {
    sharing: shares,
    own: {
      code: profile.code,
      name: profile.name,
      inhabitants: profile.inhabitants,
      suppressionLimit: profile.suppression_limit,
      publishedAt: shares ? (sharing?.published_at?.toISOString() ?? null) : null,
      figures: figures.map((f) => compared(f, profile.inhabitants)),
    },
    others,
    national: nationalContext(),
  };
}
