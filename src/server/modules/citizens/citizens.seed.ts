import type { Situation } from '../../../shared/citizens/whereabouts';
import { addDays, today } from '../../../shared/dates';
import { mulberry32 } from '../../../shared/random';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { backdateRegistration } from './citizens.seed.repository';
import { addConsent, addContact, addEpisode, createCitizen } from './citizens.service';

/**
 * The demo municipality's by-name list, consistent with the plan's published figures
 * (seeds/000, domain.md §0 and rule 9): 84 homeless in week 6 of 2019 (22 of them aged 18–29),
 * 67 in week 6 of 2022 (20 aged 18–29), 30 of them in both counts. Everyone is fictitious and
 * has no CPR number (birth date and initials instead), so no real person's number is ever used.
 */

const GIVEN = [
  'Anders',
  'Birgitte',
  'Christian',
  'Dorthe',
  'Emil',
  'Frida',
  'Gustav',
  'Hanne',
  'Ib',
  'Jette',
  'Kasper',
  'Lise',
  'Mads',
  'Nanna',
  'Ole',
  'Pernille',
  'Rasmus',
  'Sofie',
  'Torben',
  'Ulla',
  'Viktor',
  'Winnie',
  'Yusuf',
  'Zahra',
  'Ahmad',
  'Bent',
  'Camilla',
  'Dennis',
  'Ellen',
  'Finn',
];
const FEMALE = new Set([
  'Birgitte',
  'Dorthe',
  'Frida',
  'Hanne',
  'Jette',
  'Lise',
  'Nanna',
  'Pernille',
  'Sofie',
  'Ulla',
  'Winnie',
  'Zahra',
  'Camilla',
  'Ellen',
]);
const FAMILY = [
  'Andersen',
  'Bach',
  'Christensen',
  'Dahl',
  'Eriksen',
  'Frandsen',
  'Gregersen',
  'Holm',
  'Iversen',
  'Juhl',
  'Kjær',
  'Lund',
  'Mikkelsen',
  'Nygaard',
  'Olsen',
  'Poulsen',
  'Rasmussen',
  'Skov',
  'Thomsen',
  'Vestergaard',
  'Winther',
  'Østergaard',
  'Ali',
  'Hussein',
  'Mortensen',
];

/** Situations of the 67 in week 6 2022 (shelters about half, as nationally; domain.md §1). */
const SITUATIONS_2022: [Situation, number][] = [
  ['shelter', 30],
  ['family_friends', 14],
  ['street', 6],
  ['night_shelter', 3],
  ['hotel', 2],
  ['transitional', 4],
  ['prison', 3],
  ['hospital', 2],
  ['other', 3],
];

/** A birth date that makes the person `age` years old on `onDate`. */
const bornAged = (age: number, onDate: string, random: () => number) =>
  addDays(`${Number(onDate.slice(0, 4)) - age - 1}-${onDate.slice(5)}`, 1 + Math.floor(random() * 360));

/** Week 6 counting days (Wednesday) of the two counts. */
export const COUNT_2019 = '2019-02-06';
export const COUNT_2022 = '2022-02-09';

interface Person {
  group: 'only2019' | 'both' | 'only2022';
  age2022: number;
}

function people(random: () => number): Person[] {
  const range = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const list: Person[] = [];
  // 2019 only (54): 14 aged 18–29 in 2019.
  for (let i = 0; i < 54; i++)
    list.push({ group: 'only2019', age2022: i < 14 ? range(21, 32) : range(36, 72) });
  // In both counts (30): 8 aged 21–29 in 2022, i.e. 18–26 in 2019.
  for (let i = 0; i < 30; i++) list.push({ group: 'both', age2022: i < 8 ? range(21, 29) : range(35, 70) });
  // 2022 only (37): 12 aged 18–29 in 2022.
  for (let i = 0; i < 37; i++)
    list.push({ group: 'only2022', age2022: i < 12 ? range(18, 29) : range(33, 68) });
  return list;
}

function facts(situation: Situation, fromDate: string, countDay: string) {
  if (situation === 'prison' || situation === 'hospital') {
    return { situation, fromDate, releaseDate: addDays(countDay, 14), housingSolution: false };
  }
  if (situation === 'family_friends') return { situation, fromDate, hasContract: false, temporary: true };
  if (situation === 'hotel') return { situation, fromDate, becauseOfHomelessness: true };
  return { situation, fromDate };
}

