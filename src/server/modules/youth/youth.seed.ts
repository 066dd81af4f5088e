import { randomBytes } from 'node:crypto';
import type { Situation } from '../../../shared/citizens/whereabouts';
import { addDays, ageOn, monthsBefore, today } from '../../../shared/dates';
import type { Permission } from '../../../shared/permissions';
import type { EducationStatus, YouthPlacementType } from '../../../shared/youth/model';
import { birthdayAt, kuiCovers, youthSupportDeadline } from '../../../shared/youth/rules';
import type { Tx } from '../../db/database';
import type { DemoContext } from '../../platform/module';
import { createUser } from '../access';
import { backdateRegistration, createCitizen, whereaboutsFacts } from '../citizens';
import * as repo from './youth.repository';
import {
  addDecision,
  addPlacement,
  addSupport,
  saveProfile,
  setPairing,
  setServiceArea,
  youthBirthRange,
} from './youth.service';

const PERMISSIONS: Permission[] = ['youth.read', 'youth.write'];
const HOMELESS = ['street', 'night_shelter', 'shelter', 'family_friends', 'hotel', 'other', 'unknown'];

/** The young people's own goals, in their own words (demo texts). */
const GOALS = [
  'Jeg vil have min egen lejlighed og et arbejde, hvor jeg kan være stolt af mig selv.',
  'Jeg vil gerne tage en uddannelse som tømrer.',
  'Bare have et sted at sove hver nat og se min lillesøster igen.',
  'Komme ud af misbruget og have en hund.',
  'Jeg vil gøre HF færdig og bo tæt på mine venner.',
  'At få styr på min økonomi og ikke skylde penge væk.',
];
const EDUCATION: EducationStatus[] = ['none', 'planned', 'in_education', 'none', 'completed'];
const PLACEMENT_TYPES: YouthPlacementType[] = ['family_care', 'residential_institution', 'own_room'];

/**
 * The youth module's demo data (issue 17 §9): the plan's young homeless aged 18–29 (about 20 in
 * the demo's count) get a youth profile with education, KUI status and their own goals; every third
 * was placed outside the home until 18, some with ungestøtte or efterværn after it and a decision
 * (one late); a placed 17-year-old whose § 111 deadline is a month away (a task for the child
 * caseworker), a placed 16½-year-old, an 18-year-old who left care without a decision or a housing
 * plan (an alert), and a caseworker pair: the demo caseworker in the child/youth area and an
 * adult-area caseworker created here.
 */
