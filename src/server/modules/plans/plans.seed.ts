import { addDays, addWorkingDays, today } from '../../../shared/dates';
import type { Department } from '../../../shared/plans/model';
import type { Tx } from '../../db/database';
import type { DemoContext } from '../../platform/module';
import { liveOffersOfCitizens } from '../allocation';
import * as repo from './plans.repository';
import { addAction, addReview, createPlan, recordParticipation } from './plans.service';

interface DemoAction {
  department: Department;
  description: string;
  /** The demo user who owns it, or a named person in another department. */
  owner: 'caseworker' | 'support' | string;
  dueIn: number;
  doneAgo?: number;
}

interface DemoPlan {
  coordinator: 'caseworker' | 'support';
  startedAgo: number;
  goals: string[];
  actions: DemoAction[];
  reviewIn: number;
  participation: { ago: number; how: 'meeting' | 'phone' | 'home_visit' | 'network_meeting' }[];
}

const PLANS: DemoPlan[] = [
  {
    coordinator: 'caseworker',
    startedAgo: 70,
    goals: ['Jeg vil blive boende i min lejlighed', 'Jeg vil gerne i arbejde et par timer om ugen'],
    actions: [
      {
        department: 'jobcenter',
        description: 'Afklaringsforløb og samtale om praktik',
        owner: 'caseworker',
        dueIn: -6,
      },
      {
        department: 'ydelse',
        description: 'Huslejen trækkes direkte fra ydelsen',
        owner: 'Ydelseskontoret, Mads Holm',
        dueIn: 12,
      },
      {
        department: 'psykiatri',
        description: 'Henvisning til distriktspsykiatrien',
        owner: 'support',
        dueIn: -20,
        doneAgo: 25,
      },
    ],
    reviewIn: -3,
    participation: [
      { ago: 70, how: 'meeting' },
      { ago: 30, how: 'home_visit' },
    ],
  },
  {
    coordinator: 'support',
    startedAgo: 40,
    goals: ['Jeg vil have styr på min økonomi', 'Jeg vil se min datter hver anden weekend'],
    actions: [
      {
        department: 'misbrugsbehandling',
        description: 'Opstart i ambulant behandling',
        owner: 'Rusmiddelcentret, Lise Dam',
        dueIn: -2,
      },
      { department: 'sundhed', description: 'Tandlæge og egen læge', owner: 'support', dueIn: -4 },
    ],
    reviewIn: 25,
    participation: [{ ago: 40, how: 'network_meeting' }],
  },
  {
    coordinator: 'caseworker',
    startedAgo: 20,
    goals: ['Jeg vil have min egen bolig'],
    actions: [
      {
        department: 'bolig',
        description: 'Indstilling til boligsocial anvisning',
        owner: 'caseworker',
        dueIn: 5,
      },
      {
        department: 'ydelse',
        description: 'Ansøgning om depositumslån',
        owner: 'Ydelseskontoret, Mads Holm',
        dueIn: 3,
      },
    ],
    reviewIn: 40,
    participation: [{ ago: 20, how: 'phone' }],
  },
];

/**
 * Coherent plans in the demo municipality (issue 15 §6–7): plans coordinated by the demo caseworker
 * and the demo support worker, with goals in the citizen's words and actions owned by departments
 * (some overdue, one done), review dates (one passed), participation; benefit sanctions and a stop
 * for housed citizens with a plan (one handled); and a deposit-loan case waiting past the fast-track
 * limit for a citizen with a live offer, so "Mine opgaver" and the pages show figures at first start.
 */
export async function seedDemoPlans(trx: Tx, demo: DemoContext): Promise<void> {
  const m = demo.municipalityId;
  const onDate = today();
  const perms = ['plans.read', 'plans.write', 'plans.all', 'plans.alerts'] as const;
  const caseworker = demo.actorOf('caseworker', perms);
  const citizens = await repo.demoCitizens(trx, m);
  if (citizens.length === 0) return;
  const offers = await liveOffersOfCitizens(
    trx,
    m,
    citizens.map((c) => c.id),
  );
  const withOffer = citizens.find((c) => offers.has(c.id));
  const housed = citizens.filter((c) => c.cur_situation === 'housed' && c.id !== withOffer?.id);
  const chosen = [...housed.slice(0, 2), ...(withOffer ? [withOffer] : [])];
  const ownerId = (owner: string) =>
    owner === 'caseworker' || owner === 'support' ? demo.userIdOf(owner) : null;

  for (const [i, plan] of PLANS.entries()) {
    const citizen = chosen[i];
    if (!citizen) break;
    const startedOn = addDays(onDate, -plan.startedAgo);
    const { id } = await createPlan(trx, caseworker, {
      citizenId: citizen.id,
      coordinatorId: demo.userIdOf(plan.coordinator),
      startedOn,
      goals: plan.goals,
    });
    for (const a of plan.actions) {
      const owner = ownerId(a.owner);
      const { id: actionId } = await addAction(trx, caseworker, id, {
        department: a.department,
        description: a.description,
        ownerUserId: owner,
        ownerName: owner ? null : a.owner,
        dueOn: addDays(onDate, a.dueIn),
      });
      if (a.doneAgo !== undefined)
        await repo.markActionDone(trx, m, id, actionId, addDays(onDate, -a.doneAgo));
    }
    await addReview(trx, caseworker, id, addDays(onDate, plan.reviewIn));
    for (const p of plan.participation)
      await recordParticipation(trx, caseworker, id, { participatedOn: addDays(onDate, -p.ago), how: p.how });
  }

  // Benefit sanctions and a stop reported by the benefits office (the demo has no CPR numbers, so
  // they are linked directly rather than imported).
  const sanctionRow = (citizenId: string, kind: 'sanction' | 'stop', ago: number, note: string) => ({
    municipality_id: m,
    citizen_id: citizenId,
    kind,
    effective_on: addDays(onDate, -ago),
    note,
    source: 'form' as const,
    import_key: null,
    recorded_on: addDays(onDate, -ago),
    recorded_by: caseworker.userId,
    handled_on: null,
    handled_by: null,
    handled_note: null,
  });
  const [first, second] = chosen;
  const rows = [];
  if (first) rows.push(sanctionRow(first.id, 'sanction', 2, 'Udeblevet fra samtale i jobcentret'));
  if (second) rows.push(sanctionRow(second.id, 'stop', 5, 'Ydelsen standset: manglende dokumentation'));
  if (first)
    rows.push({
      ...sanctionRow(first.id, 'sanction', 60, 'Udeblevet fra aktivering'),
      handled_on: addDays(onDate, -58),
      handled_by: caseworker.userId,
      handled_note: 'Talt med jobcentret; sanktionen er frafaldet',
    });
  await repo.insertSanctions(trx, rows);

  // A deposit loan waiting past the fast track while the citizen holds an offer, and one decided.
  if (withOffer)
    await repo.insertDepositCase(trx, {
      municipality_id: m,
      citizen_id: withOffer.id,
      kind: 'deposit_loan',
      opened_on: addWorkingDays(onDate, -14),
      decided_on: null,
      outcome: null,
      handled_on: null,
      handled_by: null,
      handled_note: null,
      created_by: caseworker.userId,
    });
  if (second)
    await repo.insertDepositCase(trx, {
      municipality_id: m,
      citizen_id: second.id,
      kind: 'section_81',
      opened_on: addWorkingDays(onDate, -30),
      decided_on: addWorkingDays(onDate, -24),
      outcome: 'granted',
      handled_on: null,
      handled_by: null,
      handled_note: null,
      created_by: caseworker.userId,
    });
}
