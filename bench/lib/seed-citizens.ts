import { sql } from 'kysely';
import type { Db } from '../../src/server/db/database';
import { refreshCurrentState } from '../../src/server/modules/citizens/citizens.list.repository';
import { parseCpr } from '../../src/shared/citizens/cpr';
import { byRank, FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from './danish-names';
import { dayNumber, isoDate, Random, Weighted } from './random';

/**
 * Generated citizens for a benchmark: deterministic for a seed and a date, loaded with set-based
 * inserts (unnest of arrays, a few thousand rows per statement).
 *
 * No real person's CPR number is used: every generated number has YY 58–99 and a 7th digit 5–8,
 * which cpr.dk's century rule places in 1858–1899. Those citizens are therefore 125+ years old;
 * the other half has no CPR number and a realistic age (18–80) from birth date and initials.
 */
export interface SeedOptions {
  municipalityId: string;
  /** The municipality's three-digit code (handlekommune). */
  municipalityCode: string;
  citizens: number;
  seed: number;
  /** The date the data is generated around ('YYYY-MM-DD'); episodes and contacts lie before it. */
  today: string;
  /** Citizens per insert statement. */
  batchSize?: number;
}

export interface SeedResult {
  citizens: number;
  episodes: number;
  contacts: number;
  /** Six-digit CPR prefixes (DDMMYY) that exist in the data, for CPR searches. */
  cprPrefixes: string[];
}

const SITUATIONS = new Weighted<string>([
  ['street', 8],
  ['night_shelter', 8],
  ['shelter', 20],
  ['hotel', 3],
  ['family_friends', 14],
  ['transitional', 6],
  ['prison', 4],
  ['hospital', 3],
  ['other', 4],
  ['housed', 20],
  ['at_risk', 7],
  ['unknown', 3],
]);
const EPISODE_COUNT = new Weighted<number>([
  [1, 40],
  [2, 30],
  [3, 20],
  [4, 10],
]);
const CONTACT_COUNT = new Weighted<number>([
  [0, 15],
  [1, 25],
  [2, 25],
  [3, 15],
  [4, 12],
  [5, 8],
]);
const CHANNELS = new Weighted<string>([
  ['meeting', 45],
  ['phone', 30],
  ['outreach', 20],
  ['other', 5],
]);
const FAMILY = new Weighted(FAMILY_NAMES);
const MALE = new Weighted(byRank(MALE_GIVEN_NAMES));
const FEMALE = new Weighted(byRank(FEMALE_GIVEN_NAMES));

interface CitizenColumns {
  id: string[];
  cpr: (string | null)[];
  birth_date: string[];
  sex: (string | null)[];
  initials: (string | null)[];
  given_name: (string | null)[];
  family_name: (string | null)[];
  registered_on: string[];
  moved_away_on: (string | null)[];
  died_on: (string | null)[];
  merged_into: (string | null)[];
}

interface EpisodeColumns {
  citizen_id: string[];
  situation: string[];
  from_date: string[];
  release_date: (string | null)[];
  housing_solution: (boolean | null)[];
  has_contract: (boolean | null)[];
  temporary: (boolean | null)[];
  because_of_homelessness: (boolean | null)[];
  retracted: boolean[];
}

interface ContactColumns {
  citizen_id: string[];
  contact_on: string[];
  channel: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A CPR number from 1858–1899 (see the module comment), its birth date and sex. */
function oldCpr(random: Random, male: boolean) {
  for (;;) {
    const yy = random.int(58, 99);
    const month = random.int(1, 12);
    const day = random.int(1, 28 + (month === 2 ? 0 : 2));
    const last = random.int(0, 4) * 2 + (male ? 1 : 0);
    const serial = `${random.int(5, 8)}${random.int(0, 9)}${random.int(0, 9)}${last}`;
    // Serials 50xx are left to prevention's fakeCpr (bench/prevention.ts), so that the tenants it
    // registers never take the CPR number of a citizen generated here in the same municipality.
    if (serial.startsWith('50')) continue;
    const parsed = parseCpr(`${pad(day)}${pad(month)}${pad(yy)}${serial}`);
    if (parsed.ok) return parsed;
  }
}

/** One batch of citizens with their whereabouts episodes and contacts, as column arrays. */
function generateBatch(random: Random, count: number, today: number, usedCprs: Set<string>) {
  const c: CitizenColumns = {
    id: [],
    cpr: [],
    birth_date: [],
    sex: [],
    initials: [],
    given_name: [],
    family_name: [],
    registered_on: [],
    moved_away_on: [],
    died_on: [],
    merged_into: [],
  };
  const e: EpisodeColumns = {
    citizen_id: [],
    situation: [],
    from_date: [],
    release_date: [],
    housing_solution: [],
    has_contract: [],
    temporary: [],
    because_of_homelessness: [],
    retracted: [],
  };
  const k: ContactColumns = { citizen_id: [], contact_on: [], channel: [] };

  for (let i = 0; i < count; i++) {
    const id = random.uuid();
    const male = random.chance(0.78);
    const given = (male ? MALE : FEMALE).pick(random);
    const family = FAMILY.pick(random);
    const middle = random.chance(0.1) ? random.pick([...'ABCDEFGHJKLMNOPRST']) : '';
    let cpr: string | null = null;
    let birthDate: string;
    let sex: 'male' | 'female' | null = male ? 'male' : 'female';
    if (random.chance(0.5)) {
      let parsed = oldCpr(random, male);
      while (usedCprs.has(parsed.cpr)) parsed = oldCpr(random, male);
      usedCprs.add(parsed.cpr);
      cpr = parsed.cpr;
      birthDate = parsed.birthDate;
    } else {
      birthDate = isoDate(today - random.int(18 * 365 + 5, 80 * 365));
      if (random.chance(0.1)) sex = null;
    }
    const initialsOnly = cpr === null && random.chance(0.1);

    // Whereabouts: 1–4 episodes, the first up to five years back, each later than the one before.
    const episodes = EPISODE_COUNT.pick(random);
    let from = today - random.int(60, 5 * 365);
    const firstFrom = from;
    for (let n = 0; n < episodes && from < today; n++) {
      const situation = SITUATIONS.pick(random);
      const institution = situation === 'prison' || situation === 'hospital';
      e.citizen_id.push(id);
      e.situation.push(situation);
      e.from_date.push(isoDate(from));
      e.release_date.push(institution ? isoDate(from + random.int(30, 400)) : null);
      e.housing_solution.push(institution ? random.chance(0.3) : null);
      e.has_contract.push(situation === 'family_friends' ? false : situation === 'housed' ? true : null);
      e.temporary.push(situation === 'family_friends' ? true : null);
      e.because_of_homelessness.push(situation === 'hotel' ? true : null);
      e.retracted.push(random.chance(0.02));
      from += random.int(14, 240);
    }

    const contacts = CONTACT_COUNT.pick(random);
    for (let n = 0; n < contacts; n++) {
      k.citizen_id.push(id);
      k.contact_on.push(isoDate(today - random.int(0, 700)));
      k.channel.push(CHANNELS.pick(random));
    }

    // A few merged duplicates: the survivor is an earlier citizen of the same batch.
    const survivor = i > 0 && random.chance(0.005) ? c.id[random.int(0, i - 1)] : undefined;
    const mergedInto = survivor && c.merged_into[c.id.indexOf(survivor)] === null ? survivor : null;

    c.id.push(id);
    c.cpr.push(cpr);
    c.birth_date.push(birthDate);
    c.sex.push(sex);
    c.initials.push(`${given[0]}${middle}${family[0]}`);
    c.given_name.push(initialsOnly ? null : given);
    c.family_name.push(initialsOnly ? null : family);
    c.registered_on.push(isoDate(firstFrom - random.int(0, 30)));
    c.moved_away_on.push(random.chance(0.03) ? isoDate(today - random.int(1, 365)) : null);
    c.died_on.push(random.chance(0.01) ? isoDate(today - random.int(1, 365)) : null);
    c.merged_into.push(mergedInto);
  }
  return { c, e, k };
}

/** Generates and inserts one municipality's citizens (as the owner, who is not bound by RLS). */
export async function seedCitizens(owner: Db, options: SeedOptions): Promise<SeedResult> {
  const random = new Random(options.seed);
  const today = dayNumber(options.today);
  const batchSize = options.batchSize ?? 5000;
  const usedCprs = new Set<string>();
  const result: SeedResult = { citizens: 0, episodes: 0, contacts: 0, cprPrefixes: [] };
  const m = options.municipalityId;
  let withCpr = 0;

  for (let done = 0; done < options.citizens; done += batchSize) {
    const { c, e, k } = generateBatch(random, Math.min(batchSize, options.citizens - done), today, usedCprs);
    await owner.transaction().execute(async (trx) => {
      await sql`
        insert into citizen (id, municipality_id, cpr, birth_date, sex, initials, given_name, family_name,
          handlekommune, registered_on, moved_away_on, died_on, merged_into, created_at, updated_at)
        select u.id, ${m}::uuid, u.cpr, u.birth_date, u.sex, u.initials, u.given_name, u.family_name,
          ${options.municipalityCode}, u.registered_on, u.moved_away_on, u.died_on, u.merged_into,
          u.registered_on::timestamptz, u.registered_on::timestamptz
        from unnest(${c.id}::uuid[], ${c.cpr}::text[], ${c.birth_date}::date[], ${c.sex}::text[],
          ${c.initials}::text[], ${c.given_name}::text[], ${c.family_name}::text[], ${c.registered_on}::date[],
          ${c.moved_away_on}::date[], ${c.died_on}::date[], ${c.merged_into}::uuid[])
          as u(id, cpr, birth_date, sex, initials, given_name, family_name, registered_on, moved_away_on,
            died_on, merged_into)`.execute(trx);
      await sql`
        insert into whereabouts_episode (municipality_id, citizen_id, situation, from_date, release_date,
          housing_solution, has_contract, temporary, because_of_homelessness, recorded_at, retracted_at,
          retract_reason)
        select ${m}::uuid, u.citizen_id, u.situation, u.from_date, u.release_date, u.housing_solution,
          u.has_contract, u.temporary, u.because_of_homelessness, u.from_date + time '12:00',
          case when u.retracted then u.from_date + time '13:00' end,
          case when u.retracted then 'Registreret på forkert borger' end
        from unnest(${e.citizen_id}::uuid[], ${e.situation}::text[], ${e.from_date}::date[],
          ${e.release_date}::date[], ${e.housing_solution}::boolean[], ${e.has_contract}::boolean[],
          ${e.temporary}::boolean[], ${e.because_of_homelessness}::boolean[], ${e.retracted}::boolean[])
          as u(citizen_id, situation, from_date, release_date, housing_solution, has_contract, temporary,
            because_of_homelessness, retracted)`.execute(trx);
      await sql`
        insert into citizen_contact (municipality_id, citizen_id, contact_on, channel, recorded_at)
        select ${m}::uuid, u.citizen_id, u.contact_on, u.channel, u.contact_on + time '12:00'
        from unnest(${k.citizen_id}::uuid[], ${k.contact_on}::date[], ${k.channel}::text[])
          as u(citizen_id, contact_on, channel)`.execute(trx);
    });
    result.citizens += c.id.length;
    result.episodes += e.citizen_id.length;
    result.contacts += k.citizen_id.length;
    // Every 40th living, unmerged CPR citizen lends its birth date to the CPR searches (up to 64).
    for (const [i, cpr] of c.cpr.entries()) {
      if (!cpr || c.merged_into[i] !== null || result.cprPrefixes.length >= 64) continue;
      if (withCpr++ % 40 === 0) result.cprPrefixes.push(cpr.slice(0, 6));
    }
  }
  // The app keeps each citizen's current state on the row; bulk loading bypasses the service.
  await refreshCurrentState(owner, options.municipalityId);
  return result;
}