export async function seedDemoYouth(trx: Tx, demo: DemoContext): Promise<void> {
  const m = demo.municipalityId;
  const now = today();
  const cw = demo.actorOf('caseworker', PERMISSIONS);
  const admin = demo.actorOf('admin', ['users.manage']);

  // The pair: the demo caseworker works in the child/youth area; an adult-area colleague.
  const childUserId = demo.userIdOf('caseworker');
  const adult = await createUser(trx, null, m, {
    username: 'demo.voksenraadgiver',
    displayName: 'Vera Voksenrådgiver',
    role: 'caseworker',
    // Nobody logs in as the colleague: a password no one knows.
    password: randomBytes(24).toString('base64url'),
  });
  await setServiceArea(trx, admin, childUserId, 'born_unge');
  await setServiceArea(trx, admin, adult.id, 'voksen');
  const pair = { childUserId, adultUserId: adult.id, fromAge: 16 };

  // The young homeless now (aged 18–29, homeless whereabouts in force).
  const { bornFrom } = youthBirthRange(now);
  const last = new Map<string, string>();
  for (const e of await whereaboutsFacts(trx, m, null))
    if (e.from_date <= now) last.set(e.citizen_id, e.situation);
  const young = (await repo.youngPeople(trx, m, bornFrom, monthsBefore(now, 18 * 12), null)).filter((c) =>
    HOMELESS.includes(last.get(c.id) ?? ''),
  );

  const person = async (givenName: string, familyName: string, birthDate: string, situation: string) => {
    const { id } = await createCitizen(trx, cw, {
      birthDate,
      initials: `${givenName[0]}${familyName[0]}`,
      givenName,
      familyName,
      sex: null,
      handlekommune: '169',
      cpr: null,
      phone: null,
      email: null,
      address: null,
      firstEpisode: {
        situation: situation as Situation,
        fromDate: addDays(now, -700),
        becauseOfHomelessness: situation === 'hotel' ? true : null,
        temporary: situation === 'family_friends' ? true : null,
        note: null,
      },
    });
    await backdateRegistration(trx, m, id, addDays(now, -700));
    return id;
  };

  // The plan counts about 20 young homeless aged 18–29: new young people make up the number.
  const GIVEN = ['Jonas', 'Emma', 'Oliver', 'Freja', 'Noah', 'Ida', 'Lucas', 'Clara', 'Emil', 'Laura'];
  const FAMILY = ['Holm', 'Berg', 'Lund', 'Dahl', 'Krogh', 'Storm', 'Vang', 'Bach', 'Friis', 'Skov'];
  const people = young.slice(0, 24).map((c) => ({ id: c.id, birth_date: c.birth_date }));
  for (let k = 0; people.length < 20; k++) {
    const birthDate = monthsBefore(now, (18 + ((k * 5) % 12)) * 12 + ((k * 7) % 12));
    const situation = HOMELESS[k % 5] ?? 'street';
    const id = await person(
      GIVEN[k % GIVEN.length] ?? 'Jonas',
      FAMILY[(k * 3) % FAMILY.length] ?? 'Holm',
      birthDate,
      situation,
    );
    people.push({ id, birth_date: birthDate });
  }

  for (const [i, c] of people.entries()) {
    const education = EDUCATION[i % EDUCATION.length] ?? 'none';
    await saveProfile(trx, cw, c.id, {
      educationStatus: education,
      kuiStatus: kuiCovers(c.birth_date, education, now) ? (i % 2 === 0 ? 'active' : 'none') : 'ended',
      specialNeed: i % 4 === 1,
      ownGoals: GOALS[i % GOALS.length],
      housingNote: i % 3 === 0 ? 'Sover skiftevis hos venner og på gaden.' : undefined,
    });
    if (i % 3 !== 0) continue;
    // Formerly placed: from the 12th birthday (or later) until the day before the 18th.
    const eighteenth = birthdayAt(c.birth_date, 18);
    await addPlacement(trx, cw, c.id, {
      placementType: PLACEMENT_TYPES[(i / 3) % PLACEMENT_TYPES.length] ?? 'family_care',
      fromDate: birthdayAt(c.birth_date, 12 + (i % 4)),
      toDate: addDays(eighteenth, -1),
    });
    const age = ageOn(c.birth_date, now);
    if (age <= 22) {
      // The decision: on time, except one made after the deadline (flagged as late).
      const deadline = youthSupportDeadline(c.birth_date);
      await addDecision(trx, cw, c.id, {
        decidedOn: i === 3 ? addDays(deadline, 40) : addDays(deadline, -20),
        outcome: 'granted',
      });
      await addSupport(trx, cw, c.id, { kind: 'ungestoette', fromDate: eighteenth, provider: 'Ungeenheden' });
    } else {
      await addSupport(trx, cw, c.id, {
        kind: 'eftervaern',
        fromDate: eighteenth,
        toDate: addDays(birthdayAt(c.birth_date, 19), -1),
      });
    }
    if (i % 2 === 0) await addSupport(trx, cw, c.id, { kind: 'mentor', fromDate: addDays(now, -60) });
  }

  // A placed 17-year-old: the § 111 decision is due in about a month (a task for the caseworker).
  const mads = await person('Mads', 'Ungsted', monthsBefore(now, 17 * 12 + 5), 'institution');
  await saveProfile(trx, cw, mads, {
    educationStatus: 'in_education',
    kuiStatus: 'active',
    specialNeed: true,
    ownGoals: 'Jeg vil bo sammen med min kæreste og blive færdig som smed.',
    housingNote: 'Bor på døgninstitution til 18-årsdagen; ønsker en ungdomsbolig.',
  });
  await addPlacement(trx, cw, mads, {
    placementType: 'residential_institution',
    fromDate: addDays(now, -3 * 365),
    note: 'Opholdsstedet Lærkereden',
  });
  await addSupport(trx, cw, mads, { kind: 'ungeguide', fromDate: addDays(now, -200) });
  await setPairing(trx, cw, mads, pair);

  // A placed 16½-year-old in family care, paired from 16.
  const sofie = await person('Sofie', 'Plejgaard', monthsBefore(now, 16 * 12 + 6), 'housed');
  await saveProfile(trx, cw, sofie, {
    educationStatus: 'in_education',
    kuiStatus: 'none',
    specialNeed: false,
    ownGoals: 'Jeg vil være frisør og blive boende tæt på min plejefamilie.',
  });
  await addPlacement(trx, cw, sofie, { placementType: 'family_care', fromDate: addDays(now, -5 * 365) });
  await addSupport(trx, cw, sofie, { kind: 'stoettekontaktperson', fromDate: addDays(now, -90) });
  await setPairing(trx, cw, sofie, pair);

  // An 18-year-old who left care at 18 with neither a decision nor a housing plan (an alert).
  const birthAli = monthsBefore(now, 18 * 12 + 2);
  const ali = await person('Ali', 'Frihavn', birthAli, 'family_friends');
  await saveProfile(trx, cw, ali, {
    educationStatus: 'none',
    kuiStatus: 'active',
    specialNeed: true,
    ownGoals: 'Et sted at bo, hvor ingen bestemmer over mig.',
  });
  await addPlacement(trx, cw, ali, {
    placementType: 'residential_institution',
    fromDate: addDays(now, -4 * 365),
    toDate: addDays(birthdayAt(birthAli, 18), -1),
  });
}
