import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MonitoringReport } from '../../../shared/prevention/api';
import { flatText, loadWorkbook, sheetValues } from '../../test/documents';
import { renderHelpLetter, renderMonitoringXlsx } from './prevention.files';

const letter = {
  municipality: { name: 'Sønderå Kommune', authority: 'Social- og Sundhedsforvaltningen' },
  citizen: { name: 'Åse Ærø Østergård', address: 'Søvej 7, 2. tv., 9999 Sønderå' },
  date: '2026-02-02',
  workerName: 'Frida Forebygger',
  arrearsAmount: 12500,
  evictionDate: '2026-03-16',
  childrenUnder18: true,
};

const CHILDREN_SENTENCE = 'Kommunen er særligt forpligtet til at hjælpe familier med børn';

describe('renderHelpLetter', () => {
  it('renders a Danish PDF with the heading, the date, the greeting and the sign-off', async () => {
    const pdf = await renderHelpLetter(letter);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = flatText(pdf);
    for (const expected of [
      'Vi vil gerne hjælpe dig med at beholde din bolig',
      'Dato: 02.02.2026',
      'Søvej 7, 2. tv., 9999 Sønderå',
      'Kære Åse Ærø Østergård',
      'retssikkerhedsloven § 5 a',
      'Med venlig hilsen Frida Forebygger Social- og Sundhedsforvaltningen Sønderå Kommune',
    ])
      expect(text).toContain(expected);
  });

  it('states the arrears in Danish format and the eviction date as dd.mm.åååå', async () => {
    const text = flatText(await renderHelpLetter(letter));
    expect(text).toContain('huslejerestance på 12.500 kr.');
    expect(text).toContain('risikerer at blive sat ud af din bolig den 16.03.2026');
    expect(text).toContain('før den 16.03.2026');
    expect(text).not.toContain('2026-03-16');
    expect(text).not.toContain('12500');
    const withOere = flatText(await renderHelpLetter({ ...letter, arrearsAmount: 7250.5 }));
    expect(withOere).toContain('huslejerestance på 7.250,50 kr.');
  });

  it('leaves out the eviction date when there is none', async () => {
    const text = flatText(await renderHelpLetter({ ...letter, evictionDate: null }));
    expect(text).toContain('huslejerestance på 12.500 kr.');
    expect(text).not.toContain('risikerer at blive sat ud af din bolig den');
    expect(text).not.toContain('16.03.2026');
    expect(text).not.toContain('null');
    // The only date left is the letter's own.
    expect(text.match(/\d{2}\.\d{2}\.\d{4}/g)).toEqual(['02.02.2026']);
    expect(text).toContain('Kontakt Frida Forebygger hurtigt');
  });

  it('lists the help that may be possible without promising it, and asks for contact before the eviction', async () => {
    const text = flatText(await renderHelpLetter(letter));
    for (const expected of [
      'rådgivning og en snak med os om dit budget',
      'gældsrådgivning hos boligorganisationens økonomiske rådgiver',
      'Du kan måske få engangshjælp til at betale restancen (aktivloven § 81), hvis betingelserne er opfyldt.',
      'Du kan søge midlertidig hjælp til huslejen (aktivloven § 81 a).',
      'afdragsordning med din udlejer',
      'vi kan ikke love noget på forhånd',
      'Kontakt Frida Forebygger hurtigt – og helst i god tid før den 16.03.2026.',
    ])
      expect(text).toContain(expected);
    for (const promise of ['du får hjælp', 'vi betaler', 'du vil få', 'du er berettiget'])
      expect(text.toLowerCase()).not.toContain(promise);
  });

  it('says the municipality is especially obliged to help families with children only when children live there', async () => {
    expect(flatText(await renderHelpLetter(letter))).toContain(CHILDREN_SENTENCE);
    const without = flatText(await renderHelpLetter({ ...letter, childrenUnder18: false }));
    expect(without).not.toContain(CHILDREN_SENTENCE);
    expect(without).not.toContain('børn');
  });
});

const report: MonitoringReport = {
  from: '2026-01-01',
  to: '2026-03-31',
  months: [
    { month: '2026-01', notices: 12, withChildren: 4, evicted: 1, averted: 6 },
    { month: '2026-02', notices: 9, withChildren: 2, evicted: 0, averted: 5 },
    { month: '2026-03', notices: 15, withChildren: 6, evicted: 2, averted: 3 },
  ],
  totals: { notices: 36, cases: 30, withChildren: 10, evicted: 3, averted: 14, moved: 2 },
  shareWithChildren: 1 / 3,
  medianDaysToOutcome: 21.5,
  byOrganisation: [
    { organisationId: 'o1', organisationName: 'Boligselskabet Fællesbo', notices: 20, evicted: 2 },
    { organisationId: null, organisationName: null, notices: 16, evicted: 1 },
  ],
  byDepartment: [
    {
      departmentId: 'd1',
      departmentName: 'Engparken',
      organisationName: 'Boligselskabet Fællesbo',
      notices: 14,
      last3Months: 10,
      previous3Months: 4,
      rising: true,
    },
    {
      departmentId: 'd2',
      departmentName: 'Søparken',
      organisationName: 'Boligselskabet Fællesbo',
      notices: 6,
      last3Months: 2,
      previous3Months: 4,
      rising: false,
    },
  ],
};

