import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onListOn, statusOn } from '../../../shared/citizens/status';
import { today } from '../../../shared/dates';
import { type DatabaseHandles, withTenant } from '../../db/database';
import { createCitizen, fakeCpr, tenantWith } from '../../test/factories';
import { type Session, testApp, testDatabase } from '../../test/helpers';
import { hasConsent, requireConsent } from './citizens.service';

let db: DatabaseHandles;
let app: FastifyInstance;

beforeAll(async () => {
  db = await testDatabase();
  app = await testApp(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const view = async (session: Session, id: string, purpose = 'casework') =>
  (await session.request({ method: 'GET', url: `/api/citizens/${id}?purpose=${purpose}` })).json();

describe('registering citizens (issue 3 §1)', () => {
  it('takes birth date and sex from the CPR number and refuses the same number again with a link', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const cpr = fakeCpr('150765');
    const { id } = await createCitizen(s, {
      cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}`,
      givenName: 'Jens',
      familyName: 'Testesen',
    });
    const v = await view(s, id);
    // The page carries the number masked; the full number is what the "show" answers (issue 20 (d)).
    expect(v).toMatchObject({
      cpr: '150765-XXXX',
      birthDate: '1865-07-15',
      name: 'Jens Testesen',
      status: 'homeless',
      situation: 'unknown',
    });
    const again = await s.request({
      method: 'POST',
      url: '/api/citizens',
      payload: { cpr, familyName: 'Igen' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CITIZEN_CPR_EXISTS', params: { citizenId: id } });
    expect(
      (await s.request({ method: 'GET', url: `/api/citizens/${id}/cpr?purpose=casework` })).json(),
    ).toEqual({
      cpr,
    });
  });

  it('says what is wrong with a bad CPR number: format or date (domain.md §8)', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const date = await s.request({
      method: 'POST',
      url: '/api/citizens',
      payload: { cpr: '3102605003', familyName: 'X' },
    });
    expect(date.json().fields).toEqual([{ path: 'cpr', code: 'cpr_date' }]);
    const format = await s.request({
      method: 'POST',
      url: '/api/citizens',
      payload: { cpr: '12345', familyName: 'X' },
    });
    expect(format.json().fields).toEqual([{ path: 'cpr', code: 'cpr_format' }]);
  });

  it('registers a person without CPR by birth date and initials, and asks for both when missing', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const missing = await s.request({ method: 'POST', url: '/api/citizens', payload: { givenName: 'Uden' } });
    expect(missing.json().fields).toEqual([
      { path: 'birthDate', code: 'required' },
      { path: 'initials', code: 'required' },
    ]);
    const { id } = await createCitizen(s, { birthDate: '1990-03-04', initials: 'AB', sex: 'female' });
    expect(await view(s, id)).toMatchObject({ cpr: null, initials: 'AB', name: 'AB', sex: 'female' });
  });

  it('refuses an episode that breaks the VIVE definitions, naming the field (domain.md rules 2–4)', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id } = await createCitizen(s, { cpr: fakeCpr(), familyName: 'Regel' });
    const post = (body: Record<string, unknown>) =>
      s.request({ method: 'POST', url: `/api/citizens/${id}/episodes`, payload: body });
    expect(
      (await post({ situation: 'hotel', fromDate: '2026-01-01', becauseOfHomelessness: false })).json()
        .fields,
    ).toEqual([{ path: 'becauseOfHomelessness', code: 'hotel_not_homelessness' }]);
    expect(
      (await post({ situation: 'family_friends', fromDate: '2026-01-01', hasContract: true })).json().fields,
    ).toEqual([{ path: 'hasContract', code: 'family_with_contract' }]);
    expect((await post({ situation: 'prison', fromDate: '2026-01-01' })).json().fields).toEqual([
      { path: 'releaseDate', code: 'release_date_required' },
      { path: 'housingSolution', code: 'housing_solution_required' },
    ]);
  });
});

describe('history and status (issue 3 §3–4)', () => {
  it('appends episodes, derives the status, and keeps a retracted episode in the history', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id } = await createCitizen(s, {
      cpr: fakeCpr(),
      familyName: 'Forløb',
      firstEpisode: { situation: 'shelter', fromDate: '2026-01-05' },
    });
    expect(await view(s, id)).toMatchObject({ status: 'homeless', situation: 'shelter' });
    const housed = await s.request({
      method: 'POST',
      url: `/api/citizens/${id}/episodes`,
      payload: { situation: 'housed', fromDate: '2026-02-01' },
    });
    expect(housed.statusCode).toBe(201);
    expect(await view(s, id)).toMatchObject({ status: 'housed', situation: 'housed' });
    await s.request({
      method: 'POST',
      url: `/api/citizens/${id}/episodes/${housed.json().id}/retract`,
      payload: { reason: 'Registreret på forkert borger' },
    });
    const after = await view(s, id);
    expect(after).toMatchObject({ status: 'homeless', situation: 'shelter' });
    expect(after.episodes).toHaveLength(2);
    expect(after.episodes.find((e: { id: string }) => e.id === housed.json().id).retractedAt).not.toBeNull();
    expect(after.timeline.map((t: { kind: string }) => t.kind)).toEqual(
      expect.arrayContaining(['registered', 'episode', 'episode_retracted']),
    );
  });

  it('shows the episode recorded last when two start the same day, on the page and in the list alike', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id } = await createCitizen(s, {
      cpr: fakeCpr(),
      familyName: 'Sammedag',
      firstEpisode: { situation: 'shelter', fromDate: '2026-03-01' },
    });
    await s.request({
      method: 'POST',
      url: `/api/citizens/${id}/episodes`,
      payload: { situation: 'housed', fromDate: '2026-03-01' },
    });
    expect(await view(s, id)).toMatchObject({ status: 'housed', situation: 'housed' });
    const row = (await s.request({ method: 'GET', url: '/api/citizens?q=sammedag' })).json().items[0];
    expect(row).toMatchObject({ status: 'housed', situation: 'housed' });
  });

  it('gives the same status in the list (SQL) as the shared rule (TypeScript) on any date', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const scenarios: {
      name: string;
      body: Record<string, unknown>;
      contacts?: string[];
      moved?: string;
      died?: string;
    }[] = [
      {
        name: 'Gade',
        body: { firstEpisode: { situation: 'street', fromDate: '2026-01-01' } },
        contacts: ['2026-02-01'],
      },
      {
        name: 'Sofa',
        body: {
          firstEpisode: {
            situation: 'family_friends',
            fromDate: '2026-01-01',
            hasContract: false,
            temporary: true,
          },
        },
      },
      {
        name: 'Fange',
        body: {
          firstEpisode: {
            situation: 'prison',
            fromDate: '2025-01-01',
            releaseDate: '2026-03-20',
            housingSolution: false,
          },
        },
      },
      {
        name: 'Løst',
        body: {
          firstEpisode: {
            situation: 'prison',
            fromDate: '2026-01-01',
            releaseDate: '2026-03-20',
            housingSolution: true,
          },
        },
      },
      { name: 'Inst', body: { firstEpisode: { situation: 'institution', fromDate: '2025-12-01' } } },
      { name: 'Bolig', body: { firstEpisode: { situation: 'housed', fromDate: '2026-01-10' } } },
      { name: 'Risiko', body: { firstEpisode: { situation: 'at_risk', fromDate: '2026-01-10' } } },
      { name: 'Ukendt', body: {} },
      {
        name: 'Flyttet',
        body: { firstEpisode: { situation: 'hotel', fromDate: '2026-01-01', becauseOfHomelessness: true } },
        moved: '2026-02-15',
      },
      {
        name: 'Død',
        body: { firstEpisode: { situation: 'street', fromDate: '2026-01-01' } },
        died: '2026-03-01',
      },
    ];
    const ids: Record<string, string> = {};
    for (const sc of scenarios) {
      const { id } = await createCitizen(s, { cpr: fakeCpr(), familyName: `Matrix${sc.name}`, ...sc.body });
      ids[sc.name] = id;
      for (const c of sc.contacts ?? [])
        await s.request({
          method: 'POST',
          url: `/api/citizens/${id}/contacts`,
          payload: { contactOn: c, channel: 'meeting' },
        });
      if (sc.moved || sc.died)
        await s.request({
          method: 'PATCH',
          url: `/api/citizens/${id}`,
          payload: { movedAwayOn: sc.moved ?? null, diedOn: sc.died ?? null },
        });
    }
    const registeredOn = (await view(s, ids.Gade ?? '')).timeline.find(
      (t: { kind: string }) => t.kind === 'registered',
    ).date as string;
    // Past dates derive from the history; today and later use the kept current state: both must agree.
    for (const onDate of ['2026-01-15', '2026-02-20', '2026-03-05', '2026-05-15', today(), '2027-01-01']) {
      const list = (
        await s.request({ method: 'GET', url: `/api/citizens?q=matrix&statusOn=${onDate}&pageSize=50` })
      ).json();
      for (const sc of scenarios) {
        const row = list.items.find((i: { id: string }) => i.id === ids[sc.name]);
        const ep = (sc.body.firstEpisode ?? null) as { situation: 'street'; fromDate: string } | null;
        // Not yet known on the date (registered later, no whereabouts by then): not on the list.
        if (!onListOn({ episodes: ep ? [ep] : [], registeredOn }, onDate)) {
          expect({ who: sc.name, onDate, row }).toEqual({ who: sc.name, onDate, row: undefined });
          continue;
        }
        const expected = statusOn(
          {
            episodes: ep ? [ep] : [],
            lastContactOn: (sc.contacts ?? []).filter((c) => c <= onDate).at(-1) ?? null,
            registeredOn,
            movedAwayOn: sc.moved ?? null,
            diedOn: sc.died ?? null,
          },
          onDate,
        );
        expect({
          who: sc.name,
          onDate,
          status: row.status,
          situation: row.situation,
          reason: row.inactiveReason,
        }).toEqual({
          who: sc.name,
          onDate,
          status: expected.status,
          situation: expected.situation,
          reason: expected.inactiveReason,
        });
      }
    }
  });
});

describe('the list as it stood on a date (issue 14 §3, "Status pr. dato")', () => {
  it('counts a citizen who became homeless after the date as not active on it, and one housed after the date as active on it (domain.md rule 35: active on a date)', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    // Registered today (as every citizen registered through the API is) with their history.
    const later = await createCitizen(s, {
      cpr: fakeCpr(),
      familyName: 'Pådatosenere',
      firstEpisode: { situation: 'street', fromDate: '2026-06-01' },
    });
    const housed = await createCitizen(s, {
      cpr: fakeCpr(),
      familyName: 'Pådatobolig',
      firstEpisode: { situation: 'shelter', fromDate: '2026-03-01' },
    });
    await s.request({
      method: 'POST',
      url: `/api/citizens/${housed.id}/episodes`,
      payload: { situation: 'housed', fromDate: '2026-05-01' },
    });
    const onDate = '2026-04-15';
    const active = async (statusOn?: string) =>
      (
        await s.request({
          method: 'GET',
          url: `/api/citizens?q=pådato&status=homeless${statusOn ? `&statusOn=${statusOn}` : ''}`,
        })
      ).json() as { total: number; items: { id: string; status: string; situation: string }[] };

    const then = await active(onDate);
    expect(then.items).toEqual([
      expect.objectContaining({ id: housed.id, status: 'homeless', situation: 'shelter' }),
    ]);
    expect(then.total).toBe(1);
    // The whole list on the date leaves out the citizen it did not know yet.
    const all = (
      await s.request({ method: 'GET', url: `/api/citizens?q=pådato&statusOn=${onDate}` })
    ).json() as { total: number; items: { id: string }[] };
    expect({ total: all.total, ids: all.items.map((i) => i.id) }).toEqual({ total: 1, ids: [housed.id] });
    // Today the other way round.
    const now = await active();
    expect({ total: now.total, ids: now.items.map((i) => i.id) }).toEqual({ total: 1, ids: [later.id] });
  });

  it('refuses a date that is no date, naming the field', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const res = await users.caseworker.session.request({
      method: 'GET',
      url: '/api/citizens?statusOn=06.02.2019',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'V_VALIDATION',
      fields: [{ path: 'statusOn', code: 'invalid' }],
    });
  });
});

describe('facts that have not happened yet', () => {
  it('refuses whereabouts and contacts dated after today', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id } = await createCitizen(s, { cpr: fakeCpr(), familyName: 'Fremtid' });
    const episode = await s.request({
      method: 'POST',
      url: `/api/citizens/${id}/episodes`,
      payload: { situation: 'housed', fromDate: '2099-01-01' },
    });
    expect(episode.json().fields).toEqual([{ path: 'fromDate', code: 'future_date' }]);
    const contact = await s.request({
      method: 'POST',
      url: `/api/citizens/${id}/contacts`,
      payload: { contactOn: '2099-01-01', channel: 'phone' },
    });
    expect(contact.json().fields).toEqual([{ path: 'contactOn', code: 'future_date' }]);
  });
});

describe('finding citizens (issue 3 §6)', () => {
  it('finds by name words, by CPR with or without hyphen, and by a former CPR number after a change', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const oldCpr = fakeCpr('020262');
    const { id } = await createCitizen(s, { cpr: oldCpr, givenName: 'Søren', familyName: 'Søgbarsen' });
    const search = async (q: string) =>
      (await s.request({ method: 'GET', url: `/api/citizens?q=${encodeURIComponent(q)}` }))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await search('søgbar')).toEqual([id]);
    expect(await search('søren søgbarsen')).toEqual([id]);
    expect(await search(`${oldCpr.slice(0, 6)}-${oldCpr.slice(6)}`)).toEqual([id]);
    const newCpr = fakeCpr('020262');
    const change = await s.request({
      method: 'POST',
      url: `/api/citizens/${id}/cpr`,
      payload: { newCpr, changedOn: '2026-05-01' },
    });
    expect(change.statusCode).toBe(204);
    expect(await search(oldCpr)).toEqual([id]);
    expect(await search(newCpr)).toEqual([id]);
    // The history is shown masked (issue 20 (d)); the search above found the full numbers.
    const mask = (cpr: string) => `${cpr.slice(0, 6)}-XXXX`;
    expect((await view(s, id)).cprHistory).toEqual([
      { oldCpr: mask(oldCpr), newCpr: mask(newCpr), changedOn: '2026-05-01' },
    ]);
  });

  it('filters by age band, youth 18–29, sex, status and situation, and pages', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const now = new Date();
    const born = (age: number) => `${now.getFullYear() - age - 1}-01-01`;
    const young = await createCitizen(s, {
      birthDate: born(20),
      initials: 'UA',
      sex: 'male',
      familyName: 'Filterung',
      firstEpisode: { situation: 'street', fromDate: '2026-01-01' },
    });
    const mid = await createCitizen(s, {
      birthDate: born(35),
      initials: 'MA',
      sex: 'female',
      familyName: 'Filterung',
      firstEpisode: { situation: 'housed', fromDate: '2026-01-01' },
    });
    const get = async (query: string) =>
      (await s.request({ method: 'GET', url: `/api/citizens?q=filterung&${query}` }))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await get('youth=true')).toEqual([young.id]);
    expect(await get('ageBand=30_39')).toEqual([mid.id]);
    expect(await get('sex=female')).toEqual([mid.id]);
    expect(await get('status=housed')).toEqual([mid.id]);
    expect(await get('situation=street')).toEqual([young.id]);
    const page = (
      await s.request({ method: 'GET', url: '/api/citizens?q=filterung&pageSize=1&page=2' })
    ).json();
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
  });
});

describe('duplicates (issue 3 §5)', () => {
  it('queues a similar name with the same birth date, merges keeping both histories, and undoes the merge', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const a = await createCitizen(s, {
      birthDate: '1988-08-08',
      initials: 'MH',
      givenName: 'Mette',
      familyName: 'Hansen',
      firstEpisode: { situation: 'shelter', fromDate: '2026-01-01' },
    });
    const b = await createCitizen(s, {
      birthDate: '1988-08-08',
      initials: 'MH',
      givenName: 'Mette',
      familyName: 'Hansen-Berg',
      firstEpisode: { situation: 'street', fromDate: '2025-06-01' },
    });
    expect(b.duplicates.map((d) => d.id)).toEqual([a.id]);
    const queue = (await s.request({ method: 'GET', url: '/api/citizens/duplicates' })).json().items;
    expect(queue).toHaveLength(1);
    const merged = await s.request({
      method: 'POST',
      url: `/api/citizens/duplicates/${queue[0].id}/merge`,
      payload: { survivorId: a.id },
    });
    expect(merged.statusCode).toBe(200);
    const survivor = await view(s, a.id);
    expect(survivor.episodes.map((e: { situation: string }) => e.situation)).toEqual(['shelter', 'street']);
    expect(survivor.mergedFrom).toEqual([
      expect.objectContaining({ citizenId: b.id, mergeId: merged.json().mergeId }),
    ]);
    const list = (await s.request({ method: 'GET', url: '/api/citizens?q=mette' }))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(list).toEqual([a.id]);
    expect((await view(s, b.id)).id).toBe(a.id); // the merged record opens its survivor

    expect(
      (await s.request({ method: 'POST', url: `/api/citizens/merges/${merged.json().mergeId}/undo` }))
        .statusCode,
    ).toBe(204);
    expect((await view(s, a.id)).episodes).toHaveLength(1);
    expect(await view(s, b.id)).toMatchObject({ id: b.id, situation: 'street' });
    const after = (await s.request({ method: 'GET', url: '/api/citizens?q=mette' }))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(after.sort()).toEqual([a.id, b.id].sort());
    expect((await s.request({ method: 'GET', url: '/api/citizens/duplicates' })).json().items).toHaveLength(
      1,
    );
  });

  it('never merges two different CPR numbers', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const a = await createCitizen(s, {
      cpr: fakeCpr('030363'),
      givenName: 'Ole',
      familyName: 'Tvilling',
      initials: 'OT',
    });
    await createCitizen(s, {
      cpr: fakeCpr('030363'),
      givenName: 'Ole',
      familyName: 'Tvilling',
      initials: 'OT',
    });
    // Different CPR numbers are not even proposed as duplicates.
    expect((await s.request({ method: 'GET', url: '/api/citizens/duplicates' })).json().items).toEqual([]);
    expect(a.id).toBeTruthy();
  });
});

describe('access and audit (issue 3 §8)', () => {
  it('logs every view of a citizen with its purpose', async () => {
    const { users, municipality } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id } = await createCitizen(s, { cpr: fakeCpr(), familyName: 'Logget' });
    await view(s, id, 'support');
    const rows = await db.owner
      .selectFrom('audit_event')
      .select(['action', 'purpose', 'actor_username'])
      .where('municipality_id', '=', municipality.id)
      .where('entity_id', '=', id)
      .where('action', '=', 'citizen.read')
      .execute();
    expect(rows).toEqual([
      { action: 'citizen.read', purpose: 'support', actor_username: users.caseworker.username },
    ]);
    const noPurpose = await s.request({ method: 'GET', url: `/api/citizens/${id}` });
    expect(noPurpose.statusCode).toBe(400);
  });

  it('shows a leader no sensitive flags and no notes, and lets the caseworker see both', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'leader']);
    const s = users.caseworker.session;
    const { id } = await createCitizen(s, {
      cpr: fakeCpr(),
      familyName: 'Følsom',
      firstEpisode: { situation: 'street', fromDate: '2026-01-01', note: 'Fortroligt' },
    });
    await s.request({
      method: 'PUT',
      url: `/api/citizens/${id}/sensitive`,
      payload: { mentalIllness: true, substanceAbuse: false, formerlyPlaced: true },
    });
    await s.request({
      method: 'POST',
      url: `/api/citizens/${id}/contacts`,
      payload: { contactOn: '2026-02-01', channel: 'phone', note: 'Hemmelig note' },
    });
    const own = await view(s, id);
    expect(own.sensitive).toEqual({ mentalIllness: true, substanceAbuse: false, formerlyPlaced: true });
    expect(own.contacts[0].note).toBe('Hemmelig note');
    const leader = await users.leader.session.request({
      method: 'GET',
      url: `/api/citizens/${id}?purpose=management`,
    });
    expect(leader.statusCode).toBe(200);
    expect(leader.json()).not.toHaveProperty('sensitive');
    expect(leader.body).not.toContain('Hemmelig note');
    expect(leader.body).not.toContain('Fortroligt');
    expect(
      (
        await users.leader.session.request({
          method: 'PUT',
          url: `/api/citizens/${id}/sensitive`,
          payload: { mentalIllness: false, substanceAbuse: false, formerlyPlaced: false },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('shows partners and administrators no citizens, and another municipality "not found"', async () => {
    const a = await tenantWith(app, db, ['caseworker', 'partner_housing', 'admin']);
    const b = await tenantWith(app, db, ['caseworker']);
    const { id } = await createCitizen(a.users.caseworker.session, { cpr: fakeCpr(), familyName: 'Privat' });
    for (const role of ['partner_housing', 'admin'] as const) {
      expect((await a.users[role].session.request({ method: 'GET', url: '/api/citizens' })).statusCode).toBe(
        403,
      );
    }
    expect(
      (
        await b.users.caseworker.session.request({
          method: 'GET',
          url: `/api/citizens/${id}?purpose=casework`,
        })
      ).statusCode,
    ).toBe(404);
    const list = (
      await b.users.caseworker.session.request({ method: 'GET', url: '/api/citizens?q=privat' })
    ).json();
    expect(list.items).toEqual([]);
  });
});

describe('consent (issue 3 §2)', () => {
  it('shows an expired consent as a task, and not once it is renewed', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id } = await createCitizen(s, { cpr: fakeCpr(), givenName: 'Sam', familyName: 'Tykke' });
    await s.request({
      method: 'POST',
      url: `/api/citizens/${id}/consents`,
      payload: { purpose: 'share_housing_org', givenOn: '2025-01-01', expiresOn: '2025-12-31' },
    });
    const tasks = (await s.request({ method: 'GET', url: '/api/tasks' })).json().items;
    expect(tasks).toContainEqual(
      expect.objectContaining({
        kind: 'consent_expired',
        params: { name: 'Sam Tykke', purpose: 'share_housing_org' },
        href: `/borgere/${id}`,
      }),
    );
    expect((await view(s, id)).consents[0].state).toBe('expired');
    await s.request({
      method: 'POST',
      url: `/api/citizens/${id}/consents`,
      payload: { purpose: 'share_housing_org', givenOn: '2026-01-01' },
    });
    const after = (await s.request({ method: 'GET', url: '/api/tasks' })).json().items;
    expect(after.filter((t: { kind: string }) => t.kind === 'consent_expired')).toEqual([]);
  });

  it('records a withdrawal, kept in the history', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id } = await createCitizen(s, { cpr: fakeCpr(), familyName: 'Tilbage' });
    const consent = await s.request({
      method: 'POST',
      url: `/api/citizens/${id}/consents`,
      payload: { purpose: 'cross_department', givenOn: '2026-01-01' },
    });
    await s.request({
      method: 'POST',
      url: `/api/citizens/${id}/consents/${consent.json().id}/withdraw`,
      payload: { withdrawnOn: '2026-02-01' },
    });
    const v = await view(s, id);
    expect(v.consents[0]).toMatchObject({ state: 'withdrawn', withdrawnOn: '2026-02-01' });
    expect(v.timeline.map((t: { kind: string }) => t.kind)).toContain('consent_withdrawn');
  });
});

describe('the inactivity policy (domain.md rule 36: configurable)', () => {
  it('lets the administrator change the days without contact, which moves a citizen to inactive at once', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'admin']);
    const s = users.caseworker.session;
    await createCitizen(s, {
      cpr: fakeCpr(),
      familyName: 'Politik',
      firstEpisode: { situation: 'street', fromDate: '2026-01-01' },
    });
    const onDate = '2026-03-15'; // 73 days after the last contact (the episode's start)
    const status = async () =>
      (await s.request({ method: 'GET', url: `/api/citizens?q=politik&statusOn=${onDate}` })).json().items[0]
        .status;
    expect(await status()).toBe('homeless');
    const bad = await users.admin.session.request({
      method: 'PUT',
      url: '/api/settings/inactivity-policy',
      payload: { noContactDays: 0, institutionDays: 90 },
    });
    expect(bad.json().fields).toEqual([{ path: 'noContactDays', code: 'too_short' }]);
    const ok = await users.admin.session.request({
      method: 'PUT',
      url: '/api/settings/inactivity-policy',
      payload: { noContactDays: 60, institutionDays: 90 },
    });
    expect(ok.json()).toEqual({ noContactDays: 60, institutionDays: 90 });
    expect(await status()).toBe('inactive');
    const forbidden = await s.request({
      method: 'PUT',
      url: '/api/settings/inactivity-policy',
      payload: { noContactDays: 30, institutionDays: 90 },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('consent where a purpose needs it (issue 3 §2)', () => {
  it('is active between given and expiry, and not after withdrawal', async () => {
    const { users, municipality } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id } = await createCitizen(s, { cpr: fakeCpr(), familyName: 'Deling' });
    const consent = await s.request({
      method: 'POST',
      url: `/api/citizens/${id}/consents`,
      payload: { purpose: 'share_housing_org', givenOn: '2026-01-01', expiresOn: '2026-06-30' },
    });
    await s.request({
      method: 'POST',
      url: `/api/citizens/${id}/consents/${consent.json().id}/withdraw`,
      payload: { withdrawnOn: '2026-04-01' },
    });
    const check = (purpose: string, on: string) =>
      withTenant(db.app, municipality.id, (trx) => hasConsent(trx, municipality.id, id, purpose, on));
    expect(await check('share_housing_org', '2025-12-31')).toBe(false);
    expect(await check('share_housing_org', '2026-02-01')).toBe(true);
    expect(await check('share_housing_org', '2026-04-01')).toBe(false);
    expect(await check('cross_department', '2026-02-01')).toBe(false);
    await expect(
      withTenant(db.app, municipality.id, (trx) =>
        requireConsent(trx, municipality.id, id, 'cross_department', '2026-02-01'),
      ),
    ).rejects.toMatchObject({
      code: 'CONSENT_REQUIRED',
    });
  });
});

describe('data export (GDPR art. 15, issue 3 §7)', () => {
  it('renders a readable document of everything held, logged as an access request', async () => {
    const { users, municipality } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id } = await createCitizen(s, {
      cpr: fakeCpr(),
      givenName: 'Inge',
      familyName: 'Indsigt',
      firstEpisode: { situation: 'night_shelter', fromDate: '2026-01-02' },
    });
    const res = await s.request({ method: 'GET', url: `/api/citizens/${id}/export?purpose=data_request` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<h1>Oplysninger om Inge Indsigt</h1>');
    expect(res.body).toContain('Natvarmestue');
    expect(res.body).toContain('artikel 15');
    const logged = await db.owner
      .selectFrom('audit_event')
      .select('purpose')
      .where('municipality_id', '=', municipality.id)
      .where('action', '=', 'citizen.read')
      .where('entity_id', '=', id)
      .execute();
    expect(logged).toEqual([{ purpose: 'data_request' }]);
  });
});