/**
 * Outreach and meetings every 50–85 days while a person is homeless, so that nobody on the list goes
 * inactive (rule 36: 90 days without contact) between the counts and the monthly flow stays steady.
 * The count days' contacts are recorded apart; a contact never falls on one of them or after today.
 */
async function regularContacts(
  trx: Tx,
  actor: Actor,
  id: string,
  from: string,
  until: string,
  random: () => number,
) {
  const last = [until, addDays(today(), -1)].sort()[0] ?? until;
  for (
    let on = addDays(from, 5 + Math.floor(random() * 40));
    on < last;
    on = addDays(on, 50 + Math.floor(random() * 36))
  ) {
    if (on === COUNT_2019 || on === COUNT_2022) continue;
    await addContact(trx, actor, id, { contactOn: on, channel: random() < 0.5 ? 'outreach' : 'meeting' });
  }
}

/** Registers the demo list through the ordinary service calls (validated and audited like any other). */
export async function seedDemoCitizens(trx: Tx, actor: Actor): Promise<number> {
  const random = mulberry32(2022_06);
  // A stream of its own, so the contacts do not change who is housed or where.
  const contactRandom = mulberry32(2019_02);
  const now = today();
  const sits2022 = SITUATIONS_2022.flatMap(([s, n]) => Array<Situation>(n).fill(s));
  const sits2019: Situation[] = ['shelter', 'family_friends', 'street', 'night_shelter', 'other'];
  let i2022 = 0;
  let created = 0;
  for (const [n, p] of people(random).entries()) {
    const given = GIVEN[n % GIVEN.length] ?? 'Anders';
    const family = FAMILY[(n * 7 + Math.floor(n / GIVEN.length)) % FAMILY.length] ?? 'Andersen';
    const birthDate = bornAged(p.age2022, COUNT_2022, random);
    const { id } = await createCitizen(trx, actor, {
      birthDate,
      initials: `${given[0]}${family[0]}`,
      givenName: given,
      familyName: family,
      sex: FEMALE.has(given) ? 'female' : 'male',
      handlekommune: '169',
      cpr: null,
      phone: null,
      email: null,
      address: null,
      firstEpisode: null,
    });
    created++;
    const episode = (e: Omit<Parameters<typeof addEpisode>[3], 'note'>) =>
      addEpisode(trx, actor, id, { ...e, note: null });
    let homelessSince: string | null = null;
    if (p.group !== 'only2022') {
      const s2019 = sits2019[Math.floor(random() * sits2019.length)] ?? 'shelter';
      homelessSince = addDays(COUNT_2019, -30 - Math.floor(random() * 300));
      await episode(facts(s2019, homelessSince, COUNT_2019));
      await backdateRegistration(trx, actor.municipalityId, id, homelessSince);
      // Counted in week 6: a service was in contact with them that week.
      await addContact(trx, actor, id, { contactOn: COUNT_2019, channel: 'outreach' });
    }
    if (p.group === 'only2019') {
      const housedOn = addDays(COUNT_2019, 60 + Math.floor(random() * 900));
      await episode({ situation: 'housed', fromDate: housedOn });
      await regularContacts(trx, actor, id, homelessSince ?? COUNT_2019, housedOn, contactRandom);
      continue;
    }
    const s2022 = sits2022[i2022++] ?? 'shelter';
    const start2022 =
      p.group === 'both'
        ? addDays(COUNT_2022, -20 - Math.floor(random() * 200))
        : addDays(COUNT_2022, -10 - Math.floor(random() * 500));
    await episode(facts(s2022, start2022, COUNT_2022));
    if (homelessSince === null) await backdateRegistration(trx, actor.municipalityId, id, start2022);
    await addContact(trx, actor, id, { contactOn: COUNT_2022, channel: 'outreach' });
    // After the count: two in three have been housed since (Housing First), the rest are still on the list.
    if (random() < 0.66) {
      const housedOn = addDays(COUNT_2022, 100 + Math.floor(random() * 1200));
      await episode({ situation: 'housed', fromDate: housedOn });
      await regularContacts(trx, actor, id, homelessSince ?? start2022, housedOn, contactRandom);
    } else {
      await regularContacts(trx, actor, id, homelessSince ?? start2022, now, contactRandom);
      await episode({
        situation: random() < 0.5 ? 'shelter' : 'family_friends',
        fromDate: addDays(now, -200 - Math.floor(random() * 300)),
        temporary: true,
        hasContract: false,
      });
      if (random() < 0.8)
        await addContact(trx, actor, id, {
          contactOn: addDays(now, -Math.floor(random() * 60)),
          channel: 'meeting',
        });
    }
  }
  return created + (await seedRecentCitizens(trx, actor));
}

