import { addDays, today } from '../../../shared/dates';
import { HOUSING_FIRST_METHODS } from '../../../shared/economics/model';
import type {
  CaseloadView,
  Catalogue,
  ContactInput,
  EndInput,
  EnrollmentDetail,
  EnrollmentInput,
  EnrollmentSummary,
  FidelityOverview,
  MethodSettingsInput,
  PhaseInput,
  RetentionReport,
  RetentionRow,
  TeamInput,
  TeamView,
  WorkerCandidate,
  WorkerInput,
  WorkerUpdate,
  WorkerView,
} from '../../../shared/support/api';
import {
  type ContactGapSetting,
  CTI_PHASES,
  type CtiPhase,
  DEFAULT_CONTACT_GAP_DAYS,
  DEFAULTS_FROM,
  METHODS,
  type Method,
  type MethodSettings,
  RETENTION_MONTHS,
} from '../../../shared/support/model';
import {
  addMonths,
  caseloadLoad,
  ctiContactPattern,
  ctiPlannedEnd,
  ctiPlannedPhases,
  daysWithoutContact,
  enrollmentDateProblems,
  type FieldProblem,
  type HousingFacts,
  housedAfter,
  housingAllowsStart,
  mayHavePlannedEnd,
  providerChoiceProblems,
  settingsOn,
} from '../../../shared/support/rules';
import { suppressBreakdown, suppressSmall } from '../../../shared/suppression';
import { isUniqueViolation, type Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit, logPersonalDataRead } from '../../platform/audit';
import { municipalityProfile } from '../access';
import { tenancyFacts } from '../allocation';
import { displayName, whereaboutsFacts } from '../citizens';
import { mayAssign, notesVisible, scopeOf } from './support.policy';
import * as repo from './support.repository';

const invalid = (fields: FieldProblem[]) => new AppError('V_VALIDATION', { fields });
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

// --- Settings ---------------------------------------------------------------------------------

function toSettings(r: Awaited<ReturnType<typeof repo.methodSettings>>[number]): MethodSettings {
  const intervals = r.phase_interval_days?.map(Number);
  return {
    method: r.method,
    validFrom: r.valid_from,
    legalBasis: r.legal_basis,
    caseloadNorm: num(r.caseload_norm),
    contactBuildingDays: r.contact_building_days,
    phaseIntervalDays:
      intervals && intervals.length === 3
        ? [intervals[0] ?? 7, intervals[1] ?? 14, intervals[2] ?? 30]
        : null,
    leaseRequired: r.lease_required,
    monthlyCost: num(r.monthly_cost),
  };
}

/** The municipality's dated settings: every method's history and the contact-gap history. */
export async function loadSettings(trx: Tx, m: string) {
  const methods = (await repo.methodSettings(trx, m)).map(toSettings);
  const gaps: ContactGapSetting[] = (await repo.contactGapSettings(trx, m)).map((g) => ({
    validFrom: g.valid_from,
    days: g.days,
  }));
  const gapOn = (date: string) => gaps.find((g) => g.validFrom <= date)?.days ?? DEFAULT_CONTACT_GAP_DAYS;
  return { methods, gaps, on: (method: Method, date: string) => settingsOn(method, methods, date), gapOn };
}

export async function catalogue(trx: Tx, actor: Actor): Promise<Catalogue> {
  const s = await loadSettings(trx, actor.municipalityId);
  const onDate = today();
  return {
    methods: METHODS.map((method) => {
      const history = s.methods.filter((x) => x.method === method);
      // The shipped defaults apply until the first stored setting (a municipality created later).
      if (!history.some((x) => x.validFrom <= DEFAULTS_FROM)) history.push(s.on(method, DEFAULTS_FROM));
      return { method, current: s.on(method, onDate), history };
    }),
    contactGap: {
      current: s.gaps.find((g) => g.validFrom <= onDate) ?? {
        validFrom: DEFAULTS_FROM,
        days: DEFAULT_CONTACT_GAP_DAYS,
      },
      history: s.gaps.some((g) => g.validFrom <= DEFAULTS_FROM)
        ? s.gaps
        : [...s.gaps, { validFrom: DEFAULTS_FROM, days: DEFAULT_CONTACT_GAP_DAYS }],
    },
  };
}

