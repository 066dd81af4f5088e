import { maskCpr } from '../../../shared/citizens/cpr';
import { AGE_BAND_RANGE, statusOn } from '../../../shared/citizens/status';
import { ageOn, today } from '../../../shared/dates';
import type { ErrorBody } from '../../../shared/error-codes';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { logPersonalDataRead, recordAudit } from '../../platform/audit';
import type { TimelineProvider } from '../../platform/timeline';
import * as list from './citizens.list.repository';
import { type CitizenScope, citizenAbilities, citizenScope, EVERY_CITIZEN } from './citizens.policy';
import * as repo from './citizens.repository';
import { checkCpr, episodeFieldProblems, type FieldProblem, resolveIdentity } from './citizens.rules';
import type {
  CitizenInput,
  CitizenPatch,
  CitizenSummary,
  CitizenView,
  EpisodeInput,
  PURPOSES,
} from './citizens.schema';
import type { CitizenRow } from './citizens.table';
import { buildTimeline } from './citizens.timeline';

/** Whereabouts and contacts are facts that have happened: never dated after today. */
function notInFuture(date: string, path: string): FieldProblem[] {
  return date > today() ? [{ path, code: 'future_date' }] : [];
}

/** A citizen's display name: given and family name, else initials. */
export function displayName(c: Pick<CitizenRow, 'given_name' | 'family_name' | 'initials'>): string | null {
  const name = [c.given_name, c.family_name].filter(Boolean).join(' ');
  return name || c.initials || null;
}

function invalid(problems: FieldProblem[]): AppError {
  return new AppError('V_VALIDATION', { fields: problems });
}

/** Similarity from which a new record is sent to the duplicate review queue. */
export const DUPLICATE_THRESHOLD = 0.45;

export interface CreateResult {
  id: string;
  duplicates: { id: string; name: string | null; birthDate: string }[];
}

/**
 * Registers a citizen. The same CPR number is refused with a link to the existing record; a
 * similar name with the same birth date goes to the review queue (never silently merged).
 */
export async function createCitizen(trx: Tx, actor: Actor, input: CitizenInput): Promise<CreateResult> {
  const identity = resolveIdentity(input);
  const episodeProblems = input.firstEpisode
    ? [
        ...episodeFieldProblems(input.firstEpisode, 'firstEpisode.'),
        ...notInFuture(input.firstEpisode.fromDate, 'firstEpisode.fromDate'),
      ]
    : [];
  if (!identity.ok || episodeProblems.length)
    throw invalid([...(identity.ok ? [] : identity.problems), ...episodeProblems]);
  if (identity.cpr) {
    const existing = await repo.findByCpr(trx, actor.municipalityId, identity.cpr);
    if (existing) {
      throw await cprExists(trx, actor, existing, [{ path: 'cpr', code: 'cpr_exists' }]);
    }
  }
  const row = await repo.insertCitizen(trx, {
    municipality_id: actor.municipalityId,
    cpr: identity.cpr,
    birth_date: identity.birthDate,
    sex: identity.sex,
    initials: input.initials ?? null,
    given_name: input.givenName ?? null,
    family_name: input.familyName ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    address: input.address ?? null,
    handlekommune: input.handlekommune ?? null,
    moved_away_on: null,
    died_on: null,
    created_by: actor.userId,
  });
  if (input.firstEpisode) {
    await insertEpisode(trx, actor, row.id, input.firstEpisode);
    await list.refreshCurrentState(trx, actor.municipalityId, row.id);
  }
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.create',
    entityType: 'citizen',
    entityId: row.id,
  });
  const found: CreateResult['duplicates'] = [];
  // The review queue gets every likely duplicate; the registering user is told only of those she
  // may see (need-to-know, issue 20 (d)).
  for (const d of await flagDuplicatesOf(trx, actor, [row.id])) {
    const other = await repo.findCitizen(trx, actor.municipalityId, d.other_id, citizenScope(actor));
    if (other) found.push({ id: other.id, name: displayName(other), birthDate: other.birth_date });
  }
  return { id: row.id, duplicates: found };
}

