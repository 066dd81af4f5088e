import { isViveSituation, type Situation, type ViveSituation } from '../../../shared/citizens/whereabouts';
import type { CountCandidate, CountDetail, CountReport, RegistrationInput } from '../../../shared/count/api';
import type { Answer } from '../../../shared/count/model';
import { countFigures, reportedFigures } from '../../../shared/count/report';
import {
  countDay,
  countYears,
  durationOf,
  isCountYear,
  NATIONAL_COUNT_TOTALS,
  samePerson,
  week6,
} from '../../../shared/count/rules';
import { addDays, ageOn, today } from '../../../shared/dates';
import { suppressSmall } from '../../../shared/suppression';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit, logPersonalDataRead } from '../../platform/audit';
import { municipalityProfile } from '../access';
import { citizensWithOpenApplication } from '../allocation';
import { displayName, homelessOnDays, whereaboutsFacts } from '../citizens';
import { citizensWithActivePlan } from '../plans';
import { shelterNamesOfStays } from '../shelters';
import { citizensWithDecidedSupport } from '../support';
import { countExportFile } from './count.files';
import * as repo from './count.repository';
import type { CountRegistrationRow } from './count.table';

/** Facts of the data are prefilled as the answers only this long after the count week (later they are history). */
const PREFILL_FACTS_DAYS = 90;

/**
 * The municipality's counts, newest first. How many are registered is a figure for those who may
 * not read the registrations (leader, economy, administrator): small numbers suppressed.
 */
export async function listCounts(trx: Tx, actor: Actor, knownLimit?: number) {
  const rows = await repo.counts(trx, actor.municipalityId);
  const caseWork = actor.permissions.has('count.read');
  // Rule 33: outside case work, at the municipality's limit (given by a caller that has read it).
  const limit = caseWork ? null : (knownLimit ?? (await suppressionLimitOf(trx, actor)));
  return rows.map((k) => {
    const registered = Number(k.registered ?? 0);
    return {
      year: k.year,
      weekFrom: k.week_from,
      weekTo: k.week_to,
      status: k.status,
      registered: limit === null ? registered : suppressSmall(registered, limit),
    };
  });
}

/** The municipality's limit for small numbers (rule 33), read once per request. */
async function suppressionLimitOf(trx: Tx, actor: Actor): Promise<number> {
  return (await municipalityProfile(trx, actor.municipalityId)).suppression_limit;
}

/** Opens a count year's count (rule 5: a count year, week 6). */
export async function openCount(trx: Tx, actor: Actor, year: number) {
  if (!isCountYear(year))
    throw new AppError('COUNT_NOT_A_COUNT_YEAR', { fields: [{ path: 'year', code: 'invalid' }] });
  const week = week6(year);
  const row = await repo.insertCount(trx, {
    municipality_id: actor.municipalityId,
    year,
    week_from: week.from,
    week_to: week.to,
    created_by: actor.userId,
  });
  if (!row) throw new AppError('COUNT_EXISTS', { fields: [{ path: 'year', code: 'taken' }] });
  await audit(trx, actor, 'homeless_count.create', 'homeless_count', row.id, { year });
  return { year };
}

async function countOf(trx: Tx, actor: Actor, year: number) {
  const count = await repo.countOfYear(trx, actor.municipalityId, year);
  if (!count) throw new AppError('NOT_FOUND');
  return count;
}

export async function closeCount(trx: Tx, actor: Actor, year: number) {
  const count = await countOf(trx, actor, year);
  if (!(await repo.closeCount(trx, actor.municipalityId, count.id, actor.userId)))
    throw new AppError('COUNT_CLOSED');
  await audit(trx, actor, 'homeless_count.close', 'homeless_count', count.id, { year });
}

const presentRegistration = (
  r: Awaited<ReturnType<typeof repo.registrationsOf>>[number],
  onDate: string,
) => ({
  id: r.id,
  citizenId: r.citizen_id,
  name: r.citizen_id
    ? displayName({ given_name: r.given_name, family_name: r.family_name, initials: r.citizen_initials })
    : null,
  initials: r.initials ?? r.citizen_initials,
  birthDate: r.birth_date,
  age: ageOn(r.birth_date, onDate),
  sex: r.sex,
  situation: r.situation,
  duration: r.duration,
  causes: r.causes as CountDetail['registrations'][number]['causes'],
  onHousingList: r.on_housing_list,
  hasActionPlan: r.has_action_plan,
  supportReceived: r.support_received,
  incomeSource: r.income_source,
  citizenship: r.citizenship,
  migrantWithoutResidence: r.migrant_without_residence,
  units: r.units,
  note: r.note,
});