/** A new dated setting of a method's norms (history is kept: a new row, never an overwrite). */
export async function saveMethodSettings(
  trx: Tx,
  actor: Actor,
  method: Method,
  input: MethodSettingsInput,
): Promise<Catalogue> {
  if (method === 'cti' && (!input.phaseIntervalDays || input.contactBuildingDays === null))
    throw invalid([
      { path: input.phaseIntervalDays ? 'contactBuildingDays' : 'phaseIntervalDays', code: 'required' },
    ]);
  await repo.insertMethodSetting(trx, {
    municipality_id: actor.municipalityId,
    method,
    valid_from: input.validFrom,
    legal_basis: input.legalBasis,
    caseload_norm: input.caseloadNorm,
    contact_building_days: input.contactBuildingDays,
    phase_interval_days: input.phaseIntervalDays ? [...input.phaseIntervalDays] : null,
    lease_required: input.leaseRequired,
    monthly_cost: input.monthlyCost,
    recorded_by: actor.userId,
  });
  await audit(trx, actor, 'support.method_settings', 'support_method', method, {
    validFrom: input.validFrom,
  });
  return catalogue(trx, actor);
}

export async function saveContactGap(trx: Tx, actor: Actor, input: ContactGapSetting): Promise<Catalogue> {
  await repo.insertContactGap(trx, {
    municipality_id: actor.municipalityId,
    valid_from: input.validFrom,
    days: input.days,
    recorded_by: actor.userId,
  });
  await audit(trx, actor, 'support.contact_gap', 'support_settings', actor.municipalityId, { ...input });
  return catalogue(trx, actor);
}

// --- Teams and workers ------------------------------------------------------------------------

const presentTeam = (t: Awaited<ReturnType<typeof repo.teams>>[number]): TeamView => ({
  id: t.id,
  name: t.name,
  sharedCaseload: t.shared_caseload,
  members: t.members,
  fte: Number(t.fte),
});

const presentWorker = (w: repo.WorkerRow): WorkerView => ({
  id: w.id,
  userId: w.user_id,
  name: w.name,
  teamId: w.team_id,
  teamName: w.team_name,
  fte: Number(w.fte),
  active: w.active,
});

export async function listTeams(trx: Tx, actor: Actor): Promise<TeamView[]> {
  return (await repo.teams(trx, actor.municipalityId)).map(presentTeam);
}

export async function createTeam(trx: Tx, actor: Actor, input: TeamInput): Promise<TeamView> {
  const name = input.name.trim();
  if (!name) throw invalid([{ path: 'name', code: 'required' }]);
  const { id } = await repo
    .insertTeam(trx, actor.municipalityId, name, input.sharedCaseload)
    .catch((e: unknown) => {
      throw isUniqueViolation(e) ? invalid([{ path: 'name', code: 'taken' }]) : e;
    });
  await audit(trx, actor, 'support.team_create', 'support_team', id);
  const team = (await listTeams(trx, actor)).find((t) => t.id === id);
  if (!team) throw new AppError('NOT_FOUND');
  return team;
}

export async function listWorkers(
  trx: Tx,
  actor: Actor,
): Promise<{ workers: WorkerView[]; candidates: WorkerCandidate[] }> {
  const m = actor.municipalityId;
  return {
    workers: (await repo.workers(trx, m)).map(presentWorker),
    candidates: (await repo.workerCandidates(trx, m)).map((u) => ({ userId: u.id, name: u.display_name })),
  };
}

async function assertTeam(trx: Tx, m: string, teamId: string | null) {
  if (teamId && !(await repo.teamExists(trx, m, teamId)))
    throw invalid([{ path: 'teamId', code: 'invalid' }]);
}

export async function createWorker(trx: Tx, actor: Actor, input: WorkerInput): Promise<WorkerView> {
  const m = actor.municipalityId;
  const user = await repo.userOf(trx, m, input.userId);
  if (!user) throw invalid([{ path: 'userId', code: 'invalid' }]);
  if (user.role_code !== 'support') throw new AppError('SUPPORT_WORKER_ROLE');
  await assertTeam(trx, m, input.teamId);
  if (await repo.workerOfUser(trx, m, input.userId)) throw new AppError('SUPPORT_WORKER_EXISTS');
  const { id } = await repo
    .insertWorker(trx, { municipality_id: m, user_id: input.userId, team_id: input.teamId, fte: input.fte })
    .catch((e: unknown) => {
      throw isUniqueViolation(e) ? new AppError('SUPPORT_WORKER_EXISTS') : e;
    });
  await audit(trx, actor, 'support.worker_create', 'support_worker', id, { fte: input.fte });
  return presentWorker((await repo.workerById(trx, m, id)) as repo.WorkerRow);
}

