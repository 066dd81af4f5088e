import type { MemberInput } from '../../../shared/allocation/api';
import type {
  AssessmentAction,
  DeclineReason,
  Priority,
  ReturnReason,
  TargetGround,
  VacancyOrigin,
} from '../../../shared/allocation/model';
import { addDays, ageOn, today } from '../../../shared/dates';
import type { UnitType } from '../../../shared/housing/supply';
import { mulberry32 } from '../../../shared/random';
import type { Tx } from '../../db/database';
import type { DemoContext } from '../../platform/module';
import { assess, caseworkerStep, createApplication } from './allocation.applications.service';
import {
  acceptOffer,
  declineOffer,
  expireOffer,
  makeOffer,
  moveIn,
  signLease,
} from './allocation.offers.service';
import * as seedRepo from './allocation.seed.repository';
import { createVacancy, returnVacancy } from './allocation.vacancies.service';
import { takeSnapshot } from './allocation.waiting-list.service';

/**
 * A year of housing allocation in the demo municipality (issue 14 §4): applications in every
 * status, vacancies reported by the officer and by the housing organisation, offers accepted,
 * declined and expired, units let and moved into, units returned unused — and, at today's date,
 * work waiting for each role (applications to assess, a request for information, an ended pause,
 * an offer to answer, a lease and a move-in to record, a vacancy near its naming deadline and a
 * newly reported one). Everything goes through the services; only the dates the services stamp
 * with today are moved back afterwards (allocation.seed.repository.ts). All people are the
 * citizens module's fictitious demo citizens; no CPR numbers.
 */

type Household = 'single' | 'couple' | 'couple_child' | 'parent1' | 'parent2' | 'couple3';

type Step =
  | { do: 'approve'; ago: number; priority: Priority; reason: string }
  | { do: 'request_info' | 'reject' | 'remove'; ago: number; reason: string }
  | { do: 'resubmit' | 'withdraw'; ago: number; reason: string }
  | { do: 'pause'; ago: number; reason: string; untilAgo: number };

interface ApplicantPlan {
  key: string;
  household: Household;
  grounds: TargetGround[];
  rooms: [number, number | null];
  accessible?: boolean;
  cashBenefit?: boolean;
  /** Applicant's age (on today) between these. */
  age: [number, number];
  submittedAgo: number;
  justification: string;
  steps: Step[];
}

const approve = (ago: number, priority: Priority, reason: string): Step => ({
  do: 'approve',
  ago,
  priority,
  reason,
});

const SOCIAL: TargetGround[] = ['special_social'];
const HOUSING_NEED =
  'Borgeren er uden egen bolig og kan ikke selv løse boligproblemet inden for rimelig tid.';