/** Since when each citizen has been homeless without a break, on `onDate` (the run of VIVE situations). */
async function homelessSince(trx: Tx, m: string, ids: readonly string[], onDate: string) {
  const since = new Map<string, string>();
  const byCitizen = new Map<string, { situation: string; from_date: string }[]>();
  for (const e of await whereaboutsFacts(trx, m, ids)) {
    if (e.from_date > onDate) continue;
    const list = byCitizen.get(e.citizen_id) ?? [];
    list.push(e);
    byCitizen.set(e.citizen_id, list);
  }
  for (const [id, episodes] of byCitizen) {
    episodes.sort((a, b) => a.from_date.localeCompare(b.from_date));
    let start: string | null = null;
    for (const e of episodes) {
      if (isViveSituation(e.situation as Situation)) start ??= e.from_date;
      else start = null;
    }
    if (start) since.set(id, start);
  }
  return since;
}

const answer = (known: boolean, yes: boolean): Answer => (known ? (yes ? 'yes' : 'no') : 'unknown');

/**
 * The list to register (issue 18 §1): everyone on the by-name list homeless on a day of the week and
 * not yet counted, with the answers the data gives prefilled — situation, sex, duration, the
 * shelters that had them; a housing application, an action plan and support when the week is recent
 * (the data's present is not the week's past).
 */
async function candidates(
  trx: Tx,
  actor: Actor,
  year: number,
  registered: readonly CountRegistrationRow[],
): Promise<CountCandidate[]> {
  const m = actor.municipalityId;
  const week = week6(year);
  const day = countDay(year);
  const days = Array.from({ length: 7 }, (_, i) => addDays(week.from, i));
  const counted = new Set(registered.map((r) => r.citizen_id).filter((id) => id !== null));
  const rows = (await homelessOnDays(trx, m, days)).filter(
    (r) =>
      // Counted are the nine situations (rule 1), not unknown whereabouts or a short institution stay.
      isViveSituation(r.situation) &&
      !counted.has(r.id) &&
      !registered.some((x) =>
        samePerson(
          { cpr: r.cpr, initials: r.initials, birthDate: r.birth_date },
          { cpr: null, initials: x.initials, birthDate: x.birth_date },
        ),
      ),
  );
  const ids = rows.map((r) => r.id);
  const recent = addDays(week.to, PREFILL_FACTS_DAYS) >= today();
  const [since, shelters, plans, support, applied] = await Promise.all([
    homelessSince(trx, m, ids, day),
    shelterNamesOfStays(trx, m, ids, week.from, week.to),
    recent ? citizensWithActivePlan(trx, m, ids) : Promise.resolve(new Set<string>()),
    recent ? citizensWithDecidedSupport(trx, m, ids, day) : Promise.resolve(new Set<string>()),
    recent ? citizensWithOpenApplication(trx, m, ids) : Promise.resolve(new Set<string>()),
  ]);
  const out: CountCandidate[] = [];
  for (const r of rows) {
    const onList = applied.has(r.id);
    out.push({
      citizenId: r.id,
      name: displayName(r),
      initials: r.initials,
      birthDate: r.birth_date,
      age: ageOn(r.birth_date, day),
      prefill: {
        sex: r.sex ?? 'unknown',
        situation: r.situation as ViveSituation,
        duration: durationOf(since.get(r.id) ?? null, day),
        causes: [],
        onHousingList: answer(recent, onList),
        hasActionPlan: answer(recent, plans.has(r.id)),
        supportReceived: answer(recent, support.has(r.id)),
        incomeSource: 'unknown',
        citizenship: 'unknown',
        migrantWithoutResidence: false,
        units: shelters.filter((s) => s.citizen_id === r.id).map((s) => s.name),
      },
    });
  }
  return out.sort((a, b) => (a.name ?? a.initials ?? '').localeCompare(b.name ?? b.initials ?? '', 'da'));
}