export async function updateWorker(
  trx: Tx,
  actor: Actor,
  id: string,
  input: WorkerUpdate,
): Promise<WorkerView> {
  const m = actor.municipalityId;
  if (!(await repo.workerById(trx, m, id))) throw new AppError('NOT_FOUND');
  await assertTeam(trx, m, input.teamId);
  await repo.updateWorker(trx, m, id, { team_id: input.teamId, fte: input.fte, active: input.active });
  await audit(trx, actor, 'support.worker_update', 'support_worker', id, { ...input });
  return presentWorker((await repo.workerById(trx, m, id)) as repo.WorkerRow);
}

// --- Enrollments ------------------------------------------------------------------------------

function summary(r: repo.EnrollmentRow, gapDays: number, onDate: string): EnrollmentSummary {
  return {
    id: r.id,
    citizenId: r.citizen_id,
    citizenName: displayName(r) ?? '',
    method: r.method,
    workerName: r.worker_name,
    teamName: r.team_name,
    startOn: r.start_on,
    plannedEndOn: r.planned_end_on,
    endOn: r.end_on,
    phase: (r.phase as CtiPhase | null) ?? null,
    lastContactOn: r.last_contact_on,
    daysWithoutContact:
      r.end_on || r.start_on > onDate ? null : daysWithoutContact(r.last_contact_on, r.start_on, onDate),
    contactGapDays: gapDays,
  };
}

/** The housing a CTI start can rest on: leases, move-ins and own-home whereabouts (rule 16). */
/** A citizen's tenancies (allocation) and whereabouts (citizens): what a CTI start rests on (rule 16). */
async function housingFacts(trx: Tx, m: string, citizenId: string): Promise<HousingFacts> {
  const leaseOrMoveInOn: string[] = [];
  for (const t of await tenancyFacts(trx, m, [citizenId])) {
    if (t.lease_signed_on) leaseOrMoveInOn.push(t.lease_signed_on);
    if (t.moved_in_on) leaseOrMoveInOn.push(t.moved_in_on);
  }
  const whereabouts = (await whereaboutsFacts(trx, m, [citizenId])).map((e) => ({
    from: e.from_date,
    housed: e.situation === 'housed',
  }));
  return { leaseOrMoveInOn, whereabouts };
}

async function ownWorker(trx: Tx, actor: Actor) {
  const w = await repo.workerOfUser(trx, actor.municipalityId, actor.userId);
  return w?.active ? w : undefined;
}

