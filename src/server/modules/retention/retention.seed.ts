import type { Tx } from '../../db/database';
import type { DemoContext } from '../../platform/module';
import { addEpisode, backdateCitizenActivity, createCitizen } from '../citizens';

/** Demo people the by-name list last met years ago: housed in 2018–2019, nothing since. */
const QUIET = [
  {
    given: 'Egon',
    family: 'Mikkelsen',
    born: '1961-04-12',
    sex: 'male',
    homeless: '2017-10-02',
    housed: '2018-06-01',
  },
  {
    given: 'Birthe',
    family: 'Dalgaard',
    born: '1958-11-30',
    sex: 'female',
    homeless: '2018-02-15',
    housed: '2019-01-15',
  },
  {
    given: 'Kurt',
    family: 'Lauridsen',
    born: '1970-07-07',
    sex: 'male',
    homeless: '2018-09-10',
    housed: '2019-05-20',
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
    await addEpisode(trx, actor, id, { situation: 'street', fromDate: p.homeless, note: null });
    await addEpisode(trx, actor, id, { situation: 'housed', fromDate: p.housed, note: null });
    await backdateCitizenActivity(trx, demo.municipalityId, id, p.housed);
  }
}