const APPLICANTS: ApplicantPlan[] = [
  {
    key: 'A0',
    household: 'couple_child',
    grounds: SOCIAL,
    rooms: [3, 4],
    age: [25, 50],
    submittedAgo: 345,
    justification: 'Familien bor midlertidigt hos venner efter en udsættelse.',
    steps: [approve(338, 'normal', 'Familie uden egen bolig; ingen akutte forhold.')],
  },
  {
    key: 'A1',
    household: 'parent2',
    grounds: SOCIAL,
    rooms: [3, 3],
    age: [25, 50],
    submittedAgo: 340,
    justification: 'Enlig forsørger med to børn, bor på krisecenter.',
    steps: [approve(333, 'high', 'Børn på krisecenter; høj prioritet.')],
  },
  {
    key: 'A2',
    household: 'single',
    grounds: ['reduced_function'],
    rooms: [1, 2],
    accessible: true,
    age: [55, 80],
    submittedAgo: 300,
    justification: 'Nedsat gangfunktion efter hospitalsindlæggelse; kan ikke bo på herberg.',
    steps: [approve(292, 'high', 'Udskrives fra hospital; har brug for tilgængelig bolig.')],
  },
  {
    key: 'A3',
    household: 'single',
    grounds: SOCIAL,
    rooms: [2, 2],
    age: [18, 70],
    submittedAgo: 285,
    justification: HOUSING_NEED,
    steps: [approve(279, 'normal', 'Opfylder målgruppen.')],
  },
  {
    key: 'A4',
    household: 'single',
    grounds: SOCIAL,
    rooms: [1, 2],
    age: [18, 70],
    submittedAgo: 270,
    justification: HOUSING_NEED,
    steps: [approve(262, 'normal', 'Opfylder målgruppen.')],
  },
  {
    key: 'A5',
    household: 'couple',
    grounds: SOCIAL,
    rooms: [2, 3],
    age: [22, 60],
    submittedAgo: 240,
    justification: 'Parret har mistet lejligheden efter huslejerestance.',
    steps: [approve(232, 'normal', 'Opfylder målgruppen.')],
  },
  {
    key: 'A6',
    household: 'parent1',
    grounds: SOCIAL,
    rooms: [2, 3],
    age: [22, 50],
    submittedAgo: 230,
    justification: 'Enlig forsørger, bor hos familie uden kontrakt.',
    steps: [approve(221, 'normal', 'Opfylder målgruppen.')],
  },
  {
    key: 'A7',
    household: 'single',
    grounds: SOCIAL,
    rooms: [2, 2],
    age: [18, 70],
    submittedAgo: 205,
    justification: 'Bor på herberg; misbrugsbehandling afsluttet.',
    steps: [approve(198, 'high', 'Stabil efter behandling; bolig nu er afgørende.')],
  },
  {
    key: 'A8',
    household: 'couple3',
    grounds: SOCIAL,
    rooms: [4, 5],
    age: [25, 50],
    submittedAgo: 150,
    justification: 'Familie med tre børn på hotel efter brand i boligen.',
    steps: [approve(140, 'acute', 'Tre børn på hotel; akut.')],
  },
  {
    key: 'A9',
    household: 'single',
    grounds: SOCIAL,
    rooms: [1, 2],
    age: [18, 70],
    submittedAgo: 110,
    justification: HOUSING_NEED,
    steps: [approve(100, 'normal', 'Opfylder målgruppen.')],
  },
  {
    key: 'A10',
    household: 'parent2',
    grounds: SOCIAL,
    rooms: [3, 3],
    age: [25, 50],
    submittedAgo: 95,
    justification: 'Enlig forsørger med to børn, sofasurfer.',
    steps: [approve(88, 'high', 'Børn uden fast bopæl.')],
  },
  {
    key: 'A11',
    household: 'parent1',
    grounds: SOCIAL,
    rooms: [2, 3],
    age: [22, 50],
    submittedAgo: 70,
    justification: 'Mor og barn bor hos bedsteforældre uden kontrakt.',
    steps: [approve(60, 'normal', 'Opfylder målgruppen.')],
  },
  {
    key: 'A12',
    household: 'single',
    grounds: SOCIAL,
    rooms: [1, 1],
    age: [18, 70],
    submittedAgo: 55,
    justification: HOUSING_NEED,
    steps: [approve(47, 'normal', 'Opfylder målgruppen.')],
  },
  {
    key: 'A13',
    household: 'couple_child',
    grounds: SOCIAL,
    rooms: [3, 3],
    age: [22, 50],
    submittedAgo: 40,
    justification: 'Familien er sagt op og skal fraflytte om en måned.',
    steps: [approve(33, 'high', 'Barn i skolealderen; fraflytning nært forestående.')],
  },
  {
    key: 'A14',
    household: 'single',
    grounds: SOCIAL,
    rooms: [1, 2],
    cashBenefit: true,
    age: [18, 70],
    submittedAgo: 200,
    justification: HOUSING_NEED,
    steps: [approve(190, 'normal', 'Opfylder målgruppen.')],
  },
  {
    key: 'A15',
    household: 'single',
    grounds: SOCIAL,
    rooms: [2, 3],
    age: [18, 70],
    submittedAgo: 25,
    justification: 'Løsladt og uden bolig; risiko for tilbagefald.',
    steps: [approve(18, 'acute', 'Løsladelse uden boligløsning; akut.')],
  },
  {
    key: 'A16',
    household: 'couple',
    grounds: SOCIAL,
    rooms: [2, 3],
    cashBenefit: true,
    age: [22, 70],
    submittedAgo: 160,
    justification: HOUSING_NEED,
    steps: [approve(150, 'normal', 'Opfylder målgruppen.')],
  },
  {
    key: 'A17',
    household: 'single',
    grounds: ['special_social', 'reduced_function'],
    rooms: [1, 2],
    age: [40, 80],
    submittedAgo: 120,
    justification: 'Psykisk sårbar; bor på natvarmestue.',
    steps: [approve(112, 'high', 'Sårbar; bostøtte er bevilget.')],
  },
  // Waiting for the officer's assessment.
  {
    key: 'S1',
    household: 'single',
    grounds: SOCIAL,
    rooms: [1, 2],
    age: [18, 70],
    submittedAgo: 2,
    justification: HOUSING_NEED,
    steps: [],
  },
  {
    key: 'S2',
    household: 'parent1',
    grounds: SOCIAL,
    rooms: [2, 3],
    age: [22, 50],
    submittedAgo: 5,
    justification: 'Mor og barn bor på krisecenter.',
    steps: [],
  },
  {
    key: 'S3',
    household: 'single',
    grounds: SOCIAL,
    rooms: [1, 2],
    age: [18, 70],
    submittedAgo: 9,
    justification: HOUSING_NEED,
    steps: [],
  },
  // The officer asked the caseworker for more information.
  {
    key: 'N1',
    household: 'single',
    grounds: SOCIAL,
    rooms: [1, 2],
    age: [18, 70],
    submittedAgo: 20,
    justification: HOUSING_NEED,
    steps: [
      {
        do: 'request_info',
        ago: 15,
        reason:
          'Dokumentation for indtægt mangler (lønsedler eller ydelsesspecifikation for de seneste tre måneder).',
      },
    ],
  },
  {
    key: 'N2',
    household: 'couple',
    grounds: SOCIAL,
    rooms: [2, 3],
    age: [22, 70],
    submittedAgo: 35,
    justification: HOUSING_NEED,
    steps: [{ do: 'request_info', ago: 30, reason: 'Oplys hvor parret bor nu, og om der er en opsigelse.' }],
  },
  // Paused: one pause has ended (a task), one runs on.
  {
    key: 'P1',
    household: 'single',
    grounds: SOCIAL,
    rooms: [1, 2],
    age: [18, 70],
    submittedAgo: 260,
    justification: HOUSING_NEED,
    steps: [
      approve(250, 'normal', 'Opfylder målgruppen.'),
      { do: 'pause', ago: 100, untilAgo: 5, reason: 'Indlagt til behandling; pause til udskrivning.' },
    ],
  },
  {
    key: 'P2',
    household: 'single',
    grounds: SOCIAL,
    rooms: [1, 2],
    age: [18, 70],
    submittedAgo: 180,
    justification: HOUSING_NEED,
    steps: [
      approve(170, 'normal', 'Opfylder målgruppen.'),
      { do: 'pause', ago: 30, untilAgo: -60, reason: 'Afsoner kort dom; pause til løsladelse.' },
    ],
  },
  // Closed without a home from the list.
  {
    key: 'R1',
    household: 'single',
    grounds: SOCIAL,
    rooms: [1, 2],
    age: [18, 70],
    submittedAgo: 160,
    justification: HOUSING_NEED,
    steps: [
      {
        do: 'reject',
        ago: 150,
        reason: 'Borgeren kan selv løse boligproblemet: har lejekontrakt på værelse.',
      },
    ],
  },
  {
    key: 'R2',
    household: 'single',
    grounds: SOCIAL,
    rooms: [1, 2],
    age: [18, 70],
    submittedAgo: 70,
    justification: HOUSING_NEED,
    steps: [
      { do: 'request_info', ago: 64, reason: 'Oplys boligsituationen.' },
      { do: 'reject', ago: 45, reason: 'Oplysningerne er ikke kommet; borgeren er ikke i målgruppen.' },
    ],
  },
  {
    key: 'X1',
    household: 'single',
    grounds: SOCIAL,
    rooms: [1, 2],
    age: [18, 70],
    submittedAgo: 320,
    justification: HOUSING_NEED,
    steps: [
      approve(310, 'normal', 'Opfylder målgruppen.'),
      { do: 'remove', ago: 90, reason: 'Flyttet til en anden kommune.' },
    ],
  },
  {
    key: 'W1',
    household: 'single',
    grounds: SOCIAL,
    rooms: [1, 2],
    age: [18, 70],
    submittedAgo: 130,
    justification: HOUSING_NEED,
    steps: [
      approve(122, 'normal', 'Opfylder målgruppen.'),
      { do: 'withdraw', ago: 100, reason: 'Borgeren har selv fundet en lejebolig.' },
    ],
  },
];

