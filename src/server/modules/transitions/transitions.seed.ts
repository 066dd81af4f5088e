import { addDays, ageOn, today } from '../../../shared/dates';
import type { Permission } from '../../../shared/permissions';
import type { YouthOfferInput } from '../../../shared/transitions/api';
import type { Tx } from '../../db/database';
import type { DemoContext } from '../../platform/module';
import * as repo from './transitions.repository';
import {
  addMeeting,
  addPlanOffer,
  createOffer,
  createPlan,
  getPlan,
  listOffers,
} from './transitions.service';

const PERMISSIONS: Permission[] = [
  'transitions.read',
  'transitions.write',
  'transitions.all',
  'transitions.catalogue',
];

/**
 * The demo municipality's catalogue of youth offers (the plan's "bedre overblik over tilbuddene",
 * seeds/000 and domain.md §6). Providers and contacts are fictitious.
 */
export const DEMO_OFFERS: YouthOfferInput[] = [
  {
    kind: 'ungeguide',
    name: 'Ungeguide',
    provider: 'Ungdommens Uddannelsesvejledning (UU)',
    minAge: 15,
    maxAge: 25,
    contact: 'uu@example.invalid, tlf. 43 35 10 00',
    description: 'Vejledning om uddannelse fra 15 år.',
  },
  {
    kind: 'mentor',
    name: 'Beskæftigelsesmentor',
    provider: 'Jobcenter, Ungeenheden',
    minAge: 16,
    maxAge: 29,
    contact: 'ungeenheden@example.invalid',
    description: null,
  },
  {
    kind: 'stoettekontaktperson',
    name: 'Støttekontaktperson (§ 85)',
    provider: 'Socialafdelingen, Voksenområdet',
    minAge: 18,
    maxAge: 29,
    contact: 'voksen@example.invalid',
    description: 'Ved psykiske, fysiske eller sociale vanskeligheder.',
  },
  {
    kind: 'kui',
    name: 'Kommunal ungeindsats (KUI)',
    provider: 'Ungeindsatsen',
    minAge: 15,
    maxAge: 24,
    contact: 'kui@example.invalid',
    description: 'For unge under 25 uden en ungdomsuddannelse: én samlet indsats og én kontaktperson.',
  },
  {
    kind: 'ungebolig',
    name: 'Ungebolig (kommunal anvisning)',
    provider: 'Boligsocial anvisning',
    minAge: 18,
    maxAge: 29,
    contact: 'anvisning@example.invalid',
    description: 'Hver fjerde ungdomsbolig anviser kommunen (under 30, i eller på vej i uddannelse).',
  },
  {
    kind: 'cti',
    name: 'CTI for unge i efterværn',
    provider: 'Bostøtteteamet',
    minAge: 18,
    maxAge: 23,
    contact: 'bostoette@example.invalid',
    description: 'Critical Time Intervention i 9 måneder ved overgangen fra anbringelse.',
  },
  {
    kind: 'behandling',
    name: 'Ungebehandling (rusmidler)',
    provider: 'Misbrugscentret, Ungeafsnittet',
    minAge: 15,
    maxAge: 25,
    contact: 'ungebehandling@example.invalid',
    description: null,
  },
  {
    kind: 'ungestoette',
    name: 'Ungestøtte (Barnets Lov §§ 113–116)',
    provider: 'Børne- og familieafdelingen',
    minAge: 18,
    maxAge: 22,
    contact: 'boernefamilie@example.invalid',
    description: 'Kan genetableres indtil det fyldte 23. år.',
  },
];

/**
 * The transitions module's demo data (issue 17 §4–5, §9): the catalogue of youth offers and a
 * transition plan for up to three young people (15–29) of the by-name list, each with the young
 * person's wishes and dreams, participants, a meeting held with the young person's view, decisions
 * and actions — one overdue, for the caseworker, and one for the support worker, who takes part —
 * the next meeting planned, and the offers the young person has.
 */
