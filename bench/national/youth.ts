import type pg from 'pg';
import { type Cell, copyRows } from '../../src/server/db/copy';
import { birthdayAt, youthSupportDeadline } from '../../src/shared/youth/rules';
import { dayNumber, isoDate, type Random, Weighted } from '../lib/random';

/**
 * Young people (issue 17 §9) in the national set: a youth profile for most of the municipality's
 * citizens aged 15–29, placement histories, supports and § 111 decisions, loaded with COPY as the
 * module's service would have stored them (domain.md §6):
 * - about a third were placed outside the home (the plan, seeds/000: "about a third of homeless young
 *   people nationally were placed"), in one or two placements between the ages of 6 and 18;
 * - education: in education, planned, completed or none; KUI active or ended for most of those
 *   under 25 without a youth education (the municipal youth effort);
 * - a placed young person's decision on youth support (Barnets Lov § 111, rule 31) is made for most
 *   of those who turned 17½ by today — about one in six late — and ungestøtte from 18 for most of
 *   those granted it (until 23 at the latest); some have a mentor, efterværn or støttekontaktperson;
 * - the young person's own goals in their own words for two in three.
 */

export interface YouthCounts {
  profiles: number;
  placed: number;
  decisions: number;
  supports: number;
}

const PROFILE_COLUMNS = [
  'municipality_id',
  'citizen_id',
  'education_status',
  'kui_status',
  'special_need',
  'own_goals',
  'housing_note',
  'updated_by',
  'updated_at',
];
const PLACEMENT_COLUMNS = [
  'municipality_id',
  'citizen_id',
  'placement_type',
  'from_date',
  'to_date',
  'created_by',
  'created_at',
];
const SUPPORT_COLUMNS = [
  'municipality_id',
  'citizen_id',
  'kind',
  'from_date',
  'to_date',
  'provider',
  'created_by',
  'created_at',
];
const DECISION_COLUMNS = [
  'municipality_id',
  'citizen_id',
  'decided_on',
  'outcome',
  'created_by',
  'created_at',
];

const EDUCATION = new Weighted<string>([
  ['in_education', 25],
  ['planned', 15],
  ['completed', 15],
  ['none', 45],
]);
const PLACEMENT_TYPE = new Weighted<string>([
  ['family_care', 45],
  ['residential_institution', 35],
  ['own_room', 12],
  ['other', 8],
]);
const OTHER_SUPPORT = new Weighted<string>([
  ['mentor', 35],
  ['eftervaern', 25],
  ['stoettekontaktperson', 25],
  ['ungeguide', 15],
]);
const GOALS = [
  'Jeg vil have min egen lejlighed.',
  'Jeg vil gøre min uddannelse færdig.',
  'Jeg vil have et job og tjene mine egne penge.',
  'Jeg vil bo tæt på min familie.',
  'Jeg vil ud af misbruget.',
  'Jeg vil være mekaniker.',
  'Jeg vil have ro og et sted at sove.',
];

export async function addYouth(o: {
  copy: pg.Client;
  municipalityId: string;
  random: Random;
  /** The municipality's living citizens with their birth dates, in a stable order. */
  citizens: readonly { id: string; birth_date: string }[];
  today: string;
  createdBy: string;
}): Promise<YouthCounts> {
  const { random } = o;
  const m = o.municipalityId;
  const day = dayNumber(o.today);
  const created = (d: number) => `${isoDate(Math.min(d, day))}T10:00:00Z`;
  const profiles: Cell[][] = [];
  const placements: Cell[][] = [];
  const supports: Cell[][] = [];
  const decisions: Cell[][] = [];
  let placed = 0;

  for (const c of o.citizens) {
    const born = dayNumber(c.birth_date);
    const age = Math.floor((day - born) / 365.25);
    if (age < 15 || age > 29) continue;
    const at = (years: number) => dayNumber(birthdayAt(c.birth_date, years));
    if (random.chance(0.8)) {
      const education = EDUCATION.pick(random);
      const withoutYouthEducation = education === 'none' || education === 'planned';
      const kui =
        age < 25 && withoutYouthEducation
          ? random.chance(0.6)
            ? 'active'
            : random.chance(0.3)
              ? 'ended'
              : 'none'
          : 'none';
      profiles.push([
        m,
        c.id,
        education,
        kui,
        random.chance(0.2),
        random.chance(0.67) ? random.pick(GOALS) : null,
        random.chance(0.3) ? 'Sover skiftevis hos venner og på herberg.' : null,
        o.createdBy,
        created(day - random.int(0, 400)),
      ]);
    }
    if (!random.chance(0.33)) continue;
    placed++;
    // One or two placements between 6 and 18; the last runs to the 18th birthday or earlier.
    const first = at(random.int(6, 14)) + random.int(0, 300);
    const end = Math.min(at(18) - 1, first + random.int(400, 3000));
    const split = random.chance(0.3) ? first + Math.floor((end - first) / 2) : null;
    const periods =
      split === null
        ? [[first, end]]
        : [
            [first, split],
            [split + 1, end],
          ];
    for (const [from, to] of periods as [number, number][]) {
      if (from > day) continue;
      placements.push([
        m,
        c.id,
        PLACEMENT_TYPE.pick(random),
        isoDate(from),
        to < day ? isoDate(to) : null,
        o.createdBy,
        created(from),
      ]);
    }
    // Placed at 17½ (the last placement ran on): the § 111 decision, most on time.
    const deadline = dayNumber(youthSupportDeadline(c.birth_date));
    if (end < deadline || deadline > day || !random.chance(0.85)) continue;
    const decided = random.chance(0.83) ? deadline - random.int(0, 150) : deadline + random.int(1, 200);
    if (decided > day) continue;
    const granted = random.chance(0.8);
    decisions.push([
      m,
      c.id,
      isoDate(decided),
      granted ? 'granted' : 'refused',
      o.createdBy,
      created(decided),
    ]);
    if (granted && at(18) <= day && random.chance(0.8)) {
      const until = Math.min(at(23) - 1, at(18) + random.int(180, 1500));
      supports.push([
        m,
        c.id,
        'ungestoette',
        isoDate(at(18)),
        until < day ? isoDate(until) : null,
        'Ungeenheden',
        o.createdBy,
        created(at(18)),
      ]);
    }
    if (at(18) <= day && random.chance(0.35)) {
      const from = at(18) + random.int(0, 700);
      if (from <= day)
        supports.push([
          m,
          c.id,
          OTHER_SUPPORT.pick(random),
          isoDate(from),
          random.chance(0.5) ? isoDate(Math.min(day, from + random.int(90, 700))) : null,
          null,
          o.createdBy,
          created(from),
        ]);
    }
  }

  await o.copy.query('begin');
  try {
    await copyRows(o.copy, 'youth_profile', PROFILE_COLUMNS, profiles);
    await copyRows(o.copy, 'youth_placement', PLACEMENT_COLUMNS, placements);
    await copyRows(o.copy, 'youth_support', SUPPORT_COLUMNS, supports);
    await copyRows(o.copy, 'youth_decision', DECISION_COLUMNS, decisions);
    await o.copy.query('commit');
  } catch (error) {
    await o.copy.query('rollback');
    throw error;
  }
  return { profiles: profiles.length, placed, decisions: decisions.length, supports: supports.length };
}
