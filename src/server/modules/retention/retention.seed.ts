import type { Tx } from '../../db/database';
import type { DemoContext } from '../../platform/module';
import { addEpisode, backdateCitizenActivity, createCitizen } from '../citizens';

/**
 * Demo people the by-name list last met years ago, when they were housed (2016–2017; their time in
 * homelessness before is not entered, so the demo's counts and flow figures stay as they were).
 */
const QUIET = [
  {
    given: 'Egon',
    family: 'Mikkelsen',
    born: '1961-04-12',
    sex: 'male',
    housed: '2016-09-01',
  },
  {
    given: 'Birthe',
    family: 'Dalgaard',
    born: '1958-11-30',
    sex: 'female',
    housed: '2017-01-15',
  },
  {
    given: 'Kurt',
    family: 'Lauridsen',
    born: '1970-07-07',
    sex: 'male',
    housed: '2017-05-20',
  },
] as const;

/**
 * Three demo citizens with no activity for more than five years, so that the retention policy's
 * dry run (5 years by default) has someone to show at first start. Nothing is deleted by the seed.
 */
export async function seedDemoRetention(trx: Tx, demo: DemoContext) {
  const actor = demo.actorOf('caseworker', [
    'citizens.read',
    'citizens.all',
    'citizens.write',
    'citizens.sensitive',
  ]);
  for (const p of QUIET) {
    const { id } = await createCitizen(trx, actor, {
      birthDate: p.born,
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
    await addEpisode(trx, actor, id, { situation: 'housed', fromDate: p.housed, note: null });
    await backdateCitizenActivity(trx, demo.municipalityId, id, p.housed);
  }
}