export async function seedDemoTransitions(trx: Tx, demo: DemoContext): Promise<void> {
  const m = demo.municipalityId;
  const now = today();
  const admin = demo.actorOf('admin', PERMISSIONS);
  const caseworker = demo.actorOf('caseworker', PERMISSIONS);
  for (const offer of DEMO_OFFERS) await createOffer(trx, admin, offer);
  const offers = new Map((await listOffers(trx, admin)).map((o) => [o.kind, o.id]));

  const startedOn = addDays(now, -60);
  // Young on the plan's start and still under 30 today (the dates only narrow the search); the
  // youngest first.
  const young = (
    await repo.citizensBornBetween(trx, m, addDays(now, -(30 * 366)), addDays(startedOn, -(15 * 365)))
  )
    .filter((c) => ageOn(c.birth_date, startedOn) >= 15 && ageOn(c.birth_date, now) <= 29)
    .sort((a, b) => b.birth_date.localeCompare(a.birth_date) || a.id.localeCompare(b.id))
    .slice(0, 3);

  const stories = [
    {
      wishes: 'Jeg vil gerne have min egen lejlighed og tage en uddannelse som mekaniker.',
      goals: 'Egen bolig inden for et år; starte på FGU efter sommerferien.',
      decisions: 'Vi søger om ungebolig. UU hjælper med optagelse på FGU. Ungestøtte fortsætter.',
      view: 'Jeg vil ikke tilbage på et opholdssted. Jeg vil bo tæt på min lillesøster.',
    },
    {
      wishes: 'Jeg drømmer om at arbejde med dyr og have et sted, hvor jeg kan være i fred.',
      goals: 'Fast sted at bo; kontakt til jobcentrets ungeenhed.',
      decisions: 'Støttekontaktperson bevilges. Mentor fra jobcentret kontakter den unge.',
      view: 'Jeg vil gerne have én voksen, jeg kan ringe til, når det brænder på.',
    },
    {
      wishes: 'Jeg vil have en hverdag uden stoffer og komme tilbage til min familie.',
      goals: 'Behandling i ungeafsnittet; bolig med støtte.',
      decisions: 'Henvisning til ungebehandling. Boligsocial anvisning kontaktes om ungebolig.',
      view: 'Jeg er klar til behandling, hvis jeg selv må vælge hvor.',
    },
  ];

  for (const [i, c] of young.entries()) {
    const story = stories[i] as (typeof stories)[number];
    const minor = ageOn(c.birth_date, startedOn) < 18;
    const { id } = await createPlan(trx, caseworker, {
      citizenId: c.id,
      startedOn,
      wishes: story.wishes,
      goals: story.goals,
      participants: [
        { kind: 'young_person' },
        { kind: 'family', name: i === 0 ? 'Mor (Lone)' : 'Morbror (Kim)' },
        { kind: minor ? 'child_caseworker' : 'adult_caseworker', userId: demo.userIdOf('caseworker') },
        { kind: 'guidance', name: 'Camilla Vejleder', organisation: i === 2 ? 'KUI' : 'UU' },
        { kind: 'support_worker', userId: demo.userIdOf('support') },
      ],
    });
    const plan = await getPlan(trx, caseworker, id);
    const of = (kind: string) => plan.participants.find((p) => p.kind === kind)?.id as string;
    const caseworkerId = of(minor ? 'child_caseworker' : 'adult_caseworker');
    await addMeeting(trx, caseworker, id, {
      heldOn: addDays(now, -20 - i),
      attendeeIds: plan.participants.map((p) => p.id),
      youngPersonView: story.view,
      decisions: story.decisions,
      actions: [
        // Overdue: a task for the caseworker, flagged.
        { description: 'Send ansøgning om ungebolig', responsibleId: caseworkerId, dueOn: addDays(now, -5) },
        {
          description: 'Aftal første møde med mentor',
          responsibleId: of('support_worker'),
          dueOn: addDays(now, 10),
        },
        {
          description: 'Besøg FGU sammen med den unge',
          responsibleId: of('guidance'),
          dueOn: addDays(now, 21),
        },
      ],
    });
    await addMeeting(trx, caseworker, id, { heldOn: addDays(now, 14 + i), attendeeIds: [] });
    for (const kind of i === 2 ? (['behandling', 'kui'] as const) : (['ungeguide', 'kui'] as const)) {
      const offerId = offers.get(kind);
      if (offerId) await addPlanOffer(trx, caseworker, id, { offerId, fromDate: addDays(startedOn, 7) });
    }
  }
}
