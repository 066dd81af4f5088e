import { addDays, today } from '../../../shared/dates';
import type { ActionKind, NoticeSource, Outcome } from '../../../shared/prevention/model';
import type { Tx } from '../../db/database';
import type { DemoContext } from '../../platform/module';
import { departments } from './prevention.repository';
import { addAction, createNotice, decideNoHelp, setOutcome } from './prevention.service';

/**
 * A year of eviction prevention in the demo municipality (issue 14 §4): notices in every step
 * (påkrav, ophævelse, the bailiff's court, an eviction date), from the housing organisation's own
 * user and from the municipality's form; actions, § 5 a decisions and outcomes (averted, moved,
 * evicted); and, at today's date, work due: a family with a påkrav to pay next week, a bailiff's
 * notice with children (act at once), a no-help decision overdue, a fast-track answer due today,
 * an eviction date in twelve days. One department has more notices lately (early warning).
 * Tenants are fictitious and named without CPR numbers, so no citizen is linked or created.
 */

interface NoticePlan {
  receivedAgo: number;
  source: NoticeSource;
  arrears: number;
  months: number;
  paakravAgo: number | null;
  terminationAgo?: number;
  bailiffFiledAgo?: number;
  /** Days from today (negative: ahead). */
  evictionAgo?: number;
}

interface CasePlan {
  tenant: string;
  /** Department number, or a private landlord's address. */
  department: string | null;
  address: string;
  children: boolean;
  /** Reported by the housing organisation's user (its own departments only, as public landlord). */
  byPartner?: boolean;
  notices: NoticePlan[];
  actions?: { kind: ActionKind; ago: number; result: string; amount?: number; respondByAgo?: number }[];
  noHelp?: { ago: number; reason: string };
  outcome?: { outcome: Outcome; ago: number; note: string };
}