export async function createEnrollment(
  trx: Tx,
  actor: Actor,
  input: EnrollmentInput,
): Promise<{ id: string }> {
  const m = actor.municipalityId;
  const onDate = today();
  const own = await ownWorker(trx, actor);
  let { workerId, teamId } = input;
  if (!workerId && !teamId) {
    if (!own) throw invalid([{ path: 'workerId', code: 'required' }]);
    workerId = own.id;
  }
  if (workerId && teamId) throw invalid([{ path: 'teamId', code: 'worker_or_team' }]);
  if (!mayAssign(actor, own ? { workerId: own.id, teamId: own.team_id } : null, { workerId, teamId }))
    throw own
      ? invalid([{ path: workerId ? 'workerId' : 'teamId', code: 'not_own_caseload' }])
      : new AppError('SUPPORT_NOT_A_WORKER');
  if (workerId && !(await repo.workerById(trx, m, workerId)))
    throw invalid([{ path: 'workerId', code: 'invalid' }]);
  await assertTeam(trx, m, teamId);
  if (!(await repo.citizenExists(trx, m, input.citizenId)))
    throw invalid([{ path: 'citizenId', code: 'invalid' }]);

  const settings = await loadSettings(trx, m);
  const s = settings.on(input.method, input.startOn);
  const problems = [...enrollmentDateProblems(input, onDate), ...providerChoiceProblems(input)];
  if (input.plannedEndOn && !mayHavePlannedEnd(input.method))
    problems.push({ path: 'plannedEndOn', code: 'no_end_date' });
  if (problems.length) throw invalid(problems);
  if (!housingAllowsStart(s, input.startOn, await housingFacts(trx, m, input.citizenId)))
    throw new AppError('SUPPORT_CTI_HOUSING_REQUIRED');
  if (await repo.activeEnrollmentIn(trx, m, input.citizenId, input.method))
    throw new AppError('SUPPORT_ENROLLMENT_ACTIVE');

  const building = s.contactBuildingDays ?? 0;
  const plannedEndOn = input.method === 'cti' ? ctiPlannedEnd(input.startOn, building) : input.plannedEndOn;
  const { id } = await repo
    .insertEnrollment(trx, {
      municipality_id: m,
      citizen_id: input.citizenId,
      method: input.method,
      worker_id: workerId,
      team_id: teamId,
      decision_on: input.decisionOn,
      legal_basis: input.legalBasis,
      provider_wish: input.providerWish?.trim() || null,
      provider_wish_followed: input.providerWish ? input.providerWishFollowed : null,
      provider_wish_reason:
        input.providerWish && input.providerWishFollowed === false
          ? input.providerWishReason?.trim() || null
          : null,
      start_on: input.startOn,
      planned_end_on: plannedEndOn,
      created_by: actor.userId,
    })
    .catch((e: unknown) => {
      throw isUniqueViolation(e) ? new AppError('SUPPORT_ENROLLMENT_ACTIVE') : e;
    });
  if (input.method === 'cti')
    await repo.insertPhaseChange(trx, {
      municipality_id: m,
      enrollment_id: id,
      phase: building > 0 ? 'contact_building' : 'phase1',
      from_on: input.startOn,
      recorded_by: actor.userId,
    });
  await audit(trx, actor, 'support.enrollment_create', 'support_enrollment', id, { method: input.method });
  return { id };
}