type Answer =
  | {
      kind: 'accept';
      ago: number;
      leaseAgo: number | null;
      plannedMoveInAgo: number | null;
      movedInAgo: number | null;
    }
  | { kind: 'decline'; ago: number; reason: DeclineReason; note: string }
  | { kind: 'expire'; ago: number };

interface VacancyPlan {
  department: string;
  houseNumber: string;
  unitType: UnitType;
  rooms: number;
  areaM2: number;
  rent: number;
  utilities: number;
  accessible?: boolean;
  origin: VacancyOrigin;
  availableAgo: number;
  reportedAgo: number;
  /** Reported by the housing organisation's user (its own departments), else entered by the officer. */
  byPartner?: boolean;
  offers: { to: string; ago: number; replyInDays?: number; answer?: Answer }[];
  returned?: { ago: number; reason: ReturnReason; note: string };
}

const accept = (
  ago: number,
  leaseAgo: number | null,
  movedInAgo: number | null,
  plannedMoveInAgo: number | null = movedInAgo,
): Answer => ({ kind: 'accept', ago, leaseAgo, plannedMoveInAgo, movedInAgo });

const VACANCIES: VacancyPlan[] = [
  {
    department: '11',
    houseNumber: '14, 2. tv.',
    unitType: 'family',
    rooms: 3,
    areaM2: 78,
    rent: 6200,
    utilities: 700,
    origin: 'agreement_quota',
    availableAgo: 320,
    reportedAgo: 335,
    byPartner: true,
    offers: [
      {
        to: 'A0',
        ago: 318,
        answer: { kind: 'decline', ago: 315, reason: 'size', note: 'For lille til familien.' },
      },
      { to: 'A1', ago: 314, answer: accept(311, 305, 300) },
    ],
  },
  {
    department: '13',
    houseNumber: '3, st. th.',
    unitType: 'elderly',
    rooms: 2,
    areaM2: 65,
    rent: 5400,
    utilities: 600,
    accessible: true,
    origin: 'agreement_quota',
    availableAgo: 280,
    reportedAgo: 290,
    byPartner: true,
    offers: [{ to: 'A2', ago: 278, answer: accept(273, 268, 262) }],
  },
  {
    department: '22',
    houseNumber: '27, 1. th.',
    unitType: 'family',
    rooms: 2,
    areaM2: 58,
    rent: 5100,
    utilities: 550,
    origin: 'agreement_quota',
    availableAgo: 250,
    reportedAgo: 262,
    offers: [
      { to: 'A3', ago: 249, answer: { kind: 'expire', ago: 241 } },
      { to: 'A4', ago: 240, answer: accept(236, 230, 226) },
    ],
  },
  {
    department: '24',
    houseNumber: '5, 3. 12',
    unitType: 'youth',
    rooms: 1,
    areaM2: 32,
    rent: 3400,
    utilities: 350,
    origin: 'youth_quota',
    availableAgo: 230,
    reportedAgo: 240,
    offers: [],
    returned: { ago: 216, reason: 'no_candidate', note: 'Ingen på ventelisten ønsker ungdomsbolig.' },
  },
  {
    department: '1',
    houseNumber: '41, 4. tv.',
    unitType: 'family',
    rooms: 3,
    areaM2: 82,
    rent: 6900,
    utilities: 750,
    origin: 'agreement_quota',
    availableAgo: 200,
    reportedAgo: 210,
    offers: [
      {
        to: 'A5',
        ago: 199,
        answer: { kind: 'decline', ago: 196, reason: 'personal', note: 'Ønsker ikke at bo i området.' },
      },
      {
        to: 'A6',
        ago: 195,
        answer: { kind: 'decline', ago: 192, reason: 'area', note: 'For langt fra barnets skole.' },
      },
    ],
    returned: { ago: 190, reason: 'declined_by_all', note: 'To tilbud afslået.' },
  },
  {
    department: '21',
    houseNumber: '9, 1. mf.',
    unitType: 'family',
    rooms: 2,
    areaM2: 61,
    rent: 5300,
    utilities: 600,
    origin: 'agreement_quota',
    availableAgo: 170,
    reportedAgo: 182,
    offers: [{ to: 'A7', ago: 169, answer: accept(165, 158, 152) }],
  },
  {
    department: '2',
    houseNumber: '18, 2. th.',
    unitType: 'family',
    rooms: 4,
    areaM2: 95,
    rent: 7600,
    utilities: 850,
    origin: 'agreement_quota',
    availableAgo: 140,
    reportedAgo: 150,
    offers: [],
    returned: { ago: 125, reason: 'deadline_passed', note: 'Fristen for at anvise udløb.' },
  },
  {
    department: '23',
    houseNumber: '2, st.',
    unitType: 'family',
    rooms: 4,
    areaM2: 98,
    rent: 7900,
    utilities: 800,
    origin: 'new_build',
    availableAgo: 110,
    reportedAgo: 125,
    offers: [{ to: 'A8', ago: 108, answer: accept(104, 98, 92) }],
  },
  {
    department: '21',
    houseNumber: '31, 4. th.',
    unitType: 'family',
    rooms: 2,
    areaM2: 63,
    rent: 5600,
    utilities: 600,
    origin: 'agreement_quota',
    availableAgo: 95,
    reportedAgo: 100,
    offers: [],
    returned: {
      ago: 85,
      reason: 'unit_unsuitable',
      note: '4. sal uden elevator; ingen på listen kunne bruge boligen.',
    },
  },
  {
    department: '11',
    houseNumber: '22, 1. tv.',
    unitType: 'family',
    rooms: 2,
    areaM2: 55,
    rent: 4900,
    utilities: 550,
    origin: 'agreement_quota',
    availableAgo: 60,
    reportedAgo: 70,
    byPartner: true,
    offers: [{ to: 'A9', ago: 59, answer: accept(55, 48, 42) }],
  },
  // Let, lease signed, the planned move-in has passed: the officer records the move-in.
  {
    department: '12',
    houseNumber: '7, 3. tv.',
    unitType: 'family',
    rooms: 3,
    areaM2: 74,
    rent: 6100,
    utilities: 650,
    origin: 'agreement_quota',
    availableAgo: 30,
    reportedAgo: 40,
    byPartner: true,
    offers: [{ to: 'A10', ago: 29, answer: accept(24, 10, null, 3) }],
  },
  // Accepted a week ago, no lease yet.
  {
    department: '13',
    houseNumber: '11, 2. th.',
    unitType: 'family',
    rooms: 2,
    areaM2: 60,
    rent: 5500,
    utilities: 600,
    origin: 'agreement_quota',
    availableAgo: 14,
    reportedAgo: 24,
    byPartner: true,
    offers: [{ to: 'A11', ago: 13, answer: accept(6, null, null, -20) }],
  },
  // Open offers: one to be answered by tomorrow, one made yesterday.
  {
    department: '22',
    houseNumber: '4, st. tv.',
    unitType: 'family',
    rooms: 1,
    areaM2: 40,
    rent: 4200,
    utilities: 450,
    origin: 'agreement_quota',
    availableAgo: 8,
    reportedAgo: 15,
    offers: [{ to: 'A12', ago: 6, replyInDays: 7 }],
  },
  {
    department: '3',
    houseNumber: '12, 1. th.',
    unitType: 'family',
    rooms: 3,
    areaM2: 80,
    rent: 6600,
    utilities: 700,
    origin: 'agreement_quota',
    availableAgo: 5,
    reportedAgo: 12,
    offers: [{ to: 'A13', ago: 1, replyInDays: 7 }],
  },
  // Open without an offer: one near its naming deadline, one just reported by the housing organisation.
  {
    department: '11',
    houseNumber: '30, 3. th.',
    unitType: 'family',
    rooms: 3,
    areaM2: 76,
    rent: 6300,
    utilities: 700,
    origin: 'agreement_quota',
    availableAgo: 12,
    reportedAgo: 20,
    byPartner: true,
    offers: [],
  },
  {
    department: '12',
    houseNumber: '15, 1. tv.',
    unitType: 'family',
    rooms: 2,
    areaM2: 57,
    rent: 5200,
    utilities: 600,
    origin: 'agreement_quota',
    availableAgo: -10,
    reportedAgo: 1,
    byPartner: true,
    offers: [],
  },
];