const CASES: CasePlan[] = [
  // Open, with work due now.
  {
    tenant: 'Stine Vestergaard',
    department: '12',
    address: '3, 2. th.',
    children: true,
    byPartner: true,
    notices: [{ receivedAgo: 6, source: 'public_landlord', arrears: 18_400, months: 2, paakravAgo: 8 }],
  },
  {
    tenant: 'Fatima Ahmed',
    department: '2',
    address: '22, 4. tv.',
    children: true,
    notices: [
      {
        receivedAgo: 0,
        source: 'bailiff_court',
        arrears: 31_200,
        months: 4,
        paakravAgo: 50,
        terminationAgo: 30,
        bailiffFiledAgo: 3,
      },
    ],
  },
  {
    tenant: 'Ole Sand',
    department: '3',
    address: '8, 1. th.',
    children: false,
    notices: [
      {
        receivedAgo: 15,
        source: 'bailiff_court',
        arrears: 22_000,
        months: 3,
        paakravAgo: 70,
        terminationAgo: 45,
        bailiffFiledAgo: 18,
      },
    ],
    actions: [{ kind: 'contact_phone', ago: 14, result: 'Ingen kontakt opnået; besked lagt.' }],
  },
  {
    tenant: 'Birthe Holm',
    department: '22',
    address: '16, st. th.',
    children: false,
    notices: [
      {
        receivedAgo: 10,
        source: 'bailiff_court',
        arrears: 16_900,
        months: 3,
        paakravAgo: 60,
        terminationAgo: 35,
        bailiffFiledAgo: 12,
      },
    ],
    actions: [
      { kind: 'contact_phone', ago: 9, result: 'Samtale; ønsker hjælp til restancen.' },
      {
        kind: 'fast_track',
        ago: 8,
        result: 'Anmodning om hurtig afgørelse om enkeltydelse sendt til Ydelse.',
        respondByAgo: 0,
      },
    ],
  },
  {
    tenant: 'Kenneth Dam',
    department: '1',
    address: '57, 3. th.',
    children: true,
    notices: [
      {
        receivedAgo: 25,
        source: 'bailiff_court',
        arrears: 24_000,
        months: 3,
        paakravAgo: 80,
        terminationAgo: 55,
        bailiffFiledAgo: 28,
        evictionAgo: -12,
      },
    ],
    actions: [
      { kind: 'contact_phone', ago: 24, result: 'Kontakt til moren; hjemmebesøg aftalt.' },
      { kind: 'home_visit', ago: 22, result: 'Budget gennemgået; ansøgning om hjælp udfyldt.' },
      {
        kind: 'help_81a',
        ago: 20,
        result: 'Ansøgning om hjælp efter § 81 a under behandling.',
        amount: 24_000,
      },
    ],
  },
  {
    tenant: 'Rasmus Friis',
    department: '12',
    address: '19, 1. tv.',
    children: false,
    byPartner: true,
    notices: [
      { receivedAgo: 60, source: 'public_landlord', arrears: 14_600, months: 2, paakravAgo: 62 },
      {
        receivedAgo: 40,
        source: 'public_landlord',
        arrears: 27_300,
        months: 3,
        paakravAgo: 62,
        terminationAgo: 41,
      },
    ],
    actions: [
      { kind: 'home_visit', ago: 38, result: 'Hjemmebesøg; gæld gennemgået.' },
      { kind: 'debt_advice', ago: 33, result: 'Henvist til gældsrådgivning.' },
      {
        kind: 'payment_plan',
        ago: 30,
        result: 'Afdragsordning på 1.500 kr. om måneden aftalt med udlejer.',
        amount: 1_500,
      },
    ],
  },
  {
    tenant: 'Hanne Bech',
    department: '12',
    address: '2, 3. th.',
    children: false,
    byPartner: true,
    notices: [{ receivedAgo: 12, source: 'public_landlord', arrears: 11_200, months: 2, paakravAgo: 14 }],
    actions: [{ kind: 'contact_letter', ago: 10, result: 'Brev om hjælpemuligheder sendt.' }],
  },
  // Closed: averted, moved, evicted.
  {
    tenant: 'Jens Overgaard',
    department: '11',
    address: '8, 1. th.',
    children: false,
    byPartner: true,
    notices: [{ receivedAgo: 22, source: 'public_landlord', arrears: 9_800, months: 1, paakravAgo: 24 }],
    actions: [{ kind: 'contact_letter', ago: 20, result: 'Brev om hjælpemuligheder sendt.' }],
    outcome: { outcome: 'averted_paid', ago: 9, note: 'Restancen er betalt.' },
  },
  {
    tenant: 'Gitte Lund',
    department: '13',
    address: '21, 2. tv.',
    children: true,
    notices: [
      {
        receivedAgo: 200,
        source: 'bailiff_court',
        arrears: 14_500,
        months: 2,
        paakravAgo: 250,
        terminationAgo: 225,
        bailiffFiledAgo: 203,
      },
    ],
    actions: [
      { kind: 'home_visit', ago: 199, result: 'Hjemmebesøg samme dag som fogedens underretning.' },
      { kind: 'help_81', ago: 190, result: 'Hjælp til restancen efter § 81 bevilget.', amount: 14_500 },
    ],
    outcome: { outcome: 'averted_help', ago: 185, note: 'Restancen betalt med hjælp efter § 81.' },
  },
  {
    tenant: 'Per Nørgaard',
    department: '11',
    address: '40, st. tv.',
    children: false,
    byPartner: true,
    notices: [{ receivedAgo: 250, source: 'public_landlord', arrears: 12_300, months: 2, paakravAgo: 252 }],
    actions: [
      { kind: 'payment_plan', ago: 245, result: 'Afdragsordning aftalt med udlejer.', amount: 1_000 },
    ],
    outcome: { outcome: 'averted_plan', ago: 240, note: 'Afdragsordningen overholdes.' },
  },
  {
    tenant: 'Susanne Bak',
    department: null,
    address: 'Hovedgaden 12, 1. th., 2630 Taastrup',
    children: false,
    notices: [
      {
        receivedAgo: 300,
        source: 'private_landlord',
        arrears: 21_000,
        months: 3,
        paakravAgo: 330,
        terminationAgo: 301,
      },
    ],
    actions: [{ kind: 'contact_letter', ago: 298, result: 'Brev om hjælpemuligheder sendt.' }],
    outcome: { outcome: 'moved', ago: 280, note: 'Flyttet til en mindre lejlighed.' },
  },
  {
    tenant: 'Lone Kjeldsen',
    department: '3',
    address: '30, 2. mf.',
    children: true,
    notices: [{ receivedAgo: 330, source: 'public_landlord', arrears: 8_700, months: 1, paakravAgo: 332 }],
    actions: [{ kind: 'contact_phone', ago: 329, result: 'Samtale om budget.' }],
    outcome: { outcome: 'averted_paid', ago: 318, note: 'Restancen er betalt.' },
  },
  {
    tenant: 'Bjarne Toft',
    department: '22',
    address: '2, 1. th.',
    children: true,
    notices: [
      { receivedAgo: 200, source: 'public_landlord', arrears: 15_900, months: 2, paakravAgo: 202 },
      {
        receivedAgo: 170,
        source: 'public_landlord',
        arrears: 23_400,
        months: 3,
        paakravAgo: 202,
        terminationAgo: 171,
      },
    ],
    actions: [
      { kind: 'home_visit', ago: 168, result: 'Hjemmebesøg; familien ønsker hjælp.' },
      { kind: 'help_81a', ago: 160, result: 'Hjælp efter § 81 a bevilget.', amount: 23_400 },
    ],
    outcome: { outcome: 'averted_help', ago: 155, note: 'Udlejer har trukket ophævelsen tilbage.' },
  },
  {
    tenant: 'Allan Kruse',
    department: '21',
    address: '44, 3. tv.',
    children: false,
    notices: [
      {
        receivedAgo: 150,
        source: 'bailiff_court',
        arrears: 38_000,
        months: 5,
        paakravAgo: 215,
        terminationAgo: 190,
        bailiffFiledAgo: 155,
        evictionAgo: 120,
      },
    ],
    actions: [{ kind: 'contact_letter', ago: 149, result: 'Brev med tilbud om samtale; intet svar.' }],
    noHelp: { ago: 140, reason: 'Borgeren har ikke ønsket hjælp og har ikke reageret på henvendelser.' },
    outcome: { outcome: 'evicted', ago: 120, note: 'Udsat; henvist til herberg.' },
  },
  {
    tenant: 'Dorte Winther',
    department: '2',
    address: '5, 1. tv.',
    children: false,
    notices: [
      {
        receivedAgo: 95,
        source: 'bailiff_court',
        arrears: 29_500,
        months: 4,
        paakravAgo: 160,
        terminationAgo: 130,
        bailiffFiledAgo: 98,
        evictionAgo: 70,
      },
    ],
    actions: [{ kind: 'home_visit', ago: 94, result: 'Ingen hjemme; brev lagt.' }],
    noHelp: { ago: 81, reason: 'Borgeren har afslået tilbud om hjælp.' },
    outcome: { outcome: 'evicted', ago: 70, note: 'Udsat; bor midlertidigt hos familie.' },
  },
];