const monitoring = { municipality: { name: 'Sønderå Kommune' }, report };

const TITLE = 'Forebyggelse af udsættelser – Sønderå Kommune, 01.01.2026–31.03.2026';

describe('renderMonitoringXlsx', () => {
  it('writes the sheets in order, each with a title row naming the municipality and the period', async () => {
    const workbook = await loadWorkbook(await renderMonitoringXlsx(monitoring));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Måneder',
      'Boligorganisationer',
      'Afdelinger',
      'Nøgletal',
    ]);
    for (const sheet of workbook.worksheets) expect(sheetValues(sheet)[1]?.[0]).toBe(TITLE);
  });

  it('writes the months under Danish headers, with Danish month names and numbers as numbers', async () => {
    const workbook = await loadWorkbook(await renderMonitoringXlsx(monitoring));
    const sheet = workbook.getWorksheet('Måneder');
    const rows = sheetValues(sheet);
    expect(rows[3]).toEqual(['Måned', 'Underretninger', 'Med børn', 'Udsat', 'Afværget']);
    expect(rows[4]).toEqual(['januar 2026', 12, 4, 1, 6]);
    expect(rows[6]).toEqual(['marts 2026', 15, 6, 2, 3]);
    expect(rows).toHaveLength(7);
    const notices = sheet?.getRow(4).getCell(2);
    expect(notices?.type).toBe(ExcelJS.ValueType.Number);
    expect(typeof notices?.value).toBe('number');
    expect(sheet?.getRow(3).font?.bold).toBe(true);
  });

  it('writes the housing organisations, naming notices without one', async () => {
    const workbook = await loadWorkbook(await renderMonitoringXlsx(monitoring));
    const rows = sheetValues(workbook.getWorksheet('Boligorganisationer'));
    expect(rows[3]).toEqual(['Boligorganisation', 'Underretninger', 'Udsat']);
    expect(rows[4]).toEqual(['Boligselskabet Fællesbo', 20, 2]);
    expect(rows[5]).toEqual(['Ingen boligorganisation (fx privat udlejer)', 16, 1]);
  });

  it('writes the departments with the rising flag as "ja" or "nej"', async () => {
    const workbook = await loadWorkbook(await renderMonitoringXlsx(monitoring));
    const rows = sheetValues(workbook.getWorksheet('Afdelinger'));
    expect(rows[3]).toEqual([
      'Afdeling',
      'Boligorganisation',
      'Underretninger',
      'Seneste 3 måneder',
      'De 3 måneder før',
      'Stigende',
    ]);
    expect(rows[4]).toEqual(['Engparken', 'Boligselskabet Fællesbo', 14, 10, 4, 'ja']);
    expect(rows[5]).toEqual(['Søparken', 'Boligselskabet Fællesbo', 6, 2, 4, 'nej']);
  });

  it('writes the key figures: totals, the share with children as a percent cell and the median days', async () => {
    const workbook = await loadWorkbook(await renderMonitoringXlsx(monitoring));
    const sheet = workbook.getWorksheet('Nøgletal');
    const rows = sheetValues(sheet);
    expect(rows[3]).toEqual(['Nøgletal', 'Værdi']);
    const figure = (label: string) => rows.find((r) => r?.[0] === label)?.[1];
    expect(figure('Underretninger i alt')).toBe(36);
    expect(figure('Sager i alt')).toBe(30);
    expect(figure('Sager med børn under 18')).toBe(10);
    expect(figure('Udsat')).toBe(3);
    expect(figure('Afværget')).toBe(14);
    expect(figure('Fraflyttet')).toBe(2);
    expect(figure('Median antal dage fra første underretning til udfald')).toBe(21.5);
    const shareRow = rows.findIndex((r) => r?.[0] === 'Andel sager med børn under 18');
    const share = sheet?.getRow(shareRow).getCell(2);
    expect(share?.type).toBe(ExcelJS.ValueType.Number);
    expect(share?.value).toBeCloseTo(1 / 3);
    expect(share?.numFmt).toBe('0.0%');
  });

  it('writes an empty report: headers, zero totals and no median', async () => {
    const empty: MonitoringReport = {
      ...report,
      months: [],
      totals: { notices: 0, cases: 0, withChildren: 0, evicted: 0, averted: 0, moved: 0 },
      shareWithChildren: 0,
      medianDaysToOutcome: null,
      byOrganisation: [],
      byDepartment: [],
    };
    const workbook = await loadWorkbook(await renderMonitoringXlsx({ ...monitoring, report: empty }));
    expect(sheetValues(workbook.getWorksheet('Måneder'))).toHaveLength(4);
    expect(sheetValues(workbook.getWorksheet('Afdelinger'))[3]?.[5]).toBe('Stigende');
    const rows = sheetValues(workbook.getWorksheet('Nøgletal'));
    expect(rows.find((r) => r?.[0] === 'Underretninger i alt')?.[1]).toBe(0);
    const median = rows.find((r) => r?.[0] === 'Median antal dage fra første underretning til udfald');
    expect(median?.[1]).toBeUndefined();
    expect(median?.[2]).toBe('Ingen afsluttede sager i perioden');
  });
});
