import { parseCpr } from '../../../shared/citizens/cpr';
import { today } from '../../../shared/dates';
import type { DepositCase, DepositCaseInput, Sanction, SanctionInput } from '../../../shared/plans/api';
import type { DepositOutcome } from '../../../shared/plans/model';
import {
  exceedsFastTrack,
  type FastTrackLimit,
  fastTrackDeadline,
  fastTrackLimitOn,
  workingDaysOpen,
} from '../../../shared/plans/rules';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit, logPersonalDataRead } from '../../platform/audit';
import { liveOffersOfCitizens } from '../allocation';
import { citizensByCpr, displayName } from '../citizens';
import * as repo from './plans.repository';
import { supportWorkersOf } from './plans.support';

const fieldError = (
  code: 'CITIZEN_UNKNOWN_CPR' | 'ALERT_NOTE_REQUIRED' | 'DEPOSIT_DECISION_BEFORE_OPENED',
  field: string,
) => new AppError(code, { fields: [{ path: field, code: 'invalid' }] });

// ---- benefit sanctions and stops ----

type SanctionListRow = Awaited<ReturnType<typeof repo.sanctions>>[number];

function presentSanction(r: SanctionListRow): Sanction {
  return {
    id: r.id,
    citizenId: r.citizen_id,
    citizenName: displayName(r),
    kind: r.kind,
    effectiveOn: r.effective_on,
    note: r.note,
    source: r.source,
    recordedOn: r.recorded_on,
    handledOn: r.handled_on,
    handledNote: r.handled_note,
  };
}

export async function listSanctions(trx: Tx, actor: Actor, status: 'open' | 'handled'): Promise<Sanction[]> {
  const rows = await repo.sanctions(trx, actor.municipalityId, status === 'open');
  const view = rows.map(presentSanction);
  await logPersonalDataRead(trx, actor, {
    entityType: 'benefit_sanction',
    entityId: actor.municipalityId,
    purpose: 'casework',
    details: { rows: view.length },
  });
  return view;
}

/** A sanction or stop recorded by hand, matched to the citizen by CPR number. */
export async function recordSanction(trx: Tx, actor: Actor, input: SanctionInput): Promise<{ id: string }> {
  const m = actor.municipalityId;
  const parsed = parseCpr(input.cpr);
  if (!parsed.ok)
    throw new AppError('V_VALIDATION', { fields: [{ path: 'cpr', code: `cpr_${parsed.problem}` }] });
  const citizenId = (await citizensByCpr(trx, m, [parsed.cpr])).get(parsed.cpr);
  if (!citizenId) throw fieldError('CITIZEN_UNKNOWN_CPR', 'cpr');
  const [row] = await repo.insertSanctions(trx, [
    {
      municipality_id: m,
      citizen_id: citizenId,
      kind: input.kind,
      effective_on: input.effectiveOn,
      note: input.note ?? null,
      source: 'form',
      import_key: null,
      recorded_on: today(),
      recorded_by: actor.userId,
      handled_on: null,
      handled_by: null,
      handled_note: null,
    },
  ]);
  if (!row) throw new Error('sanction not inserted');
  await audit(trx, actor, 'benefit_sanction.create', 'benefit_sanction', row.id, { kind: input.kind });
  return { id: row.id };
}

/** The alert is handled: acknowledged with a note by the coordinator (or anyone who handles alerts). */
export async function handleSanction(trx: Tx, actor: Actor, id: string, note: string) {
  const m = actor.municipalityId;
  if (!note.trim()) throw fieldError('ALERT_NOTE_REQUIRED', 'note');
  const row = await repo.sanction(trx, m, id);
  if (!row || !(await mayHandle(trx, actor, row.citizen_id))) throw new AppError('NOT_FOUND');
  if (!(await repo.handleSanction(trx, m, id, actor.userId, today(), note.trim())))
    throw new AppError('ALERT_ALREADY_HANDLED');
  await audit(trx, actor, 'benefit_sanction.handle', 'benefit_sanction', id);
}