const PARTNER_NAMES = ['Anne', 'Thomas', 'Sanne', 'Martin', 'Helle', 'Jesper', 'Rikke', 'Brian'];
const CHILD_NAMES = ['Emma', 'Noah', 'Ida', 'William', 'Freja', 'Oscar', 'Alma', 'Carl', 'Ella', 'Lucas'];

function members(
  household: Household,
  applicant: { name: string; familyName: string; birthDate: string; age: number },
  cashBenefit: boolean,
  on: string,
  random: () => number,
): MemberInput[] {
  const base = {
    citizenship: 'danish' as const,
    student: false,
    prisonReleasedOn: null,
    youthInstitutionReleasedOn: null,
    leaseTerminatedMisconductOn: null,
    partnerSince: null,
  };
  const pick = (list: string[]) => list[Math.floor(random() * list.length)] ?? list[0] ?? '';
  const list: MemberInput[] = [
    {
      ...base,
      role: 'applicant',
      name: applicant.name,
      birthDate: applicant.birthDate,
      benefits: cashBenefit ? [{ benefit: 'kontanthjaelp', from: addDays(on, -400), to: null }] : [],
    },
  ];
  if (household === 'couple' || household === 'couple_child' || household === 'couple3')
    list.push({
      ...base,
      role: 'spouse',
      name: `${pick(PARTNER_NAMES)} ${applicant.familyName}`,
      birthDate: addDays(applicant.birthDate, Math.floor(random() * 1400) - 700),
      benefits: [],
    });
  const children = { single: 0, couple: 0, couple_child: 1, parent1: 1, parent2: 2, couple3: 3 }[household];
  for (let i = 0; i < children; i++) {
    const maxAge = Math.max(1, Math.min(16, applicant.age - 20));
    list.push({
      ...base,
      role: 'child',
      name: `${pick(CHILD_NAMES)} ${applicant.familyName}`,
      birthDate: addDays(on, -365 * (1 + Math.floor(random() * maxAge)) - Math.floor(random() * 300)),
      benefits: [],
    });
  }
  return list;
}

