import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { flatText, loadWorkbook, sheetValues } from '../../test/documents';
import { renderDecisionLetter, renderOfferLetter, renderWaitingListXlsx } from './allocation.files';

const municipality = {
  name: 'Sønderå Kommune',
  authority: 'Social- og Sundhedsforvaltningen',
  address: 'Rådhustorvet 1, 9999 Sønderå',
};
const citizen = { name: 'Åse Ærø Østergård', address: 'Søvej 7, 2. tv.\n9999 Sønderå' };

const offer = {
  municipality,
  citizen,
  date: '2026-02-02',
  officerName: 'Bodil Boligkonsulent',
  unit: {
    address: 'Engparken 12, st. th., 9999 Sønderå',
    organisationName: 'Boligselskabet Fællesbo',
    departmentName: 'Engparken',
    unitType: 'elderly' as const,
    rooms: 2,
    areaM2: 61.5,
    rent: 5250,
    utilities: 675.5,
    deposit: 15750,
    accessible: true,
    availableOn: '2026-03-01',
  },
  replyBy: '2026-02-09',
  refusalPolicy: { limit: 2, consequence: 'pause' as const, noReplyCountsAsRefusal: true },
};

describe('renderOfferLetter', () => {
  it('renders a Danish PDF with the heading, the facts of the unit in Danish formats and the legal basis', async () => {
    const pdf = await renderOfferLetter(offer);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = flatText(pdf);
    for (const expected of [
      'Tilbud om bolig',
      'Kære Åse Ærø Østergård',
      'Dato: 02.02.2026',
      'Social- og Sundhedsforvaltningen',
      'Rådhustorvet 1, 9999 Sønderå',
      'Engparken 12, st. th., 9999 Sønderå',
      'Boligselskabet Fællesbo',
      'ældre- og handicapbolig',
      'Værelser 2',
      '61,5 m²',
      'Husleje pr. måned 5.250 kr.',
      '675,50 kr.',
      'I alt pr. måned 5.925,50 kr.',
      'Indskud/depositum 15.750 kr.',
      'Tilgængelig bolig ja',
      'Ledig fra 01.03.2026',
      'Kontakt Bodil Boligkonsulent',
      'Boligen anvises efter almenboligloven § 59, stk. 1 (kommunal anvisning).',
      'Med venlig hilsen Bodil Boligkonsulent Social- og Sundhedsforvaltningen',
    ])
      expect(text).toContain(expected);
  });

  it('states the reply deadline as dd.mm.åååå', async () => {
    const text = flatText(await renderOfferLetter(offer));
    expect(text).toContain('Svar senest 09.02.2026');
    expect(text).not.toContain('2026-02-09');
  });

  it('names each unit type in Danish', async () => {
    const labels = {
      family: 'familiebolig',
      youth: 'ungdomsbolig',
      elderly: 'ældre- og handicapbolig',
      alternative: 'skæv bolig',
    } as const;
    for (const [unitType, label] of Object.entries(labels)) {
      const pdf = await renderOfferLetter({
        ...offer,
        unit: { ...offer.unit, unitType: unitType as keyof typeof labels },
      });
      expect(flatText(pdf)).toContain(`Boligtype ${label}`);
    }
  });

  it('says what happens after the set number of refusals without reasonable cause, for each consequence', async () => {
    const consequences = {
      warn: 'får du en advarsel.',
      pause: 'bliver du sat på pause på ventelisten.',
      remove: 'bliver du fjernet fra ventelisten.',
    } as const;
    for (const [consequence, outcome] of Object.entries(consequences)) {
      const text = flatText(
        await renderOfferLetter({
          ...offer,
          refusalPolicy: { ...offer.refusalPolicy, consequence: consequence as keyof typeof consequences },
        }),
      );
      expect(text).toContain(`Afslår du et tilbud om bolig uden rimelig grund 2 gange, ${outcome}`);
      for (const other of Object.values(consequences).filter((o) => o !== outcome))
        expect(text).not.toContain(other);
    }
    const once = flatText(
      await renderOfferLetter({ ...offer, refusalPolicy: { ...offer.refusalPolicy, limit: 1 } }),
    );
    expect(once).toContain('uden rimelig grund 1 gang, bliver du sat på pause');
  });

  it('says that no reply counts as a refusal only when the policy says so', async () => {
    const counts = flatText(await renderOfferLetter(offer));
    expect(counts).toContain(
      'Svarer du ikke senest 09.02.2026, tæller det som et afslag uden rimelig grund.',
    );
    const lapses = flatText(
      await renderOfferLetter({
        ...offer,
        refusalPolicy: { ...offer.refusalPolicy, noReplyCountsAsRefusal: false },
      }),
    );
    expect(lapses).not.toContain('tæller det som et afslag');
    expect(lapses).toContain('Det tæller ikke som et afslag.');
  });

  it('leaves out a citizen address and a municipality address that are missing', async () => {
    const pdf = await renderOfferLetter({
      ...offer,
      municipality: { name: municipality.name, authority: municipality.authority, address: null },
      citizen: { name: 'Bo Hansen', address: null },
    });
    const text = flatText(pdf);
    expect(text).toContain('Kære Bo Hansen');
    expect(text).not.toContain('Rådhustorvet');
    expect(text).not.toContain('null');
  });
});