/**
 * Sends likely duplicates of newly registered citizens to the review queue (issue 3 §5): a citizen
 * created here by hand, or from a notice's CPR number by eviction prevention, may be someone the
 * list already knows without a CPR number.
 */
export function flagDuplicatesOf(trx: Tx, actor: Actor, ids: readonly string[]) {
  return repo.flagLikelyDuplicates(trx, actor.municipalityId, ids, DUPLICATE_THRESHOLD);
}

async function loadLive(trx: Tx, actor: Actor, id: string, scope: CitizenScope): Promise<CitizenRow> {
  const row = await repo.findCitizen(trx, actor.municipalityId, id, scope);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * The record a read or change applies to: a merged record's changes go to its survivor. A citizen
 * outside the user's scope (a support worker's caseload, issue 20 (d)) is "not found", never
 * "forbidden": that the person is on the list is itself personal data.
 */
/**
 * "A citizen with this CPR number exists", with the existing record: for the modules that register
 * a citizen on their own decision and then go on with the record already there (`existingCitizenOf`,
 * shelters), and in the answer only where the user may see it (need-to-know, issue 20 (d)) — a
 * support worker learns that the number is registered, not which record outside her caseload holds it.
 */
class CprExistsError extends AppError {
  constructor(
    readonly citizenId: string,
    visible: boolean,
    fields?: ErrorBody['fields'],
  ) {
    super('CITIZEN_CPR_EXISTS', { params: visible ? { citizenId } : {}, ...(fields ? { fields } : {}) });
  }
}

async function cprExists(
  trx: Tx,
  actor: Actor,
  existing: Pick<CitizenRow, 'id' | 'merged_into'>,
  fields?: ErrorBody['fields'],
): Promise<CprExistsError> {
  const id = existing.merged_into ?? existing.id;
  const scope = citizenScope(actor);
  const visible = scope.all || (await repo.findCitizen(trx, actor.municipalityId, id, scope)) !== undefined;
  return new CprExistsError(id, visible, fields);
}

/** The citizen a "CPR number exists" refusal of `createCitizen` names, if it is one. */
export function existingCitizenOf(error: unknown): string | null {
  return error instanceof CprExistsError ? error.citizenId : null;
}

async function target(
  trx: Tx,
  actor: Actor,
  id: string,
  scope: CitizenScope = citizenScope(actor),
): Promise<CitizenRow> {
  const row = await loadLive(trx, actor, id, scope);
  return row.merged_into ? loadLive(trx, actor, row.merged_into, scope) : row;
}

/**
 * What a role sees of a CPR number (issue 20 (d)): the masked number (DDMMYY-XXXX) with
 * `citizens.identity`, the full number only where the user asked for it (the logged "show"), and
 * nothing otherwise (the leader).
 */
type CprShown = 'full' | 'masked' | 'none';
const cprAs = (shown: CprShown, cpr: string | null): string | null =>
  cpr === null || shown === 'none' ? null : shown === 'full' ? cpr : maskCpr(cpr);

/**
 * The citizen page: everything about the person, with their status today derived from the
 * history. Each call is one logged read with the purpose the user gave.
 */