export async function seedDemoPrevention(trx: Tx, demo: DemoContext): Promise<void> {
  const m = demo.municipalityId;
  const now = today();
  const ago = (days: number) => addDays(now, -days);
  const worker = demo.actorOf('prevention', [
    'prevention.read',
    'prevention.manage',
    'prevention.reports',
    'citizens.read',
    'citizens.write',
  ]);
  const partner = demo.actorOf('partner_housing', ['notices.report']);
  const byNumber = new Map((await departments(trx, m)).map((d) => [d.number, d]));
  for (const plan of CASES) {
    const department = plan.department ? byNumber.get(plan.department) : undefined;
    if (plan.department && !department) continue;
    const address = department ? `${department.name} ${plan.address}` : plan.address;
    let caseId = '';
    for (const n of plan.notices) {
      const created = await createNotice(
        trx,
        plan.byPartner ? partner : worker,
        {
          source: n.source,
          receivedOn: ago(n.receivedAgo),
          tenantCpr: null,
          tenantName: plan.tenant,
          address,
          departmentId: department?.id ?? null,
          arrearsAmount: n.arrears,
          arrearsMonths: n.months,
          paakravOn: n.paakravAgo === null ? null : ago(n.paakravAgo),
          terminationOn: n.terminationAgo === undefined ? null : ago(n.terminationAgo),
          bailiffFiledOn: n.bailiffFiledAgo === undefined ? null : ago(n.bailiffFiledAgo),
          evictionDate: n.evictionAgo === undefined ? null : ago(n.evictionAgo),
          childrenUnder18: plan.children,
        },
        plan.byPartner ? 'partner' : 'form',
      );
      caseId = created.caseId;
    }
    for (const a of plan.actions ?? [])
      await addAction(trx, worker, caseId, {
        kind: a.kind,
        doneOn: ago(a.ago),
        result: a.result,
        amount: a.amount ?? null,
        respondBy: a.respondByAgo === undefined ? null : ago(a.respondByAgo),
      });
    if (plan.noHelp)
      await decideNoHelp(trx, worker, caseId, {
        decidedOn: ago(plan.noHelp.ago),
        reason: plan.noHelp.reason,
      });
    if (plan.outcome)
      await setOutcome(trx, worker, caseId, {
        outcome: plan.outcome.outcome,
        outcomeOn: ago(plan.outcome.ago),
        note: plan.outcome.note,
      });
  }
}