const decision = {
  municipality,
  citizen,
  date: '2026-01-15',
  officerName: 'Bodil Boligkonsulent',
  reason: 'Du har været hjemløs siden oktober og har brug for en bolig med støtte.',
};

const APPEAL_GUIDANCE =
  'Du kan klage over afgørelsen. Klagen skal sendes til kommunen inden 4 uger efter, at du har modtaget ' +
  'dette brev. Kommunen genvurderer sagen, og fastholder vi afgørelsen, sender vi klagen videre til den ' +
  'myndighed, der behandler klagen.';

describe('renderDecisionLetter', () => {
  it('tells an approved applicant the priority and the reason, and that there is no queue number', async () => {
    const pdf = await renderDecisionLetter({ ...decision, kind: 'approved', priority: 'acute' });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = flatText(pdf);
    expect(text).toContain('Afgørelse: Du er godkendt til boligsocial anvisning');
    expect(text).toContain('Dato: 15.01.2026');
    expect(text).toContain('Din sag har prioriteten: akut.');
    expect(text).toContain(`Begrundelse ${decision.reason}`);
    expect(text).toContain('Der er ikke noget nummer på ventelisten.');
    expect(text).toContain('det største og mest akutte behov');
    expect(text).toContain('Med venlig hilsen Bodil Boligkonsulent Social- og Sundhedsforvaltningen');
  });

  it('writes each priority in Danish, and no priority line without one', async () => {
    for (const [priority, label] of [
      ['high', 'høj'],
      ['normal', 'almindelig'],
    ] as const) {
      const text = flatText(await renderDecisionLetter({ ...decision, kind: 'approved', priority }));
      expect(text).toContain(`Din sag har prioriteten: ${label}.`);
    }
    const without = flatText(await renderDecisionLetter({ ...decision, kind: 'approved', priority: null }));
    expect(without).not.toContain('prioriteten');
  });

  it('gives a rejected applicant the reason and the appeal guidance', async () => {
    const pdf = await renderDecisionLetter({
      ...decision,
      kind: 'rejected',
      reason: 'Du kan selv løse dit boligproblem.',
    });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = flatText(pdf);
    expect(text).toContain('Afgørelse: Afslag på boligsocial anvisning');
    expect(text).toContain('Begrundelse Du kan selv løse dit boligproblem.');
    expect(text).toContain('Klagevejledning');
    expect(text).toContain(APPEAL_GUIDANCE);
    expect(text).toContain('Kontakt os, hvis du vil have hjælp til at klage.');
  });

  it('gives no appeal guidance with an approval or a request for information', async () => {
    for (const kind of ['approved', 'needs_info'] as const) {
      const text = flatText(await renderDecisionLetter({ ...decision, kind, priority: 'normal' }));
      expect(text).not.toContain('Klagevejledning');
      expect(text).not.toContain('Du kan klage over afgørelsen');
    }
  });

  it('asks for the missing information and to contact the caseworker', async () => {
    const pdf = await renderDecisionLetter({
      ...decision,
      kind: 'needs_info',
      reason: 'Vi mangler en opgørelse af din indkomst.',
    });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = flatText(pdf);
    expect(text).toContain('Vi mangler oplysninger');
    expect(text).toContain('Vi mangler en opgørelse af din indkomst.');
    expect(text).toContain('Kontakt din sagsbehandler');
    expect(text).not.toContain('Afgørelse:');
  });
});