/** A count with its registrations and the list still to register (case work: names, read logged). */
export async function getCount(trx: Tx, actor: Actor, year: number): Promise<CountDetail> {
  const count = await countOf(trx, actor, year);
  const day = countDay(year);
  const rows = await repo.registrationsOf(trx, actor.municipalityId, count.id);
  const started = count.week_from <= today();
  const toRegister = count.status === 'open' && started ? await candidates(trx, actor, year, rows) : [];
  await logPersonalDataRead(trx, actor, {
    entityType: 'homeless_count',
    entityId: count.id,
    purpose: 'homeless_count',
    details: { registrations: rows.length, toRegister: toRegister.length },
  });
  return {
    year,
    weekFrom: count.week_from,
    weekTo: count.week_to,
    countDay: day,
    status: count.status,
    started,
    canRegister: count.status === 'open' && started && actor.permissions.has('count.register'),
    canManage: actor.permissions.has('count.manage'),
    registrations: rows.map((r) => presentRegistration(r, day)),
    toRegister,
  };
}

type Identity = { citizenId: string | null; initials: string | null; birthDate: string; cpr: string | null };

/** Who the registration is for: a citizen of the list (their identity), or initials and a birth date. */
async function identityOf(trx: Tx, actor: Actor, input: RegistrationInput): Promise<Identity> {
  if (input.citizenId) {
    const [c] = await repo.citizenKeys(trx, actor.municipalityId, [input.citizenId]);
    if (!c) throw new AppError('NOT_FOUND');
    return { citizenId: c.id, initials: c.initials, birthDate: c.birth_date, cpr: c.cpr };
  }
  const initials = input.initials?.trim() || null;
  const fields = [
    ...(initials ? [] : [{ path: 'initials', code: 'required' as const }]),
    ...(input.birthDate ? [] : [{ path: 'birthDate', code: 'required' as const }]),
  ];
  if (fields.length > 0 || !input.birthDate) throw new AppError('COUNT_PERSON_REQUIRED', { fields });
  return { citizenId: null, initials, birthDate: input.birthDate, cpr: null };
}

/** Rule 6: the person must not be counted already (another registration of the same person). */
async function assertNotCounted(
  trx: Tx,
  actor: Actor,
  countId: string,
  who: Identity,
  except: string | null,
) {
  const rows = (await repo.registrationsOf(trx, actor.municipalityId, countId)).filter(
    (r) => r.id !== except,
  );
  const twin = rows.find(
    (r) =>
      (who.citizenId !== null && r.citizen_id === who.citizenId) ||
      samePerson(
        { cpr: who.cpr, initials: who.initials, birthDate: who.birthDate },
        { cpr: r.cpr, initials: r.initials ?? r.citizen_initials, birthDate: r.birth_date },
      ),
  );
  if (twin) throw new AppError('COUNT_PERSON_COUNTED', { params: { registrationId: twin.id } });
}

async function openCountOf(trx: Tx, actor: Actor, year: number) {
  const count = await countOf(trx, actor, year);
  if (count.status !== 'open') throw new AppError('COUNT_CLOSED');
  if (count.week_from > today()) throw new AppError('COUNT_NOT_STARTED');
  return count;
}

const answersRow = (input: RegistrationInput) => ({
  sex: input.sex,
  situation: input.situation,
  duration: input.duration,
  causes: [...new Set(input.causes)],
  on_housing_list: input.onHousingList,
  has_action_plan: input.hasActionPlan,
  support_received: input.supportReceived,
  income_source: input.incomeSource,
  citizenship: input.citizenship,
  migrant_without_residence: input.migrantWithoutResidence,
  units: [...new Set(input.units.map((u) => u.trim()).filter(Boolean))],
  note: input.note?.trim() || null,
});

/** Registers one person in an open count whose week has begun (rule 6: once). */
export async function register(trx: Tx, actor: Actor, year: number, input: RegistrationInput) {
  const count = await openCountOf(trx, actor, year);
  const who = await identityOf(trx, actor, input);
  await assertNotCounted(trx, actor, count.id, who, null);
  const { id } = await repo.insertRegistration(trx, {
    municipality_id: actor.municipalityId,
    count_id: count.id,
    citizen_id: who.citizenId,
    initials: who.citizenId ? null : who.initials,
    birth_date: who.birthDate,
    ...answersRow(input),
    registered_by: actor.userId,
  });
  await audit(trx, actor, 'count_registration.create', 'count_registration', id, {
    year,
    ...(who.citizenId ? { citizenId: who.citizenId } : {}),
  });
  return { id };
}