export async function viewCitizen(
  trx: Tx,
  actor: Actor,
  id: string,
  purpose: (typeof PURPOSES)[number],
  timelineProviders: readonly TimelineProvider[] = [],
  options: { fullCpr?: boolean } = {},
): Promise<CitizenView> {
  const c = await target(trx, actor, id);
  const can = citizenAbilities(actor);
  const shown: CprShown = !can.showCpr ? 'none' : options.fullCpr ? 'full' : 'masked';
  const ids = [c.id, ...(await repo.mergedIds(trx, actor.municipalityId, c.id))];
  const [cprRows, episodeRows, contactRows, consentRows, householdRows, sensitiveRows, mergeRows, policy] = [
    await repo.cprHistory(trx, ids),
    await repo.episodes(trx, ids),
    await repo.contacts(trx, ids),
    await repo.consents(trx, ids),
    await repo.household(trx, ids),
    can.sensitive ? await repo.sensitive(trx, [c.id]) : [],
    await repo.merges(trx, c.id),
    await repo.policy(trx, actor.municipalityId),
  ];
  const onDate = today();
  const live = episodeRows.filter((e) => e.retracted_at === null);
  const status = statusOn(
    {
      episodes: live.map((e) => ({
        situation: e.situation,
        fromDate: e.from_date,
        releaseDate: e.release_date,
        housingSolution: e.housing_solution,
        recordedAt: e.recorded_at.toISOString(),
      })),
      lastContactOn: contactRows.find((k) => k.contact_on <= onDate)?.contact_on ?? null,
      registeredOn: c.registered_on,
      movedAwayOn: c.moved_away_on,
      diedOn: c.died_on,
    },
    onDate,
    policy,
  );
  const flags = sensitiveRows[0];
  const activeMerges = mergeRows.filter((m) => m.undone_at === null);
  const shownCprRows = cprRows.map((h) => ({
    old_cpr: cprAs(shown, h.old_cpr) ?? HIDDEN_CPR,
    new_cpr: cprAs(shown, h.new_cpr) ?? HIDDEN_CPR,
    changed_on: h.changed_on,
  }));
  const view: CitizenView = {
    id: c.id,
    ...(can.showCpr ? { cpr: cprAs(shown, c.cpr) } : {}),
    cprHistory: can.showCpr
      ? shownCprRows.map((h) => ({ oldCpr: h.old_cpr, newCpr: h.new_cpr, changedOn: h.changed_on }))
      : [],
    givenName: c.given_name,
    familyName: c.family_name,
    name: displayName(c),
    initials: c.initials,
    birthDate: c.birth_date,
    age: ageOn(c.birth_date, onDate),
    sex: c.sex,
    ...(can.showCpr ? { phone: c.phone, email: c.email, address: c.address } : {}),
    handlekommune: c.handlekommune,
    movedAwayOn: c.moved_away_on,
    diedOn: c.died_on,
    status: status.status,
    situation: status.situation,
    inactiveReason: status.inactiveReason,
    household: householdRows.map((h) => ({
      id: h.id,
      kind: h.kind,
      name: h.name,
      birthDate: h.birth_date,
      cpr: cprAs(shown, h.cpr),
      endedOn: h.ended_on,
    })),
    consents: consentRows.map((k) => ({
      id: k.id,
      purpose: k.purpose,
      givenOn: k.given_on,
      expiresOn: k.expires_on,
      withdrawnOn: k.withdrawn_on,
      state:
        k.withdrawn_on && k.withdrawn_on <= onDate
          ? 'withdrawn'
          : k.expires_on && k.expires_on < onDate
            ? 'expired'
            : 'active',
    })),
    episodes: episodeRows.map((e) => ({
      id: e.id,
      citizenId: e.citizen_id,
      situation: e.situation,
      fromDate: e.from_date,
      releaseDate: e.release_date,
      housingSolution: e.housing_solution,
      hasContract: e.has_contract,
      temporary: e.temporary,
      becauseOfHomelessness: e.because_of_homelessness,
      note: can.sensitive ? e.note : null,
      retractedAt: e.retracted_at?.toISOString() ?? null,
      retractReason: can.sensitive ? e.retract_reason : null,
      recordedAt: e.recorded_at.toISOString(),
    })),
    contacts: contactRows.map((k) => ({
      id: k.id,
      contactOn: k.contact_on,
      channel: k.channel,
      note: can.sensitive ? k.note : null,
    })),
    mergedFrom: activeMerges.map((m) => ({
      mergeId: m.id,
      citizenId: m.merged_id,
      name: displayName(m),
      birthDate: m.birth_date,
    })),
    timeline: await buildTimeline(
      trx,
      actor,
      { citizen: c, ids, cprRows: shownCprRows, episodeRows, contactRows, consentRows, mergeRows, onDate },
      timelineProviders,
    ),
    abilities: can,
  };
  if (flags && can.sensitive) {
    view.sensitive = {
      mentalIllness: flags.mental_illness,
      substanceAbuse: flags.substance_abuse,
      formerlyPlaced: flags.formerly_placed,
    };
  } else if (can.sensitive) {
    view.sensitive = { mentalIllness: false, substanceAbuse: false, formerlyPlaced: false };
  }
  // Last, so that the lock on the municipality's audit chain head (taken by this insert, held until
  // commit) does not wait for the timeline's reads: every audited request of the municipality
  // queues behind it (measured in bench/national: 30 of 32 connections waiting on it).
  await logPersonalDataRead(trx, actor, { entityType: 'citizen', entityId: c.id, purpose });
  if (shown === 'full') await logCprShown(trx, actor, c.id, purpose);
  return view;
}