export async function seedDemoAllocation(trx: Tx, demo: DemoContext): Promise<void> {
  const m = demo.municipalityId;
  const now = today();
  const ago = (days: number) => addDays(now, -days);
  const random = mulberry32(2026_1404);
  const caseworker = demo.actorOf('caseworker', ['allocation.apply', 'allocation.read']);
  const officer = demo.actorOf('allocation', ['allocation.manage', 'allocation.read', 'allocation.reports']);
  const partner = demo.actorOf('partner_housing', ['vacancies.report']);

  // ---- applications ----
  const citizens = await seedRepo.homelessCitizens(trx, m);
  const used = new Set<string>();
  const applicationOf = new Map<string, string>();
  const history = new Map<
    string,
    { submittedOn: string; updatedOn: string; waitingSince?: string; pausedUntil?: string }
  >();
  for (const plan of APPLICANTS) {
    const fits = (c: (typeof citizens)[number]) => {
      const age = ageOn(c.birth_date, now);
      return !used.has(c.id) && age >= plan.age[0] && age <= plan.age[1];
    };
    const citizen = citizens.find(fits) ?? citizens.find((c) => !used.has(c.id));
    if (!citizen) break; // fewer demo citizens than plans: seed what fits
    used.add(citizen.id);
    const familyName = citizen.family_name ?? '';
    const household = members(
      plan.household,
      {
        name: `${citizen.given_name ?? ''} ${familyName}`.trim(),
        familyName,
        birthDate: citizen.birth_date,
        age: ageOn(citizen.birth_date, now),
      },
      plan.cashBenefit ?? false,
      now,
      random,
    );
    const adults = household.filter((h) => h.role !== 'child').length;
    const children = household.length - adults;
    const fixedCosts = 1500 + 500 * household.length;
    const id = await createApplication(trx, caseworker, {
      citizenId: citizen.id,
      area: children > 0 ? 'child' : 'adult',
      targetGrounds: plan.grounds,
      justification: plan.justification,
      roomsMin: plan.rooms[0],
      roomsMax: plan.rooms[1],
      // Net income a month, enough for the rent of the units they are offered and the municipality's disposable amounts.
      monthlyIncome: 9000 + 6500 * adults + 4000 * children + fixedCosts,
      fixedCosts,
      accessibleNeed: plan.accessible ?? false,
      wishedDepartmentIds: [],
      excludedDepartmentIds: [],
      youthWish: false,
      inEducation: false,
      educationPlanned: false,
      youthSpecialNeed: false,
      members: household,
    });
    await seedRepo.backdateNewEvents(trx, m, id, ago(plan.submittedAgo));
    applicationOf.set(plan.key, id);
    const record: { submittedOn: string; updatedOn: string; waitingSince?: string; pausedUntil?: string } = {
      submittedOn: ago(plan.submittedAgo),
      updatedOn: ago(plan.submittedAgo),
    };
    for (const step of plan.steps) {
      if (step.do === 'resubmit' || step.do === 'withdraw')
        await caseworkerStep(trx, caseworker, id, step.do, step.reason);
      else
        await assess(trx, officer, id, {
          action: step.do as AssessmentAction,
          reason: step.reason,
          ...(step.do === 'approve' ? { priority: step.priority } : {}),
          // A pause is made for the future and then dated back with the rest of the history.
          ...(step.do === 'pause' ? { pausedUntil: addDays(now, 1) } : {}),
        });
      await seedRepo.backdateNewEvents(trx, m, id, ago(step.ago));
      record.updatedOn = ago(step.ago);
      if (step.do === 'approve') record.waitingSince = ago(step.ago);
      if (step.do === 'pause') record.pausedUntil = ago(step.untilAgo);
    }
    history.set(id, record);
  }

  // ---- vacancies, offers, tenancies ----
  const departments = new Map((await seedRepo.demoDepartments(trx, m)).map((d) => [d.number, d]));
  for (const plan of VACANCIES) {
    const department = departments.get(plan.department);
    if (!department) continue;
    const vacancyId = await createVacancy(
      trx,
      plan.byPartner ? partner : officer,
      {
        departmentId: department.id,
        address: `${department.name} ${plan.houseNumber}`,
        unitType: plan.unitType,
        rooms: plan.rooms,
        areaM2: plan.areaM2,
        rent: plan.rent,
        utilities: plan.utilities,
        deposit: plan.rent * 3,
        accessible: plan.accessible ?? false,
        availableOn: ago(plan.availableAgo),
        origin: plan.origin,
        deadlineOn: null,
      },
      plan.byPartner ? 'partner' : 'officer',
    );
    if (!vacancyId) continue;
    await seedRepo.backdateVacancy(trx, m, vacancyId, ago(plan.reportedAgo));
    for (const offer of plan.offers) {
      const applicationId = applicationOf.get(offer.to);
      if (!applicationId) continue;
      const replyBy = ago(offer.ago - (offer.replyInDays ?? 7));
      const made = await makeOffer(trx, officer, vacancyId, {
        applicationId,
        ...(replyBy >= now ? { replyBy } : {}),
      });
      await seedRepo.backdateOffer(trx, m, made.id, { offeredOn: ago(offer.ago), replyBy });
      const answer = offer.answer;
      if (!answer) continue;
      if (answer.kind === 'accept') {
        const tenancy = await acceptOffer(trx, officer, made.id, {
          leaseSignedOn: null,
          plannedMoveInOn: answer.plannedMoveInAgo === null ? null : ago(answer.plannedMoveInAgo),
        });
        await seedRepo.backdateTenancy(trx, m, tenancy.id, ago(answer.ago));
        if (answer.leaseAgo !== null) await signLease(trx, officer, tenancy.id, ago(answer.leaseAgo));
        if (answer.movedInAgo !== null) {
          await moveIn(trx, officer, tenancy.id, ago(answer.movedInAgo));
          await seedRepo.backdateNewEvents(trx, m, applicationId, ago(answer.movedInAgo));
          const record = history.get(applicationId);
          if (record) record.updatedOn = ago(answer.movedInAgo);
        }
      } else if (answer.kind === 'decline') {
        await declineOffer(trx, officer, made.id, { reason: answer.reason, note: answer.note });
      } else {
        await expireOffer(trx, officer, made.id);
      }
      await seedRepo.backdateOffer(trx, m, made.id, {
        offeredOn: ago(offer.ago),
        replyBy,
        respondedOn: ago(answer.ago),
      });
      // A refusal counted against the applicant is an event of the day the answer came.
      await seedRepo.backdateNewEvents(trx, m, applicationId, ago(answer.ago));
    }
    if (plan.returned)
      await returnVacancy(trx, officer, vacancyId, {
        reason: plan.returned.reason,
        note: plan.returned.note,
        returnedOn: ago(plan.returned.ago),
      });
  }
  for (const [id, record] of history) await seedRepo.backdateApplication(trx, m, id, record);

  // The budget follow-up's count of the waiting list, as the officer takes it.
  await takeSnapshot(trx, officer, `Budgetopfølgning ${now.slice(0, 7)}`);
}