async function loadEnrollment(trx: Tx, actor: Actor, id: string) {
  const [row] = await repo.enrollments(trx, actor.municipalityId, scopeOf(actor), { id, onDate: today() });
  // Outside the caseload is the same as not there (need-to-know).
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function enrollmentDetail(trx: Tx, actor: Actor, id: string): Promise<EnrollmentDetail> {
  const m = actor.municipalityId;
  const onDate = today();
  const r = await loadEnrollment(trx, actor, id);
  const settings = await loadSettings(trx, m);
  const s = settings.on(r.method, r.start_on);
  const phases = (await repo.phaseChanges(trx, m, [id])).map((p) => ({ phase: p.phase, fromOn: p.from_on }));
  const showNotes = notesVisible(actor);
  const contacts = (await repo.contactsOf(trx, m, [id])).map((k) => ({
    id: k.id,
    contactOn: k.contact_on,
    kind: k.kind,
    byName: k.by_name ?? '',
    note: showNotes ? k.note : null,
  }));
  const planned = r.method === 'cti' ? ctiPlannedPhases(r.start_on, s.contactBuildingDays ?? 0) : null;
  const detail: EnrollmentDetail = {
    ...summary(r, settings.gapOn(onDate), onDate),
    workerId: r.worker_id,
    teamId: r.team_id,
    decisionOn: r.decision_on,
    legalBasis: r.legal_basis,
    providerWish: r.provider_wish,
    providerWishFollowed: r.provider_wish_followed,
    providerWishReason: r.provider_wish_reason,
    endReason: r.end_reason,
    phases,
    plannedPhases: planned ? CTI_PHASES.map((phase) => ({ phase, fromOn: planned[phase] })) : [],
    contacts,
    pattern:
      r.method === 'cti'
        ? ctiContactPattern(phases, contacts, r.end_on ?? onDate, s.phaseIntervalDays ?? [7, 14, 30])
        : null,
    notesVisible: showNotes,
  };
  await logPersonalDataRead(trx, actor, {
    entityType: 'support_enrollment',
    entityId: id,
    purpose: 'support',
  });
  return detail;
}

export async function addContact(
  trx: Tx,
  actor: Actor,
  id: string,
  input: ContactInput,
): Promise<EnrollmentDetail> {
  const r = await loadEnrollment(trx, actor, id);
  if (r.end_on) throw new AppError('SUPPORT_ENROLLMENT_ENDED');
  const problems: FieldProblem[] = [];
  if (input.contactOn > today()) problems.push({ path: 'contactOn', code: 'future_date' });
  else if (input.contactOn < r.start_on) problems.push({ path: 'contactOn', code: 'before_start' });
  const note = input.note?.trim() || null;
  if (note && !notesVisible(actor)) problems.push({ path: 'note', code: 'not_allowed' });
  if (problems.length) throw invalid(problems);
  const { id: contactId } = await repo.insertContact(trx, {
    municipality_id: actor.municipalityId,
    enrollment_id: id,
    contact_on: input.contactOn,
    kind: input.kind,
    by_user_id: actor.userId,
    note,
  });
  await audit(trx, actor, 'support.contact_create', 'support_contact', contactId, { kind: input.kind });
  return enrollmentDetail(trx, actor, id);
}

export async function changePhase(
  trx: Tx,
  actor: Actor,
  id: string,
  input: PhaseInput,
): Promise<EnrollmentDetail> {
  const r = await loadEnrollment(trx, actor, id);
  if (r.end_on) throw new AppError('SUPPORT_ENROLLMENT_ENDED');
  if (r.method !== 'cti') throw invalid([{ path: 'phase', code: 'cti_only' }]);
  if (input.fromOn > today()) throw invalid([{ path: 'fromOn', code: 'future_date' }]);
  if (input.fromOn < r.start_on) throw invalid([{ path: 'fromOn', code: 'before_start' }]);
  await repo.insertPhaseChange(trx, {
    municipality_id: actor.municipalityId,
    enrollment_id: id,
    phase: input.phase,
    from_on: input.fromOn,
    recorded_by: actor.userId,
  });
  await audit(trx, actor, 'support.phase_change', 'support_enrollment', id, { ...input });
  return enrollmentDetail(trx, actor, id);
}

export async function endEnrollment(
  trx: Tx,
  actor: Actor,
  id: string,
  input: EndInput,
): Promise<EnrollmentDetail> {
  const r = await loadEnrollment(trx, actor, id);
  if (r.end_on) throw new AppError('SUPPORT_ENROLLMENT_ENDED');
  const problems = enrollmentDateProblems(
    { decisionOn: r.decision_on, startOn: r.start_on, plannedEndOn: null, endOn: input.endOn },
    today(),
  );
  if (problems.length) throw invalid(problems);
  await repo.endEnrollment(trx, actor.municipalityId, id, {
    end_on: input.endOn,
    end_reason: input.endReason,
  });
  await audit(trx, actor, 'support.enrollment_end', 'support_enrollment', id, { reason: input.endReason });
  return enrollmentDetail(trx, actor, id);
}

// --- Caseload and fidelity --------------------------------------------------------------------

type Fact = Awaited<ReturnType<typeof repo.enrollmentFacts>>[number];

const activeOn = (e: Pick<Fact, 'start_on' | 'end_on'>, date: string) =>
  e.start_on <= date && (e.end_on === null || e.end_on > date);

function countByMethod(facts: readonly Pick<Fact, 'method'>[]): Partial<Record<Method, number>> {
  const counts: Partial<Record<Method, number>> = {};
  for (const f of facts) counts[f.method] = (counts[f.method] ?? 0) + 1;
  return counts;
}

function normsOn(settings: Awaited<ReturnType<typeof loadSettings>>, date: string) {
  return Object.fromEntries(METHODS.map((mm) => [mm, settings.on(mm, date).caseloadNorm])) as Record<
    Method,
    number | null
  >;
}

/** "Mit caseload": the user's active enrollments against the norm × FTE, with CTI pattern warnings. */
export async function caseload(trx: Tx, actor: Actor): Promise<CaseloadView> {
  const m = actor.municipalityId;
  const onDate = today();
  const scope = scopeOf(actor);
  const settings = await loadSettings(trx, m);
  const rows = await repo.enrollments(trx, m, scope, { active: true, onDate });
  const own = await repo.workerOfUser(trx, m, actor.userId);
  const team = own?.team_id
    ? ((await listTeams(trx, actor)).find((t) => t.id === own.team_id) ?? null)
    : null;
  const fte = team?.sharedCaseload ? team.fte : own ? Number(own.fte) : 0;
  const load = caseloadLoad(
    countByMethod(rows.filter((r) => r.start_on <= onDate)),
    normsOn(settings, onDate),
    fte,
  );
  const cti = rows.filter((r) => r.method === 'cti');
  const changes = await repo.phaseChanges(
    trx,
    m,
    cti.map((r) => r.id),
  );
  const contacts = await repo.contactsOf(
    trx,
    m,
    cti.map((r) => r.id),
  );
  const patternWarnings: CaseloadView['patternWarnings'] = [];
  for (const r of cti) {
    const s = settings.on('cti', r.start_on);
    const p = ctiContactPattern(
      changes.filter((c) => c.enrollment_id === r.id).map((c) => ({ phase: c.phase, fromOn: c.from_on })),
      contacts
        .filter((k) => k.enrollment_id === r.id)
        .map((k) => ({ contactOn: k.contact_on, kind: k.kind })),
      onDate,
      s.phaseIntervalDays ?? [7, 14, 30],
    );
    if (p.warnings.length)
      patternWarnings.push({ enrollmentId: r.id, citizenName: displayName(r) ?? '', warnings: p.warnings });
  }
  const view: CaseloadView = {
    worker: own ? presentWorker(own) : null,
    team,
    lines: load.lines,
    load: own ? load.load : null,
    overNorm: own ? load.overNorm : false,
    enrollments: rows.map((r) => summary(r, settings.gapOn(onDate), onDate)),
    patternWarnings,
  };
  await logPersonalDataRead(trx, actor, {
    entityType: 'support_caseload',
    entityId: actor.userId,
    purpose: 'support',
    details: { enrollments: rows.length },
  });
  return view;
}

/** The month (YYYY-MM) of a date and the last day of a month. */
const monthOf = (date: string) => date.slice(0, 7);
const monthEnd = (month: string) => addDays(addMonths(`${month}-01`, 1), -1);

/** The leader's overview (issue 15 §5): caseload per team and worker, per method, by month; suppressed. */
export async function fidelity(trx: Tx, actor: Actor): Promise<FidelityOverview> {
  const m = actor.municipalityId;
  const onDate = today();
  const settings = await loadSettings(trx, m);
  // Rule 33: the municipality's limit for small numbers, for every count of the overview.
  const limit = (await municipalityProfile(trx, m)).suppression_limit;
  const norms = normsOn(settings, onDate);
  const facts = await repo.enrollmentFacts(trx, m);
  const active = facts.filter((f) => activeOn(f, onDate));
  const teams = await listTeams(trx, actor);
  const workers = (await repo.workers(trx, m)).filter((w) => w.active);
  const units: FidelityOverview['units'] = [];
  for (const t of teams) {
    const mine = active.filter((f) => (f.team_id ?? f.worker_team_id) === t.id);
    const l = caseloadLoad(countByMethod(mine), norms, t.fte);
    units.push({
      kind: 'team',
      id: t.id,
      name: t.name,
      teamName: null,
      fte: t.fte,
      active: suppressSmall(mine.length, limit),
      load: l.load,
      overNorm: l.overNorm,
    });
  }
  for (const w of workers) {
    const mine = active.filter((f) => f.worker_id === w.id);
    const l = caseloadLoad(countByMethod(mine), norms, Number(w.fte));
    units.push({
      kind: 'worker',
      id: w.id,
      name: w.name,
      teamName: w.team_name,
      fte: Number(w.fte),
      active: suppressSmall(mine.length, limit),
      load: l.load,
      overNorm: l.overNorm,
    });
  }
  const byMethod = countByMethod(active);
  const counts = Object.fromEntries(METHODS.map((mm) => [mm, byMethod[mm] ?? 0])) as Record<Method, number>;
  const reported = suppressBreakdown(counts, limit);
  const totalFte = workers.reduce((s, w) => s + Number(w.fte), 0);
  const methods = METHODS.map((method) => ({
    method,
    active: reported[method],
    capacity: norms[method] === null ? null : Math.round((norms[method] as number) * totalFte * 10) / 10,
  }));
  // CTI contact pattern warnings, counted.
  const cti = active.filter((f) => f.method === 'cti');
  const changes = await repo.phaseChanges(
    trx,
    m,
    cti.map((f) => f.id),
  );
  const contacts = await repo.contactsOf(
    trx,
    m,
    cti.map((f) => f.id),
  );
  let warned = 0;
  for (const f of cti) {
    const s = settings.on('cti', f.start_on);
    const p = ctiContactPattern(
      changes.filter((c) => c.enrollment_id === f.id).map((c) => ({ phase: c.phase, fromOn: c.from_on })),
      contacts
        .filter((k) => k.enrollment_id === f.id)
        .map((k) => ({ contactOn: k.contact_on, kind: k.kind })),
      onDate,
      s.phaseIntervalDays ?? [7, 14, 30],
    );
    if (p.warnings.length) warned++;
  }
  const months: FidelityOverview['months'] = [];
  for (let i = 11; i >= 0; i--) {
    const month = monthOf(addMonths(`${monthOf(onDate)}-01`, -i));
    const end = i === 0 ? onDate : monthEnd(month);
    months.push({
      month,
      active: suppressSmall(facts.filter((f) => activeOn(f, end)).length, limit),
      started: suppressSmall(facts.filter((f) => monthOf(f.start_on) === month).length, limit),
      ended: suppressSmall(
        facts.filter((f) => f.end_on !== null && monthOf(f.end_on) === month).length,
        limit,
      ),
    });
  }
  await audit(trx, actor, 'support.fidelity_read', 'support_report', m);
  return { onDate, units, methods, ctiPatternWarnings: suppressSmall(warned, limit), months };
}

/**
 * Rule 18 for the whole municipality on a date (insight: support fidelity among the outcome
 * indicators): the enrollments active per method against the norm × the active workers' FTE, as the
 * leader's overview counts them; load above 1 is over the norm.
 */
export async function caseloadOn(trx: Tx, m: string, onDate: string) {
  const settings = await loadSettings(trx, m);
  const rows = await repo.activeByMethodOn(trx, m, onDate);
  const fte = rows[0]?.fte ?? 0;
  const counts: Partial<Record<Method, number>> = {};
  for (const r of rows) if (r.method) counts[r.method] = r.active;
  const norms = normsOn(settings, onDate);
  const load = caseloadLoad(counts, norms, fte);
  const withNorm = load.lines.filter((l) => norms[l.method] !== null);
  return {
    active: withNorm.reduce((s, l) => s + l.active, 0),
    capacity: Math.round(withNorm.reduce((s, l) => s + (l.capacity ?? 0), 0) * 10) / 10,
    load: load.load,
  };
}

/** Issue 15 §8: share of tenancies still housed 3, 6, 12 and 24 months after move-in; suppressed. */
export async function retention(trx: Tx, actor: Actor): Promise<RetentionReport> {
  const m = actor.municipalityId;
  const onDate = today();
  // Rule 33: the municipality's limit for small numbers.
  const limit = (await municipalityProfile(trx, m)).suppression_limit;
  const tenancies = (await tenancyFacts(trx, m, null)).filter((t) => t.moved_in_on);
  const episodes = await whereaboutsFacts(trx, m, null);
  const byCitizen = new Map<string, { situation: string; fromDate: string; recordedAt: string }[]>();
  for (const e of episodes) {
    const list = byCitizen.get(e.citizen_id) ?? [];
    list.push({ situation: e.situation, fromDate: e.from_date, recordedAt: String(e.recorded_at) });
    byCitizen.set(e.citizen_id, list);
  }
  const facts = await repo.enrollmentFacts(trx, m);
  const teamNames = new Map((await listTeams(trx, actor)).map((t) => [t.id, t.name]));
  type Tally = { tenancies: number; due: number[]; housed: number[] };
  const groups = new Map<string, Tally & { group: RetentionRow['group']; key: string }>();
  const tally = (group: RetentionRow['group'], key: string) => {
    const id = `${group}:${key}`;
    let t = groups.get(id);
    if (!t) {
      t = {
        group,
        key,
        tenancies: 0,
        due: RETENTION_MONTHS.map(() => 0),
        housed: RETENTION_MONTHS.map(() => 0),
      };
      groups.set(id, t);
    }
    return t;
  };
  for (const t of tenancies) {
    const movedIn = t.moved_in_on as string;
    // The support that went with the home: the first enrollment running at or within a year of move-in.
    const e = facts
      .filter(
        (f) =>
          f.citizen_id === t.citizen_id &&
          f.start_on <= addMonths(movedIn, 12) &&
          (f.end_on ?? '9999') >= movedIn,
      )
      .sort((a, b) => (a.start_on < b.start_on ? -1 : 1))[0];
    const teamId = e ? (e.team_id ?? e.worker_team_id) : null;
    const targets = [
      tally('all', 'all'),
      tally('method', e ? e.method : 'none'),
      tally('team', teamId ? (teamNames.get(teamId) ?? teamId) : 'none'),
    ];
    const eps = byCitizen.get(t.citizen_id) ?? [];
    for (const g of targets) g.tenancies++;
    RETENTION_MONTHS.forEach((months, i) => {
      const housed = housedAfter(movedIn, months, eps, onDate);
      if (housed === null) return;
      for (const g of targets) {
        g.due[i] = (g.due[i] ?? 0) + 1;
        if (housed) g.housed[i] = (g.housed[i] ?? 0) + 1;
      }
    });
  }
  const rows: RetentionRow[] = [...groups.values()].map((g) => {
    const cells = {} as RetentionRow['cells'];
    RETENTION_MONTHS.forEach((months, i) => {
      const due = g.due[i] ?? 0;
      const housed = g.housed[i] ?? 0;
      const split = suppressBreakdown({ housed, lost: due - housed }, limit);
      const shown = typeof split.housed === 'number' && typeof split.lost === 'number';
      cells[`m${months}`] = {
        due: suppressSmall(due, limit),
        housed: split.housed,
        percent: shown && due > 0 ? Math.round((housed / due) * 1000) / 10 : null,
      };
    });
    return { group: g.group, key: g.key, tenancies: suppressSmall(g.tenancies, limit), cells };
  });
  rows.sort((a, b) =>
    a.group === b.group
      ? a.key.localeCompare(b.key)
      : a.group === 'all'
        ? -1
        : b.group === 'all'
          ? 1
          : a.group.localeCompare(b.group),
  );
  if (!rows.some((r) => r.group === 'all'))
    rows.unshift({
      group: 'all',
      key: 'all',
      tenancies: 0,
      cells: Object.fromEntries(
        RETENTION_MONTHS.map((mm) => [`m${mm}`, { due: 0, housed: 0, percent: null }]),
      ) as RetentionRow['cells'],
    });
  await audit(trx, actor, 'support.retention_read', 'support_report', m);
  return { onDate, rows };
}

/**
 * The active users of the support workers of each citizen's active enrollments (the worker, or the
 * team's members; an ACT team's members share its caseload), by citizen id, in the transaction's
 * municipality. For other modules (plans: who to tell about a citizen).
 */
export async function supportWorkerUserIds(trx: Tx, citizenIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const r of await repo.workerUsersOfCitizens(trx, citizenIds)) {
    const list = out.get(r.citizen_id) ?? [];
    list.push(r.user_id);
    out.set(r.citizen_id, list);
  }
  return out;
}