/** Who may handle a citizen's alert: the alert roles, and the coordinator and support workers of the plan. */
async function mayHandle(trx: Tx, actor: Actor, citizenId: string): Promise<boolean> {
  if (actor.permissions.has('plans.alerts')) return true;
  const m = actor.municipalityId;
  const [plan] = await repo.activePlansOfCitizens(trx, m, [citizenId]);
  if (plan?.coordinator_id === actor.userId) return true;
  return ((await supportWorkersOf(trx, m, [citizenId])).get(citizenId) ?? []).includes(actor.userId);
}

// ---- deposit-loan and § 81 cases ----

type DepositListRow = Awaited<ReturnType<typeof repo.depositCases>>[number];

function presentDeposit(
  r: DepositListRow,
  limits: readonly FastTrackLimit[],
  offers: Map<string, string>,
  onDate: string,
): DepositCase {
  const facts = { openedOn: r.opened_on, decidedOn: r.decided_on };
  return {
    id: r.id,
    citizenId: r.citizen_id,
    citizenName: displayName(r),
    kind: r.kind,
    openedOn: r.opened_on,
    decidedOn: r.decided_on,
    outcome: r.outcome,
    workingDaysOpen: workingDaysOpen(r.opened_on, r.decided_on ?? onDate),
    limit: fastTrackLimitOn(limits, r.opened_on),
    overLimit: exceedsFastTrack(facts, limits, onDate),
    liveOfferReplyBy: offers.get(r.citizen_id) ?? null,
    handledOn: r.handled_on,
    handledNote: r.handled_note,
  };
}

export async function listDepositCases(trx: Tx, actor: Actor, status: 'open' | 'decided') {
  const m = actor.municipalityId;
  const onDate = today();
  const rows = await repo.depositCases(trx, m, status === 'open');
  const limits = await repo.fastTrackLimits(trx, m);
  const offers = await liveOffersOfCitizens(trx, m, [...new Set(rows.map((r) => r.citizen_id))]);
  const view = {
    limit: fastTrackLimitOn(limits, onDate),
    cases: rows.map((r) => presentDeposit(r, limits, offers, onDate)),
  };
  await logPersonalDataRead(trx, actor, {
    entityType: 'deposit_case',
    entityId: m,
    purpose: 'casework',
    details: { rows: rows.length },
  });
  return view;
}

export async function createDepositCase(trx: Tx, actor: Actor, input: DepositCaseInput) {
  const m = actor.municipalityId;
  if (!(await repo.citizen(trx, m, input.citizenId)))
    throw new AppError('V_VALIDATION', { fields: [{ path: 'citizenId', code: 'unknown' }] });
  const { id } = await repo.insertDepositCase(trx, {
    municipality_id: m,
    citizen_id: input.citizenId,
    kind: input.kind,
    opened_on: input.openedOn,
    decided_on: null,
    outcome: null,
    handled_on: null,
    handled_by: null,
    handled_note: null,
    created_by: actor.userId,
  });
  await audit(trx, actor, 'deposit_case.create', 'deposit_case', id, { kind: input.kind });
  return { id };
}