/** A CPR number no role may see here (a CPR change on the leader's timeline): no digit of it. */
const HIDDEN_CPR = 'XXXXXX-XXXX';

async function logCprShown(trx: Tx, actor: Actor, citizenId: string, purpose: string) {
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.cpr_shown',
    entityType: 'citizen',
    entityId: citizenId,
    purpose,
  });
}

/**
 * The full CPR number, shown on request to a role that needs it (issue 20 (d)): the responses
 * carry it masked, and each "show" is an audit row with its purpose, in the same transaction.
 */
export async function showCpr(
  trx: Tx,
  actor: Actor,
  id: string,
  purpose: (typeof PURPOSES)[number],
): Promise<{ cpr: string | null }> {
  const c = await target(trx, actor, id);
  await logCprShown(trx, actor, c.id, purpose);
  return { cpr: c.cpr };
}

export async function patchCitizen(trx: Tx, actor: Actor, id: string, patch: CitizenPatch): Promise<void> {
  const c = await target(trx, actor, id);
  const changes: Parameters<typeof repo.updateCitizen>[3] = {};
  if (patch.givenName !== undefined) changes.given_name = patch.givenName;
  if (patch.familyName !== undefined) changes.family_name = patch.familyName;
  if (patch.initials !== undefined) changes.initials = patch.initials;
  if (patch.phone !== undefined) changes.phone = patch.phone;
  if (patch.email !== undefined) changes.email = patch.email;
  if (patch.address !== undefined) changes.address = patch.address;
  if (patch.handlekommune !== undefined) changes.handlekommune = patch.handlekommune;
  if (patch.movedAwayOn !== undefined) changes.moved_away_on = patch.movedAwayOn;
  if (patch.diedOn !== undefined) changes.died_on = patch.diedOn;
  const named =
    (changes.given_name ?? c.given_name) ||
    (changes.family_name ?? c.family_name) ||
    (changes.initials ?? c.initials);
  if (!named) throw invalid([{ path: 'familyName', code: 'required' }]);
  await repo.updateCitizen(trx, actor.municipalityId, c.id, changes);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.update',
    entityType: 'citizen',
    entityId: c.id,
    details: { fields: Object.keys(changes) },
  });
}

