import { addDays, addWorkingDays, today } from '../../../shared/dates';
import type { Tx } from '../../db/database';
import type { DemoContext } from '../../platform/module';
import { acknowledgeNotification, unacknowledgedNotifications } from './shelters.notifications.service';
import { admit, createShelter, dischargeStay, linkUser, notify } from './shelters.service';

/**
 * Two shelters of the demo municipality, the demo shelter user at the first, and its residents:
 * one admitted today (to be notified), one whose notification is overdue, two notified, one from
 * another municipality, and three discharged (issue 16 §11). The notifications of the demo
 * municipality's own residents land in its inbox (the oldest open one acknowledged); København (101)
 * is not in the demo deployment, so that one is a notification letter.
 */
export async function seedDemoShelters(trx: Tx, demo: DemoContext) {
  const admin = demo.actorOf('admin', ['shelters.manage']);
  const staff = demo.actorOf('partner_shelter', ['shelters.stays']);
  const onDate = today();
  const { id: shelterId } = await createShelter(trx, admin, {
    name: 'Herberget Vestervang',
    kind: 'independent',
    places: 32,
    onTilbudsportalen: true,
    dailyRate: 1_485,
    rateFrom: `${onDate.slice(0, 4)}-01-01`,
  });
  await createShelter(trx, admin, {
    name: 'Forsorgshjemmet Taastrupgård',
    kind: 'municipal',
    places: 18,
    onTilbudsportalen: true,
    dailyRate: 1_320,
    rateFrom: `${onDate.slice(0, 4)}-01-01`,
  });
  await linkUser(trx, admin, shelterId, demo.userIdOf('partner_shelter'));
  const residents: {
    birthDate: string;
    initials: string;
    givenName: string;
    familyName: string;
    ago: number;
    handlekommune: string;
    notifiedAfter?: number;
    dischargedAfter?: { days: number; to: 'own_home' | 'street' | 'care_107_108' };
  }[] = [
    {
      birthDate: '1979-03-14',
      initials: 'ML',
      givenName: 'Morten',
      familyName: 'Lauridsen',
      ago: 0,
      handlekommune: '169',
    },
    {
      birthDate: '1990-11-02',
      initials: 'SA',
      givenName: 'Sara',
      familyName: 'Amini',
      ago: 9,
      handlekommune: '169',
    },
    {
      birthDate: '1965-07-21',
      initials: 'PK',
      givenName: 'Poul',
      familyName: 'Kjær',
      ago: 40,
      handlekommune: '169',
      notifiedAfter: 1,
    },
    {
      birthDate: '1984-01-30',
      initials: 'JB',
      givenName: 'Jonas',
      familyName: 'Brandt',
      ago: 75,
      handlekommune: '101',
      notifiedAfter: 2,
    },
    {
      birthDate: '1972-05-05',
      initials: 'LH',
      givenName: 'Lene',
      familyName: 'Holst',
      ago: 150,
      handlekommune: '169',
      notifiedAfter: 1,
      dischargedAfter: { days: 96, to: 'own_home' },
    },
    {
      birthDate: '1995-09-09',
      initials: 'AR',
      givenName: 'Ali',
      familyName: 'Rahimi',
      ago: 220,
      handlekommune: '169',
      notifiedAfter: 2,
      dischargedAfter: { days: 61, to: 'care_107_108' },
    },
    {
      birthDate: '1988-12-12',
      initials: 'TV',
      givenName: 'Tina',
      familyName: 'Vestergaard',
      ago: 300,
      handlekommune: '169',
      notifiedAfter: 3,
      dischargedAfter: { days: 34, to: 'street' },
    },
  ];
  for (const r of residents) {
    const admittedOn = addDays(onDate, -r.ago);
    const { id } = await admit(trx, staff, {
      birthDate: r.birthDate,
      initials: r.initials,
      givenName: r.givenName,
      familyName: r.familyName,
      admittedOn,
      admissionDecidedOn: admittedOn,
      handlekommune: r.handlekommune,
    });
    if (r.notifiedAfter !== undefined)
      await notify(trx, staff, id, addWorkingDays(admittedOn, r.notifiedAfter));
    if (r.dischargedAfter)
      await dischargeStay(trx, staff, id, {
        dischargedOn: addDays(admittedOn, r.dischargedAfter.days),
        dischargedTo: r.dischargedAfter.to,
      });
  }
  const caseworker = demo.actorOf('caseworker', ['shelters.casework']);
  const inbox = await unacknowledgedNotifications(trx, caseworker);
  const oldestOpen = inbox.find((n) => n.given_name === 'Poul');
  if (oldestOpen) await acknowledgeNotification(trx, caseworker, oldestOpen.id, 'none');
}