/** Corrects a registration of an open count. */
export async function updateRegistration(
  trx: Tx,
  actor: Actor,
  year: number,
  id: string,
  input: RegistrationInput,
) {
  const count = await openCountOf(trx, actor, year);
  const row = await repo.registration(trx, actor.municipalityId, id);
  if (!row || row.count_id !== count.id) throw new AppError('NOT_FOUND');
  const who = row.citizen_id
    ? await identityOf(trx, actor, { ...input, citizenId: row.citizen_id })
    : await identityOf(trx, actor, { ...input, citizenId: null });
  await assertNotCounted(trx, actor, count.id, who, id);
  await repo.updateRegistration(trx, actor.municipalityId, id, {
    ...(row.citizen_id ? {} : { initials: who.initials, birth_date: who.birthDate }),
    ...answersRow(input),
    updated_by: actor.userId,
    updated_at: new Date(),
  });
  await audit(trx, actor, 'count_registration.update', 'count_registration', id, { year });
}

/**
 * The count report (rules 7–9, 33): the year's figures by situation, age band and sex, homeless
 * migrants apart, beside every earlier count of the municipality and the national totals. Computed
 * from the registrations; small numbers suppressed (the report leaves case work).
 */
export async function countReport(
  trx: Tx,
  actor: Actor,
  year: number,
  knownLimit?: number,
): Promise<CountReport> {
  const count = await countOf(trx, actor, year);
  // Rule 33: the municipality's limit (given by a caller that has read it for the whole request).
  const limit = knownLimit ?? (await suppressionLimitOf(trx, actor));
  const people = await repo.countedPeople(trx, actor.municipalityId);
  const known = (await repo.counts(trx, actor.municipalityId)).map((k) => k.year);
  const byYear = (y: number) =>
    countFigures(
      y,
      people
        .filter((p) => p.year === y)
        .map((p) => ({
          situation: p.situation,
          birthDate: p.birth_date,
          sex: p.sex,
          migrantWithoutResidence: p.migrant_without_residence,
        })),
    );
  const years = countYears(Math.max(year, ...known)).filter((y) => known.includes(y));
  return {
    year,
    countDay: countDay(year),
    status: count.status,
    figures: reportedFigures(byYear(year), limit),
    years: years.map((y) => {
      // Each year as its own report shows it (suppressed with its breakdowns, rule 33).
      const reported = reportedFigures(byYear(y), limit);
      return {
        year: y,
        total: reported.total,
        youth18to29: reported.youth18to29,
        national: NATIONAL_COUNT_TOTALS.find((n) => n.year === y)?.total ?? null,
      };
    }),
  };
}

/**
 * The total of the municipality's latest closed count (rules 5–7: homeless migrants without
 * residence apart), raw: for a caller that suppresses it before it leaves case work (the insight
 * module's comparison across municipalities). Null when no count is closed.
 */
export async function latestCountTotal(
  trx: Tx,
  municipalityId: string,
): Promise<{ year: number; total: number } | null> {
  const latest = (await repo.counts(trx, municipalityId)).find((k) => k.status === 'closed');
  if (!latest) return null;
  const people = (await repo.countedPeople(trx, municipalityId)).filter((p) => p.year === latest.year);
  const figures = countFigures(
    latest.year,
    people.map((p) => ({
      situation: p.situation,
      birthDate: p.birth_date,
      sex: p.sex,
      migrantWithoutResidence: p.migrant_without_residence,
    })),
  );
  return { year: latest.year, total: figures.total };
}

/** The count's answers for transfer to VIVE: CPR numbers included (VIVE removes double counts by them); logged. */
export async function countExport(trx: Tx, actor: Actor, year: number) {
  const count = await countOf(trx, actor, year);
  const rows = await repo.registrationsOf(trx, actor.municipalityId, count.id);
  await logPersonalDataRead(trx, actor, {
    entityType: 'homeless_count',
    entityId: count.id,
    purpose: 'homeless_count_export',
    details: { registrations: rows.length },
  });
  return countExportFile(
    rows.map((r) => ({
      cpr: r.cpr,
      initials: r.initials ?? r.citizen_initials,
      birthDate: r.birth_date,
      sex: r.sex,
      situation: r.situation,
      duration: r.duration,
      causes: r.causes,
      onHousingList: r.on_housing_list,
      hasActionPlan: r.has_action_plan,
      supportReceived: r.support_received,
      incomeSource: r.income_source,
      citizenship: r.citizenship,
      migrantWithoutResidence: r.migrant_without_residence,
      units: r.units,
    })),
  );
}