/** A new CPR number (CPR-loven § 3): the old one stays findable through the history. */
export async function changeCpr(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { newCpr: string; changedOn: string },
) {
  const c = await target(trx, actor, id);
  await repo.lockCitizen(trx, actor.municipalityId, c.id);
  const checked = checkCpr(input.newCpr, 'newCpr');
  if (checked.problem) throw invalid([checked.problem]);
  const existing = await repo.findByCpr(trx, actor.municipalityId, checked.cpr.cpr);
  if (existing) throw await cprExists(trx, actor, existing);
  if (c.cpr) {
    await repo.insertCprChange(trx, {
      municipality_id: actor.municipalityId,
      citizen_id: c.id,
      old_cpr: c.cpr,
      new_cpr: checked.cpr.cpr,
      changed_on: input.changedOn,
      recorded_by: actor.userId,
    });
  }
  await repo.updateCitizen(trx, actor.municipalityId, c.id, {
    cpr: checked.cpr.cpr,
    birth_date: checked.cpr.birthDate,
    sex: checked.cpr.sex,
  });
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.cpr_change',
    entityType: 'citizen',
    entityId: c.id,
  });
}

export async function setSensitive(
  trx: Tx,
  actor: Actor,
  id: string,
  flags: { mentalIllness: boolean; substanceAbuse: boolean; formerlyPlaced: boolean },
) {
  const c = await target(trx, actor, id);
  await repo.upsertSensitive(trx, {
    citizen_id: c.id,
    municipality_id: actor.municipalityId,
    mental_illness: flags.mentalIllness,
    substance_abuse: flags.substanceAbuse,
    formerly_placed: flags.formerlyPlaced,
    updated_by: actor.userId,
  });
  // The audit row names that flags changed, never which.
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.sensitive_update',
    entityType: 'citizen',
    entityId: c.id,
  });
}

export async function addHouseholdMember(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { kind: 'adult' | 'child'; name: string; birthDate: string; cpr?: string | null | undefined },
) {
  const c = await target(trx, actor, id);
  let cpr: string | null = null;
  if (input.cpr) {
    const checked = checkCpr(input.cpr, 'cpr');
    if (checked.problem) throw invalid([checked.problem]);
    cpr = checked.cpr.cpr;
  }
  if (input.kind === 'child' && ageOn(input.birthDate, today()) >= 18)
    throw invalid([{ path: 'birthDate', code: 'child_not_under_18' }]);
  const memberId = await repo.insertHouseholdMember(trx, {
    municipality_id: actor.municipalityId,
    citizen_id: c.id,
    kind: input.kind,
    name: input.name,
    birth_date: input.birthDate,
    cpr,
  });
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.household_add',
    entityType: 'citizen',
    entityId: c.id,
    details: { kind: input.kind },
  });
  return memberId;
}

export async function endHouseholdMember(trx: Tx, actor: Actor, id: string, memberId: string) {
  const c = await target(trx, actor, id);
  if (!(await repo.endHouseholdMember(trx, actor.municipalityId, c.id, memberId, today())))
    throw new AppError('NOT_FOUND');
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.household_end',
    entityType: 'citizen',
    entityId: c.id,
  });
}

async function insertEpisode(trx: Tx, actor: Actor, citizenId: string, e: EpisodeInput) {
  const prison = e.situation === 'prison' || e.situation === 'hospital';
  const family = e.situation === 'family_friends';
  return repo.insertEpisode(trx, {
    municipality_id: actor.municipalityId,
    citizen_id: citizenId,
    situation: e.situation,
    from_date: e.fromDate,
    release_date: prison ? (e.releaseDate ?? null) : null,
    housing_solution: prison ? (e.housingSolution ?? null) : null,
    has_contract: family ? (e.hasContract ?? false) : null,
    temporary: family ? (e.temporary ?? true) : null,
    because_of_homelessness: e.situation === 'hotel' ? (e.becauseOfHomelessness ?? null) : null,
    note: e.note ?? null,
    recorded_by: actor.userId,
  });
}

/**
 * Records where the citizen is from a date. The history is appended to, never overwritten. Other
 * modules call it on their own decisions (an offer accepted, a shelter stay), so it reaches every
 * citizen of the municipality; the registry's own route goes through `recordEpisode`.
 */
