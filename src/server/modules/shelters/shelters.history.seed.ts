import type { Situation } from '../../../shared/citizens/whereabouts';
import { addDays, addWorkingDays, today } from '../../../shared/dates';
import type { DischargeDestination } from '../../../shared/shelters/model';
import type { Tx } from '../../db/database';
import type { DemoContext } from '../../platform/module';
import { addEpisode, backdateRegistration, createCitizen } from '../citizens';
import * as repo from './shelters.repository';

const GIVEN = [
  'Anders',
  'Bo',
  'Camilla',
  'Dennis',
  'Erik',
  'Frida',
  'Gert',
  'Hanne',
  'Ivan',
  'Jette',
  'Kim',
  'Lars',
];
const FAMILY = [
  'Andersen',
  'Bech',
  'Clausen',
  'Dahl',
  'Eskildsen',
  'Frost',
  'Gram',
  'Holm',
  'Iversen',
  'Juhl',
];
const BEFORE = [
  'street',
  'family_friends',
  'street',
  'night_shelter',
  'prison',
  'hospital',
  'family_friends',
] as const;
const TO: DischargeDestination[] = [
  'own_home',
  'family_friends',
  'other_shelter',
  'own_home',
  'street',
  'unknown',
  'care_107_108',
  'own_home',
];

/** The whereabouts a discharge leads to, with the facts the situation needs. */
const AFTER: Record<
  DischargeDestination,
  { situation: Situation; hasContract?: boolean; temporary?: boolean }
> = {
  own_home: { situation: 'housed' },
  care_107_108: { situation: 'institution' },
  other_shelter: { situation: 'shelter' },
  street: { situation: 'street' },
  hospital_prison: { situation: 'unknown' },
  family_friends: { situation: 'family_friends', hasContract: false, temporary: true },
  unknown: { situation: 'unknown' },
};

/**
 * Two years of finished stays at both demo shelters, so that stay lengths, the quarterly report and
 * the economics have history at first start (issue 16 §11): 64 citizens, each known by the by-name
 * list from where they slept before (street, family and friends, …), each with one stay of 2 to
 * about 300 nights, discharged to an own home, family, another shelter …; a few stays are still
 * open at the municipal shelter. Lengths come from a fixed sequence, so every demo start is alike.
 */
export async function seedShelterHistory(trx: Tx, demo: DemoContext) {
  const caseworker = demo.actorOf('caseworker', ['citizens.write']);
  const m = demo.municipalityId;
  const onDate = today();
  const list = await repo.shelters(trx, m, onDate);
  if (list.length === 0) return;
  // A fixed pseudo-random sequence (a linear congruential generator).
  let state = 16_110;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  for (let i = 0; i < 64; i++) {
    const admittedAgo = 40 + Math.floor(next() * 690);
    // Log-normal-ish: most stays a few weeks, some many months.
    const nights = Math.max(
      2,
      Math.round(Math.exp(Math.log(40) + 1.0 * (next() + next() + next() - 1.5) * 1.6)),
    );
    const admittedOn = addDays(onDate, -admittedAgo);
    const open = i % 13 === 0;
    const dischargedOn = open || addDays(admittedOn, nights) > onDate ? null : addDays(admittedOn, nights);
    const before = BEFORE[i % BEFORE.length] as (typeof BEFORE)[number];
    const { id: citizenId } = await createCitizen(trx, caseworker, {
      birthDate: `${1960 + (i % 38)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      initials: `${(GIVEN[i % GIVEN.length] as string)[0]}${(FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length] as string)[0]}`,
      givenName: GIVEN[i % GIVEN.length] as string,
      familyName: FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length] as string,
      firstEpisode: {
        situation: before,
        fromDate: addDays(admittedOn, -30 - (i % 60)),
        ...(before === 'prison' || before === 'hospital'
          ? { releaseDate: admittedOn, housingSolution: false }
          : before === 'family_friends'
            ? { hasContract: false, temporary: true }
            : {}),
      },
    } as Parameters<typeof createCitizen>[2]);
    await backdateRegistration(trx, m, citizenId, addDays(admittedOn, -30 - (i % 60)));
    await addEpisode(trx, caseworker, citizenId, { situation: 'shelter', fromDate: admittedOn, note: null });
    const to = dischargedOn ? (TO[i % TO.length] as DischargeDestination) : null;
    const shelter = list[open ? list.length - 1 : i % list.length] as (typeof list)[number];
    await repo.insertStay(trx, {
      municipality_id: m,
      shelter_id: shelter.id,
      citizen_id: citizenId,
      admitted_on: admittedOn,
      admission_decided_on: admittedOn,
      handlekommune: '169',
      notified_on: addWorkingDays(admittedOn, 1 + (i % 3)),
      discharged_on: dischargedOn,
      discharged_to: to,
      discharge_reason: null,
      created_by: demo.userIdOf('partner_shelter'),
    });
    if (dischargedOn && to)
      await addEpisode(trx, caseworker, citizenId, { ...AFTER[to], fromDate: dischargedOn, note: null });
  }
}