/** The case is decided: the alert disappears. */
export async function decideDepositCase(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { decidedOn: string; outcome: DepositOutcome },
) {
  const m = actor.municipalityId;
  const row = await repo.depositCase(trx, m, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (input.decidedOn < row.opened_on) throw fieldError('DEPOSIT_DECISION_BEFORE_OPENED', 'decidedOn');
  if (!(await repo.decideDepositCase(trx, m, id, { decided_on: input.decidedOn, outcome: input.outcome })))
    throw new AppError('DEPOSIT_CASE_DECIDED');
  await audit(trx, actor, 'deposit_case.decide', 'deposit_case', id, { outcome: input.outcome });
}

/** The alert is acknowledged with a note (the case may still wait for its decision). */
export async function handleDepositCase(trx: Tx, actor: Actor, id: string, note: string) {
  const m = actor.municipalityId;
  if (!note.trim()) throw fieldError('ALERT_NOTE_REQUIRED', 'note');
  const row = await repo.depositCase(trx, m, id);
  if (!row || !(await mayHandle(trx, actor, row.citizen_id))) throw new AppError('NOT_FOUND');
  if (!(await repo.handleDepositCase(trx, m, id, actor.userId, today(), note.trim())))
    throw new AppError('ALERT_ALREADY_HANDLED');
  await audit(trx, actor, 'deposit_case.handle', 'deposit_case', id);
}

/** A citizen's sanctions and deposit-loan / § 81 cases, for the plan page (no audit row: the plan's read logs it). */
export async function alertsOfCitizen(trx: Tx, m: string, citizenId: string) {
  const onDate = today();
  const [sanctions, cases, limits, offers] = await Promise.all([
    repo.sanctionsOfCitizen(trx, m, citizenId),
    repo.depositCasesOfCitizen(trx, m, citizenId),
    repo.fastTrackLimits(trx, m),
    liveOffersOfCitizens(trx, m, [citizenId]),
  ]);
  return {
    sanctions: sanctions.map(presentSanction),
    depositCases: cases.map((c) => presentDeposit(c, limits, offers, onDate)),
  };
}

// ---- the fast-track limit (a dated setting) ----

export async function fastTrackSettings(trx: Tx, actor: Actor) {
  const limits = await repo.fastTrackLimits(trx, actor.municipalityId);
  return { current: fastTrackLimitOn(limits, today()), limits };
}

export async function setFastTrackLimit(
  trx: Tx,
  actor: Actor,
  input: { validFrom: string; workingDays: number },
) {
  await repo.upsertFastTrackLimit(
    trx,
    actor.municipalityId,
    input.validFrom,
    input.workingDays,
    actor.userId,
  );
  await audit(trx, actor, 'plans_settings.update', 'plans_fast_track_limit', actor.municipalityId, input);
  return fastTrackSettings(trx, actor);
}

// ---- alerts for "Mine opgaver" ----

export interface Alert {
  kind: 'sanction' | 'deposit';
  id: string;
  citizenId: string;
  citizenName: string | null;
  /** Who is told: the plan's coordinator and the citizen's support workers. */
  recipients: string[];
  subKind: string;
  date: string;
}

/**
 * The open alerts of a municipality: (a) a benefit sanction or stop of a housed citizen with a plan,
 * until acknowledged; (b) a deposit-loan or § 81 case open longer than the fast-track limit while the
 * citizen holds a live offer, until decided or acknowledged.
 */
export async function openAlerts(trx: Tx, m: string, onDate: string): Promise<Alert[]> {
  const sanctions = await repo.sanctionAlerts(trx, m);
  const candidates = await repo.depositAlertCandidates(trx, m);
  const limits = await repo.fastTrackLimits(trx, m);
  const late = candidates.filter((c) =>
    exceedsFastTrack({ openedOn: c.opened_on, decidedOn: null }, limits, onDate),
  );
  const offers = await liveOffersOfCitizens(trx, m, [...new Set(late.map((c) => c.citizen_id))]);
  const deposits = late.filter((c) => offers.has(c.citizen_id));
  const citizenIds = [...new Set([...sanctions, ...deposits].map((r) => r.citizen_id))];
  const support = await supportWorkersOf(trx, m, citizenIds);
  const recipients = (coordinator: string, citizenId: string) => [
    ...new Set([coordinator, ...(support.get(citizenId) ?? [])]),
  ];
  return [
    ...sanctions.map((s) => ({
      kind: 'sanction' as const,
      id: s.id,
      citizenId: s.citizen_id,
      citizenName: displayName(s),
      recipients: recipients(s.coordinator_id, s.citizen_id),
      subKind: s.kind,
      date: s.effective_on,
    })),
    ...deposits.map((d) => ({
      kind: 'deposit' as const,
      id: d.id,
      citizenId: d.citizen_id,
      citizenName: displayName(d),
      recipients: recipients(d.coordinator_id, d.citizen_id),
      subKind: d.kind,
      date: fastTrackDeadline(d.opened_on, fastTrackLimitOn(limits, d.opened_on)),
    })),
  ];
}