const waitingList = {
  municipality: { name: 'Sønderå Kommune' },
  onDate: '2026-04-01',
  items: [
    {
      citizenName: 'Åse Ærø Østergård',
      age: 34,
      targetGrounds: ['special_social', 'reduced_function'] as ('special_social' | 'reduced_function')[],
      householdSize: 1,
      priority: 'acute' as const,
      priorityReason: 'Bor på herberg',
      waitingSince: '2025-10-01',
      waitingDays: 182,
      status: 'approved' as const,
      pausedUntil: null,
      roomsMin: 1,
      roomsMax: 2,
      maxRent: 5500,
      refusals: 0,
    },
    {
      citizenName: 'Bo Hansen',
      age: 17,
      targetGrounds: ['special_social'] as ('special_social' | 'reduced_function')[],
      householdSize: 4,
      priority: 'normal' as const,
      priorityReason: 'Bor hos familie',
      waitingSince: '2026-03-01',
      waitingDays: 31,
      status: 'paused' as const,
      pausedUntil: '2026-06-01',
      roomsMin: 3,
      roomsMax: null,
      maxRent: 7250.5,
      refusals: 2,
    },
  ],
  counts: {
    total: 2,
    byTargetGround: { special_social: 2, reduced_function: 1 },
    byAgeBand: { under18: 1, '30-39': 1 },
    byHouseholdSize: { '1': 1, '4+': 1 },
    byWaitingBand: { '0-3m': 1, '6-12m': 1 },
    byPriority: { acute: 1, normal: 1 },
  },
};