export async function addEpisode(
  trx: Tx,
  actor: Actor,
  id: string,
  e: EpisodeInput,
  scope: CitizenScope = EVERY_CITIZEN,
): Promise<string> {
  const problems = [...episodeFieldProblems(e), ...notInFuture(e.fromDate, 'fromDate')];
  if (problems.length) throw invalid(problems);
  const c = await target(trx, actor, id, scope);
  const row = await insertEpisode(trx, actor, c.id, e);
  await list.refreshCurrentState(trx, actor.municipalityId, c.id);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.episode_add',
    entityType: 'citizen',
    entityId: c.id,
    details: { situation: e.situation },
  });
  return row.id;
}

/** Records whereabouts through the registry's route: only for a citizen the user may see. */
export function recordEpisode(trx: Tx, actor: Actor, id: string, e: EpisodeInput): Promise<string> {
  return addEpisode(trx, actor, id, e, citizenScope(actor));
}

/** Marks an episode as recorded in error; it stays in the history with the reason. */
export async function retractEpisode(trx: Tx, actor: Actor, id: string, episodeId: string, reason: string) {
  const c = await target(trx, actor, id);
  const ids = [c.id, ...(await repo.mergedIds(trx, actor.municipalityId, c.id))];
  if (!(await repo.retractEpisode(trx, actor.municipalityId, ids, episodeId, actor.userId, reason)))
    throw new AppError('NOT_FOUND');
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.episode_retract',
    entityType: 'citizen',
    entityId: c.id,
  });
}

export async function addContact(
  trx: Tx,
  actor: Actor,
  id: string,
  input: {
    contactOn: string;
    channel: 'meeting' | 'phone' | 'outreach' | 'other';
    note?: string | null | undefined;
  },
) {
  const future = notInFuture(input.contactOn, 'contactOn');
  if (future.length) throw invalid(future);
  const c = await target(trx, actor, id);
  const contactId = await repo.insertContact(trx, {
    municipality_id: actor.municipalityId,
    citizen_id: c.id,
    contact_on: input.contactOn,
    channel: input.channel,
    note: input.note ?? null,
    recorded_by: actor.userId,
  });
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.contact_add',
    entityType: 'citizen',
    entityId: c.id,
  });
  return contactId;
}

export async function addConsent(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { purpose: string; givenOn: string; expiresOn?: string | null | undefined },
) {
  const c = await target(trx, actor, id);
  if (input.expiresOn && input.expiresOn < input.givenOn)
    throw invalid([{ path: 'expiresOn', code: 'before_given' }]);
  const consentId = await repo.insertConsent(trx, {
    municipality_id: actor.municipalityId,
    citizen_id: c.id,
    purpose: input.purpose,
    given_on: input.givenOn,
    expires_on: input.expiresOn ?? null,
    recorded_by: actor.userId,
  });
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.consent_add',
    entityType: 'citizen',
    entityId: c.id,
    details: { purpose: input.purpose },
  });
  return consentId;
}

export async function withdrawConsent(
  trx: Tx,
  actor: Actor,
  id: string,
  consentId: string,
  withdrawnOn: string,
) {
  const c = await target(trx, actor, id);
  const consent = await repo.findConsent(trx, actor.municipalityId, consentId, [
    c.id,
    ...(await repo.mergedIds(trx, actor.municipalityId, c.id)),
  ]);
  if (!consent || consent.withdrawn_on) throw new AppError('NOT_FOUND');
  if (withdrawnOn < consent.given_on) throw invalid([{ path: 'withdrawnOn', code: 'before_given' }]);
  await repo.withdrawConsent(trx, consentId, withdrawnOn);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.consent_withdraw',
    entityType: 'citizen',
    entityId: c.id,
    details: { purpose: consent.purpose },
  });
}

/**
 * Whether the citizen has an active consent for a purpose on a date. Modules that share data
 * (allocation → housing organisation, shelters, support providers) call `requireConsent` where the
 * sharing happens.
 */