type HousingFirstMethod = (typeof HOUSING_FIRST_METHODS)[number];

/** One Housing First method's share of the support workers, its norm and its clients on a date. */
export interface MethodCapacity {
  /** The full-time workers the method's clients take (the FTE shared by the current mix). */
  fte: number;
  /** Clients per full-time worker (rule 18), null without a norm. */
  caseloadNorm: number | null;
  active: number;
}

/**
 * The support capacity per Housing First method on a date, for other modules (planning: support
 * places = FTE × norm). The active workers' FTE is shared between the methods as their clients use
 * it (each method's clients over its norm, rule 18); without clients, evenly between the methods
 * with a norm.
 */
export async function methodCapacity(
  trx: Tx,
  m: string,
  onDate: string,
): Promise<Record<HousingFirstMethod, MethodCapacity>> {
  const [settings, rows] = await Promise.all([loadSettings(trx, m), repo.activeByMethodOn(trx, m, onDate)]);
  const norms = normsOn(settings, onDate);
  const fte = rows[0]?.fte ?? 0;
  const active = (method: Method) => rows.find((r) => r.method === method)?.active ?? 0;
  const use = HOUSING_FIRST_METHODS.map((method) => {
    const norm = norms[method];
    return norm ? active(method) / norm : 0;
  });
  const used = use.reduce((a, b) => a + b, 0);
  const withNorm = HOUSING_FIRST_METHODS.filter((method) => norms[method]).length;
  return Object.fromEntries(
    HOUSING_FIRST_METHODS.map((method, i) => {
      const share = used > 0 ? (use[i] as number) / used : norms[method] ? 1 / withNorm : 0;
      return [method, { fte: fte * share, caseloadNorm: norms[method], active: active(method) }];
    }),
  ) as Record<HousingFirstMethod, MethodCapacity>;
}