/**
 * People who became homeless in the past year (after the counts, so the counts' figures stay as
 * published): families evicted for rent arrears, young people, people leaving prison or hospital.
 * They are the demo's applicants for housing (allocation seeds their applications). Fictitious,
 * without CPR numbers; ages and dates are relative to today, so the demo stays current.
 */
const RECENT: {
  given: string;
  family: string;
  sex: 'male' | 'female';
  age: number;
  situation: Situation;
  monthsAgo: number;
}[] = [
  {
    given: 'Maria',
    family: 'Kristensen',
    sex: 'female',
    age: 34,
    situation: 'family_friends',
    monthsAgo: 11,
  },
  { given: 'Jonas', family: 'Larsen', sex: 'male', age: 23, situation: 'shelter', monthsAgo: 11 },
  {
    given: 'Camilla',
    family: 'Sørensen',
    sex: 'female',
    age: 29,
    situation: 'family_friends',
    monthsAgo: 10,
  },
  { given: 'Henrik', family: 'Jørgensen', sex: 'male', age: 52, situation: 'shelter', monthsAgo: 10 },
  { given: 'Mette', family: 'Hansen', sex: 'female', age: 41, situation: 'family_friends', monthsAgo: 9 },
  { given: 'Kim', family: 'Petersen', sex: 'male', age: 45, situation: 'street', monthsAgo: 9 },
  { given: 'Louise', family: 'Madsen', sex: 'female', age: 22, situation: 'family_friends', monthsAgo: 8 },
  { given: 'Michael', family: 'Johansen', sex: 'male', age: 38, situation: 'prison', monthsAgo: 8 },
  { given: 'Amina', family: 'Yusuf', sex: 'female', age: 31, situation: 'shelter', monthsAgo: 7 },
  { given: 'Peter', family: 'Møller', sex: 'male', age: 61, situation: 'hospital', monthsAgo: 6 },
  { given: 'Tina', family: 'Knudsen', sex: 'female', age: 47, situation: 'shelter', monthsAgo: 5 },
  { given: 'Morten', family: 'Jakobsen', sex: 'male', age: 33, situation: 'night_shelter', monthsAgo: 4 },
  { given: 'Sara', family: 'Berg', sex: 'female', age: 27, situation: 'family_friends', monthsAgo: 3 },
  { given: 'Nikolaj', family: 'Lauridsen', sex: 'male', age: 19, situation: 'family_friends', monthsAgo: 2 },
  { given: 'Jannie', family: 'Schmidt', sex: 'female', age: 36, situation: 'shelter', monthsAgo: 2 },
  { given: 'Lars', family: 'Bertelsen', sex: 'male', age: 56, situation: 'street', monthsAgo: 1 },
];

async function seedRecentCitizens(trx: Tx, actor: Actor): Promise<number> {
  const random = mulberry32(2026_14);
  const now = today();
  for (const [i, p] of RECENT.entries()) {
    const { id } = await createCitizen(trx, actor, {
      birthDate: bornAged(p.age, now, random),
      initials: `${p.given[0]}${p.family[0]}`,
      givenName: p.given,
      familyName: p.family,
      sex: p.sex,
      handlekommune: '169',
      cpr: null,
      phone: null,
      email: null,
      address: null,
      firstEpisode: null,
    });
    const fromDate = addDays(now, -p.monthsAgo * 30 - Math.floor(random() * 20));
    await addEpisode(trx, actor, id, { ...facts(p.situation, fromDate, now), note: null });
    await backdateRegistration(trx, actor.municipalityId, id, fromDate);
    await addContact(trx, actor, id, {
      contactOn: addDays(now, -1 - Math.floor(random() * 40)),
      channel: 'meeting',
    });
    // Consents to share with the housing organisations: one has run out (a task), one runs out soon.
    if (i % 4 === 0) {
      const expiresOn = i === 0 ? addDays(now, -6) : i === 4 ? addDays(now, 21) : addDays(now, 300);
      await addConsent(trx, actor, id, {
        purpose: 'share_housing_org',
        givenOn: addDays(expiresOn, -365),
        expiresOn,
      });
    }
  }
  return RECENT.length;
}