export async function hasConsent(
  trx: Tx,
  municipalityId: string,
  citizenId: string,
  purpose: string,
  onDate = today(),
) {
  return (await repo.activeConsent(trx, municipalityId, citizenId, purpose, onDate)) !== undefined;
}

export async function requireConsent(
  trx: Tx,
  municipalityId: string,
  citizenId: string,
  purpose: string,
  onDate = today(),
) {
  if (!(await hasConsent(trx, municipalityId, citizenId, purpose, onDate)))
    throw new AppError('CONSENT_REQUIRED', { params: { purpose } });
}

// ---- list ----

/** A row of the list as a role may see it: the CPR number masked, or absent for the leader. */
export function presentSummary(r: list.ListRow, actor: Pick<Actor, 'permissions'>): CitizenSummary {
  return {
    id: r.id,
    name: displayName(r),
    initials: r.initials,
    ...(citizenAbilities(actor).showCpr ? { cpr: cprAs('masked', r.cpr) } : {}),
    birthDate: r.birth_date,
    age: r.age,
    sex: r.sex,
    status: r.status,
    situation: r.situation,
    inactiveReason: r.inactive_reason,
  };
}

export interface ListQuery {
  q?: string | undefined;
  status?: list.ListFilter['status'];
  situation?: list.ListFilter['situation'];
  ageBand?: keyof typeof AGE_BAND_RANGE | undefined;
  sex?: 'male' | 'female' | undefined;
  youth?: 'true' | 'false' | undefined;
  /** The date the list is wanted as it stood on; today if left out. */
  statusOn?: string | undefined;
  page: number;
  pageSize: number;
}

/** The by-name list: search by CPR (current or former) or name, filters, one page. The search is audited, its text is not. */
export async function listCitizens(trx: Tx, actor: Actor, query: ListQuery) {
  const q = query.q?.trim() ?? '';
  const looksLikeCpr = /^\d{6}-?\d{0,4}$/.test(q);
  // Who may not see CPR numbers may not find people by them either (the leader, issue 20 (d)).
  if (looksLikeCpr && !citizenAbilities(actor).showCpr)
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const cprDigits = looksLikeCpr ? q.replace('-', '') : undefined;
  let [minAge, maxAge] = query.ageBand ? AGE_BAND_RANGE[query.ageBand] : [undefined, undefined];
  if (query.youth === 'true') {
    minAge = Math.max(minAge ?? 18, 18);
    maxAge = Math.min(maxAge ?? 29, 29);
  }
  const policy = await repo.policy(trx, actor.municipalityId);
  const { rows, total } = await list.listCitizens(trx, {
    municipalityId: actor.municipalityId,
    scope: citizenScope(actor),
    today: today(),
    onDate: query.statusOn ?? today(),
    q: cprDigits ? undefined : q || undefined,
    cprPrefix: cprDigits,
    status: query.status,
    situation: query.situation,
    minAge,
    maxAge,
    sex: query.sex,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
    ...policy,
  });
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'citizen.search',
    entityType: 'citizen',
    purpose: 'casework',
    details: { byCpr: Boolean(cprDigits), byName: Boolean(q && !cprDigits), results: total },
  });
  return {
    items: rows.map((r) => presentSummary(r, actor)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

// ---- the inactivity policy (domain.md rule 36: configurable) ----

export async function getPolicy(trx: Tx, actor: Actor) {
  return repo.policy(trx, actor.municipalityId);
}

/** Sets when a citizen becomes inactive; takes effect on every status from now on. */
export async function setPolicy(
  trx: Tx,
  actor: Actor,
  policy: { noContactDays: number; institutionDays: number },
) {
  await repo.savePolicy(trx, actor.municipalityId, policy);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'settings.inactivity_policy',
    entityType: 'municipality',
    entityId: actor.municipalityId,
    details: policy,
  });
  return repo.policy(trx, actor.municipalityId);
}