describe('renderWaitingListXlsx', () => {
  it('writes the sheets "Venteliste" and "Tal", each headed by the municipality and the date', async () => {
    const workbook = await loadWorkbook(await renderWaitingListXlsx(waitingList));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Venteliste', 'Tal']);
    const list = sheetValues(workbook.getWorksheet('Venteliste'));
    expect(list[1]?.[0]).toBe('Venteliste – Sønderå Kommune');
    expect(list[2]?.[0]).toBe('Opgjort pr. 01.04.2026');
    const numbers = sheetValues(workbook.getWorksheet('Tal'));
    expect(numbers[1]?.[0]).toBe('Venteliste i tal – Sønderå Kommune');
    expect(numbers[2]?.[0]).toBe('Opgjort pr. 01.04.2026');
  });

  it('writes one row per applicant under Danish headers, with Danish labels, real dates and numbers', async () => {
    const workbook = await loadWorkbook(await renderWaitingListXlsx(waitingList));
    const sheet = workbook.getWorksheet('Venteliste');
    const rows = sheetValues(sheet);
    expect(rows[4]).toEqual([
      'Navn',
      'Alder',
      'Målgruppe',
      'Personer i husstanden',
      'Prioritet',
      'Begrundelse for prioritet',
      'På ventelisten siden',
      'Dage på ventelisten',
      'Status',
      'På pause til',
      'Værelser min.',
      'Værelser maks.',
      'Husleje maks. (kr.)',
      'Afslag uden rimelig grund',
    ]);
    expect(rows[5]).toEqual([
      'Åse Ærø Østergård',
      34,
      'Særlige sociale problemer; Nedsat fysisk eller psykisk funktionsevne',
      1,
      'Akut',
      'Bor på herberg',
      new Date('2025-10-01T00:00:00Z'),
      182,
      'Godkendt – på venteliste',
      undefined,
      1,
      2,
      5500,
      0,
    ]);
    expect(rows[6]).toEqual([
      'Bo Hansen',
      17,
      'Særlige sociale problemer',
      4,
      'Almindelig',
      'Bor hos familie',
      new Date('2026-03-01T00:00:00Z'),
      31,
      'På pause',
      new Date('2026-06-01T00:00:00Z'),
      3,
      undefined,
      7250.5,
      2,
    ]);
    expect(rows).toHaveLength(7);
    const age = sheet?.getRow(5).getCell(2);
    expect(typeof age?.value).toBe('number');
    expect(age?.type).toBe(ExcelJS.ValueType.Number);
    expect(sheet?.getRow(5).getCell(7).numFmt).toBe('dd.mm.yyyy');
    expect(sheet?.getRow(4).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('writes the counts with Danish labels, and each breakdown adds up to the total', async () => {
    const workbook = await loadWorkbook(await renderWaitingListXlsx(waitingList));
    const rows = sheetValues(workbook.getWorksheet('Tal')).filter(Boolean);
    const count = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(count('På ventelisten i alt')).toBe(2);

    // Each section: its heading row ("<title>", "Antal"), then label/count rows up to the next blank.
    const sections = new Map<string, [string, number][]>();
    let current: [string, number][] | undefined;
    for (const [label, value] of rows) {
      if (value === 'Antal') {
        current = [];
        sections.set(String(label), current);
      } else if (current && typeof value === 'number') current.push([String(label), value]);
    }
    expect([...sections.keys()]).toEqual([
      'Målgruppe',
      'Alder (år)',
      'Personer i husstanden',
      'Tid på ventelisten',
      'Prioritet',
    ]);
    const sum = (title: string) => (sections.get(title) ?? []).reduce((s, [, n]) => s + n, 0);
    for (const title of ['Alder (år)', 'Personer i husstanden', 'Tid på ventelisten', 'Prioritet'])
      expect(sum(title)).toBe(waitingList.counts.total);
    // A citizen may have both target grounds, so these may add up to more than the total.
    expect(sum('Målgruppe')).toBe(3);

    expect(sections.get('Alder (år)')).toContainEqual(['Under 18', 1]);
    expect(sections.get('Alder (år)')).toContainEqual(['30–39', 1]);
    expect(sections.get('Alder (år)')).toContainEqual(['18–24', 0]);
    expect(sections.get('Personer i husstanden')).toContainEqual(['4 eller flere', 1]);
    expect(sections.get('Tid på ventelisten')).toEqual([
      ['Under 3 måneder', 1],
      ['3–6 måneder', 0],
      ['6–12 måneder', 1],
      ['Over 12 måneder', 0],
    ]);
    expect(sections.get('Prioritet')).toEqual([
      ['Akut', 1],
      ['Høj', 0],
      ['Almindelig', 1],
    ]);
    expect(sections.get('Målgruppe')).toEqual([
      ['Særlige sociale problemer', 2],
      ['Nedsat fysisk eller psykisk funktionsevne', 1],
    ]);
  });

  it('writes the headers and zero counts for an empty waiting list', async () => {
    const workbook = await loadWorkbook(
      await renderWaitingListXlsx({
        ...waitingList,
        items: [],
        counts: {
          total: 0,
          byTargetGround: {},
          byAgeBand: {},
          byHouseholdSize: {},
          byWaitingBand: {},
          byPriority: {},
        },
      }),
    );
    const list = sheetValues(workbook.getWorksheet('Venteliste'));
    expect(list[4]?.[0]).toBe('Navn');
    expect(list).toHaveLength(5);
    const numbers = sheetValues(workbook.getWorksheet('Tal')).filter(Boolean);
    expect(numbers.find((r) => r[0] === 'På ventelisten i alt')?.[1]).toBe(0);
    expect(numbers.find((r) => r[0] === 'Over 12 måneder')?.[1]).toBe(0);
  });
});
