import { inflateSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { plainRecords } from '../../platform/import/read';
import { loadWorkbook, sheetValues } from '../../test/documents';
import { renderExportXlsx } from './housing.export.files';
import { MAX_DEPARTMENT_ROWS, parseDepartmentRow, readDepartmentFile } from './housing.import';
import { NO_VACANCY_DATA_NOTE, renderReportPdf, renderReportXlsx } from './housing.report.files';
import type { DepartmentImportRow, DialogueReport, HousingExport } from './housing.types';

const report: DialogueReport = {
  organisation: { id: 'org-1', name: 'Boligselskabet Ærøskøbing Fællesbo' },
  municipality: { name: 'Sønderå Kommune', authority: 'Social- og Sundhedsforvaltningen' },
  from: '2026-01-01',
  to: '2026-06-30',
  departments: [
    {
      departmentId: 'd-1',
      number: '12',
      name: 'Søparken',
      areaStatus: 'udsat',
      expected: 3.25,
      received: 2,
      used: 1,
      returnedUnused: 1,
      emptyDays: 40,
      emptyRent: 8219,
    },
    {
      departmentId: 'd-2',
      number: '14-B',
      name: 'Åbyhøj Øst',
      areaStatus: null,
      expected: 1.5,
      received: 0,
      used: 0,
      returnedUnused: 0,
      emptyDays: 0,
      emptyRent: 0,
    },
  ],
  totals: { expected: 4.75, received: 2, used: 1, returnedUnused: 1, emptyDays: 40, emptyRent: 8219 },
  returnedReasons: [{ reason: 'Ingen egnet borger på ventelisten', count: 1 }],
  vacancyDataAvailable: false,
};

/** All text a sheet holds, one string per non-empty cell. */
function sheetTexts(sheet: ExcelJS.Worksheet | undefined): string[] {
  const texts: string[] = [];
  sheet?.eachRow((row) => {
    row.eachCell((cell) => {
      texts.push(String(cell.text));
    });
  });
  return texts;
}

describe('renderReportXlsx', () => {
  it('writes the departments, their totals and the returned reasons, which read back through exceljs', async () => {
    const workbook = await loadWorkbook(await renderReportXlsx(report));
    const sheet = workbook.getWorksheet('Dialogmøde');
    expect(sheet).toBeDefined();
    const rows = sheetValues(sheet);
    expect(rows[1]?.[0]).toBe('Dialogmøde – Boligselskabet Ærøskøbing Fællesbo');
    expect(rows[2]?.[0]).toBe('Periode: 01.01.2026–30.06.2026');
    expect(rows[3]?.[0]).toBe('Sønderå Kommune, Social- og Sundhedsforvaltningen');
    expect(rows[5]).toEqual([
      'Afdelingsnr.',
      'Afdeling',
      'Områdestatus',
      'Forventet',
      'Modtaget',
      'Anvendt',
      'Returneret ubrugt',
      'Dage tom',
      'Tomgangsleje (kr.)',
    ]);
    expect(rows[6]).toEqual(['12', 'Søparken', 'udsat boligområde', 3.25, 2, 1, 1, 40, 8219]);
    expect(rows[7]).toEqual(['14-B', 'Åbyhøj Øst', 'ikke registreret', 1.5, 0, 0, 0, 0, 0]);
    expect(rows[8]?.slice(0, 1)).toEqual(['I alt']);
    expect(rows[8]?.slice(3)).toEqual([4.75, 2, 1, 1, 40, 8219]);
    expect(sheet?.getRow(6).getCell(4).numFmt).toBe('0.0');
    expect(sheet?.getRow(5).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    const texts = sheetTexts(sheet);
    expect(texts).toContain('Ingen egnet borger på ventelisten');
    expect(texts).toContain(NO_VACANCY_DATA_NOTE);
  });

  it('leaves out the note on vacancy data once the allocation module records vacancies', async () => {
    const workbook = await loadWorkbook(await renderReportXlsx({ ...report, vacancyDataAvailable: true }));
    expect(sheetTexts(workbook.getWorksheet('Dialogmøde'))).not.toContain(NO_VACANCY_DATA_NOTE);
  });

  it('says so when no units were returned unused and the organisation has no departments', async () => {
    const empty: DialogueReport = {
      ...report,
      departments: [],
      totals: { expected: 0, received: 0, used: 0, returnedUnused: 0, emptyDays: 0, emptyRent: 0 },
      returnedReasons: [],
    };
    const texts = sheetTexts((await loadWorkbook(await renderReportXlsx(empty))).getWorksheet('Dialogmøde'));
    expect(texts).toContain('I alt');
    expect(texts).toContain('Ingen boliger er returneret ubrugt i perioden.');
  });
});

/** The decompressed content of a PDF's streams, where pdfkit writes page text and font maps. */
function pdfStreams(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a deflated stream (fonts may be stored differently); nothing to read.
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return out.join('\n');
}

describe('renderReportPdf', () => {
  it('renders a PDF of more than 1 KB in a plain Node process, with Danish characters in its fonts', async () => {
    const pdf = await renderReportPdf(report, new Date('2026-07-01T10:15:00Z'));
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(1024);
    // The embedded font subset maps glyphs back to Unicode: æ, ø and å were drawn.
    const streams = pdfStreams(pdf).toLowerCase();
    expect(streams).toContain('<00e6>');
    expect(streams).toContain('<00f8>');
    expect(streams).toContain('<00e5>');
  });

  it('renders a report without departments and with vacancy data', async () => {
    const pdf = await renderReportPdf({
      ...report,
      departments: [],
      returnedReasons: [],
      vacancyDataAvailable: true,
    });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  });
});

const exportData: HousingExport = {
  municipality: { name: 'Sønderå Kommune' },
  organisations: [
    {
      name: 'Fællesbo',
      address: 'Åvej 1, 9999 Sønderå',
      contactEmail: 'post@faellesbo.dk',
      contactPhone: null,
    },
  ],
  departments: [
    {
      organisation: 'Fællesbo',
      number: '12',
      name: 'Søparken',
      address: null,
      units: { family: 100, youth: 20, elderly: 10, alternative: 2 },
      turnoverPercent: 7.5,
      areaStatus: 'forebyggelse',
    },
  ],
  areaStatuses: [
    {
      organisation: 'Fællesbo',
      number: '12',
      status: 'forebyggelse',
      validFrom: '2025-12-01',
      combinedLetting: true,
      section51c: false,
    },
  ],
  agreements: [
    {
      organisation: 'Fællesbo',
      name: 'Rammeaftale 2026',
      validFrom: '2026-01-01',
      validTo: null,
      quotas: [
        { number: '12', unitType: 'family', quotaPercent: 25, rehousingPercent: 0 },
        { number: '12', unitType: 'youth', quotaPercent: 25, rehousingPercent: 0 },
      ],
    },
  ],
  expected: {
    year: 2026,
    lines: [
      {
        organisation: 'Fællesbo',
        number: '12',
        unitType: 'family',
        units: 100,
        turnoverPercent: 7.5,
        quotaPercent: 25,
        perYear: 1.875,
      },
    ],
  },
  pools: [
    {
      name: 'Pulje 2026',
      validFrom: '2026-01-01',
      validTo: '2029-12-31',
      budget: 500_000,
      monthlyReduction: 1_500,
      rentMin: 3_000,
      rentMax: 5_500,
      remaining: 482_000,
      units: [
        {
          address: 'Søvej 3, st. th.',
          department: 'Søparken',
          rent: 4_950,
          boundFrom: '2026-02-01',
          boundTo: null,
        },
      ],
    },
  ],
  pipeline: [
    {
      name: 'Engen',
      organisation: null,
      kind: 'new_build',
      unitType: 'alternative',
      units: 6,
      readyDate: '2027-08-01',
      allocationPercent: 100,
    },
  ],
};

describe('renderExportXlsx', () => {
  it('writes seven sheets, each with a Danish header row and the data', async () => {
    const workbook = await loadWorkbook(await renderExportXlsx(exportData));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Organisationer',
      'Afdelinger',
      'Områdestatus',
      'Rammeaftaler',
      'Forventede boliger',
      'Huslejetilskud',
      'Nybyggeri',
    ]);
    const values = (name: string) => sheetValues(workbook.getWorksheet(name));

    expect(values('Organisationer')[1]?.[0]).toBe('Boligorganisation');
    expect(values('Organisationer')[2]?.slice(0, 3)).toEqual([
      'Fællesbo',
      'Åvej 1, 9999 Sønderå',
      'post@faellesbo.dk',
    ]);

    const departments = values('Afdelinger');
    expect(departments[1]).toContain('Ældre- og handicapboliger');
    expect(departments[2]).toEqual([
      'Fællesbo',
      '12',
      'Søparken',
      undefined,
      100,
      20,
      10,
      2,
      132,
      7.5,
      'forebyggelsesområde',
    ]);

    const statuses = values('Områdestatus');
    expect(statuses[1]?.[2]).toBe('Områdestatus');
    expect(statuses[2]?.slice(0, 3)).toEqual(['Fællesbo', '12', 'forebyggelsesområde']);
    expect(statuses[2]?.[3]).toEqual(new Date('2025-12-01T00:00:00Z'));
    expect(statuses[2]?.slice(4)).toEqual(['ja', 'nej']);

    const agreements = values('Rammeaftaler');
    expect(agreements[1]?.[5]).toBe('Boligtype');
    expect(agreements.filter(Boolean)).toHaveLength(3);
    expect(agreements[2]?.[5]).toBe('familieboliger');
    expect(agreements[3]?.[5]).toBe('ungdomsboliger');

    const expected = values('Forventede boliger');
    expect(String(expected[1]?.[0])).toContain('2026');
    expect(expected[2]?.[6]).toBe('Forventet i 2026');
    expect(expected[3]).toEqual(['Fællesbo', '12', 'familieboliger', 100, 7.5, 25, 1.875]);

    const subsidy = sheetTexts(workbook.getWorksheet('Huslejetilskud'));
    expect(subsidy).toEqual(
      expect.arrayContaining(['Pulje', 'Budget (kr.)', 'Pulje 2026', 'Søvej 3, st. th.']),
    );

    const pipeline = values('Nybyggeri');
    expect(pipeline[1]?.[0]).toBe('Projekt');
    expect(pipeline[2]?.slice(0, 5)).toEqual(['Engen', undefined, 'nybyggeri', 'skæve boliger', 6]);
  });

  it('writes the header rows when the module holds nothing yet', async () => {
    const empty: HousingExport = {
      municipality: { name: 'Sønderå Kommune' },
      organisations: [],
      departments: [],
      areaStatuses: [],
      agreements: [],
      expected: { year: 2027, lines: [] },
      pools: [],
      pipeline: [],
    };
    const workbook = await loadWorkbook(await renderExportXlsx(empty));
    expect(workbook.worksheets).toHaveLength(7);
    for (const sheet of workbook.worksheets) expect(sheet.rowCount).toBeGreaterThan(0);
  });
});

const HEADER =
  'Boligorganisation;Afdelingsnummer;Afdelingsnavn;Adresse;Familieboliger;Ungdomsboliger;Ældreboliger;Skæve_boliger;Fraflytningsprocent';

describe('readDepartmentFile', () => {
  it("reads a CSV with ';' and a Danish decimal comma, skipping empty lines and keeping the file's line numbers", async () => {
    const csv = `\uFEFF${HEADER}\r\nFællesbo;12;Søparken;Søvej 1;100;20;;0;7,5\r\n\r\nFællesbo;14;Engen;;30;0;5;1;12\r\n`;
    const { rows, problems } = await readDepartmentFile('afdelinger.csv', Buffer.from(csv, 'utf8'));
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        organisation: 'Fællesbo',
        number: '12',
        name: 'Søparken',
        address: 'Søvej 1',
        family: '100',
        youth: '20',
        elderly: '',
        alternative: '0',
        turnoverPercent: '7,5',
      },
      {
        line: 4,
        organisation: 'Fællesbo',
        number: '14',
        name: 'Engen',
        address: '',
        family: '30',
        youth: '0',
        elderly: '5',
        alternative: '1',
        turnoverPercent: '12',
      },
    ]);
  });

  it("reads a CSV with ',' and a quoted Danish decimal comma", async () => {
    const csv =
      'afdelingsnavn,afdelingsnummer,boligorganisation,fraflytningsprocent\n"Søparken, nord",12,Fællesbo,"7,5"\n';
    const { rows, problems } = await readDepartmentFile('AFDELINGER.CSV', Buffer.from(csv));
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ line: 2, name: 'Søparken, nord', number: '12', turnoverPercent: '7,5' });
  });

  it('reads a CSV that Excel saved as Windows-1252', async () => {
    const csv = `${HEADER}\nFællesbo;12;Søparken;;1;2;3;4;8\n`;
    const latin1 = Buffer.from(csv, 'latin1');
    const { rows, problems } = await readDepartmentFile('afdelinger.csv', latin1);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      organisation: 'Fællesbo',
      name: 'Søparken',
      elderly: '3',
      alternative: '4',
    });
  });

  it('reads an XLSX, turning numbers into text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Afdelinger');
    sheet.addRow(HEADER.split(';').map((h) => h.toUpperCase()));
    sheet.addRow(['Fællesbo', 12, 'Søparken', 'Søvej 1', 100, 20, 0, null, 7.5]);
    sheet.addRow([]);
    sheet.addRow(['Fællesbo', '14-B', 'Engen', null, 30, 0, 5, 1, 12]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const { rows, problems } = await readDepartmentFile('Afdelinger.xlsx', data);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      line: 2,
      organisation: 'Fællesbo',
      number: '12',
      name: 'Søparken',
      address: 'Søvej 1',
      family: '100',
      youth: '20',
      elderly: '0',
      alternative: '',
      turnoverPercent: '7.5',
    });
    expect(rows[1]).toMatchObject({ line: 4, number: '14-B', address: '', turnoverPercent: '12' });
  });

  it('reports unknown columns on line 1 and still reads the known ones', async () => {
    const csv =
      'boligorganisation;afdelingsnummer;afdelingsnavn;Antal værelser;fraflytningsprocent\nFællesbo;12;Søparken;3;7\n';
    const { rows, problems } = await readDepartmentFile('afdelinger.csv', Buffer.from(csv));
    expect(problems).toEqual([{ line: 1, field: 'Antal værelser', code: 'unknown_column' }]);
    expect(rows[0]).toMatchObject({ line: 2, name: 'Søparken', turnoverPercent: '7' });
  });

  it('reports a file without data rows', async () => {
    const { rows, problems } = await readDepartmentFile('afdelinger.csv', Buffer.from(`${HEADER}\n;;;;\n\n`));
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ line: 0, field: 'file', code: 'no_rows' }]);
    const empty = await readDepartmentFile('afdelinger.csv', Buffer.alloc(0));
    expect(empty.problems).toEqual([{ line: 0, field: 'file', code: 'no_rows' }]);
  });

  it('reports a file of another type, and an XLSX that is not one', async () => {
    for (const name of ['afdelinger.pdf', 'afdelinger.txt', 'afdelinger.xls'])
      expect((await readDepartmentFile(name, Buffer.from(HEADER))).problems).toEqual([
        { line: 0, field: 'file', code: 'file_type' },
      ]);
    expect((await readDepartmentFile('afdelinger.xlsx', Buffer.from('not a zip'))).problems).toEqual([
      { line: 0, field: 'file', code: 'file_type' },
    ]);
  });

  it('reports a file with more rows than allowed', async () => {
    const lines = Array.from({ length: MAX_DEPARTMENT_ROWS + 1 }, (_, i) => `Fællesbo;${i + 1};A;;1;0;0;0;5`);
    const { problems } = await readDepartmentFile(
      'afdelinger.csv',
      Buffer.from([HEADER, ...lines].join('\n')),
    );
    expect(problems).toEqual([{ line: 0, field: 'file', code: 'too_many_rows' }]);
  });
});

const row = (fields: Partial<DepartmentImportRow> = {}): DepartmentImportRow => ({
  line: 7,
  organisation: 'Fællesbo',
  number: '12',
  name: 'Søparken',
  address: '',
  family: '100',
  youth: '',
  elderly: '3',
  alternative: '0',
  turnoverPercent: '7,5',
  ...fields,
});

describe('parseDepartmentRow', () => {
  it('turns a valid row into a department, with empty counts as 0 and a Danish decimal comma', () => {
    expect(parseDepartmentRow(row())).toEqual({
      value: {
        organisation: 'Fællesbo',
        number: '12',
        name: 'Søparken',
        address: null,
        units: { family: 100, youth: 0, elderly: 3, alternative: 0 },
        turnoverPercent: 7.5,
      },
      problems: [],
    });
    expect(parseDepartmentRow(row({ address: ' Søvej 1 ', turnoverPercent: '12.25' })).value).toMatchObject({
      address: 'Søvej 1',
      turnoverPercent: 12.25,
    });
    expect(parseDepartmentRow(row({ turnoverPercent: '0' })).value?.turnoverPercent).toBe(0);
    expect(parseDepartmentRow(row({ turnoverPercent: '100' })).value?.turnoverPercent).toBe(100);
  });

  it('reports a negative turnover as too small and one over 100 as too big', () => {
    expect(parseDepartmentRow(row({ turnoverPercent: '-1' }))).toEqual({
      problems: [{ line: 7, field: 'turnoverPercent', code: 'too_small' }],
    });
    expect(parseDepartmentRow(row({ turnoverPercent: '100,5' })).problems).toEqual([
      { line: 7, field: 'turnoverPercent', code: 'too_big' },
    ]);
  });

  it('reports a turnover that is no number as invalid, and a missing one as required', () => {
    expect(parseDepartmentRow(row({ turnoverPercent: 'x' })).problems).toEqual([
      { line: 7, field: 'turnoverPercent', code: 'invalid' },
    ]);
    expect(parseDepartmentRow(row({ turnoverPercent: '7,5,1' })).problems).toEqual([
      { line: 7, field: 'turnoverPercent', code: 'invalid' },
    ]);
    expect(parseDepartmentRow(row({ turnoverPercent: '' })).problems).toEqual([
      { line: 7, field: 'turnoverPercent', code: 'required' },
    ]);
  });

  it('reports missing organisation, number and name as required', () => {
    const result = parseDepartmentRow(row({ organisation: ' ', number: '', name: '' }));
    expect(result.value).toBeUndefined();
    expect(result.problems).toEqual([
      { line: 7, field: 'organisation', code: 'required' },
      { line: 7, field: 'number', code: 'required' },
      { line: 7, field: 'name', code: 'required' },
    ]);
  });

  it('reports unit counts that are not whole numbers as invalid and negative ones as too small, per field', () => {
    const result = parseDepartmentRow(
      row({ family: '2,5', youth: 'ti', elderly: '-3', alternative: '1.000' }),
    );
    expect(result.value).toBeUndefined();
    expect(result.problems).toEqual([
      { line: 7, field: 'family', code: 'invalid' },
      { line: 7, field: 'youth', code: 'invalid' },
      { line: 7, field: 'elderly', code: 'too_small' },
      { line: 7, field: 'alternative', code: 'invalid' },
    ]);
  });

  it('reports a department number longer than the register holds', () => {
    expect(parseDepartmentRow(row({ number: '1'.repeat(21) })).problems).toEqual([
      { line: 7, field: 'number', code: 'too_long' },
    ]);
  });
});

describe('plainRecords (CSV without quotes)', () => {
  const general = (text: string, delimiter: string) => {
    let previousEnd = 0;
    return (
      parse(text, {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: false,
        info: true,
      }) as unknown as {
        info: { lines: number };
        record: string[];
      }[]
    ).map(({ info, record }) => {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      return { line, cells: record };
    });
  };

  it('reads every quote-free file exactly as csv-parse does: blank lines, spaces, CRLF, a last line with or without a break', () => {
    const samples = [
      '',
      '\n',
      'x',
      'a;b\n\nc;d\n',
      'a;b\r\nc;d',
      'a;b\n\n\n',
      'a;b\n;\n',
      ' a ; b \n æ;ø;å;\n',
      'a,b\r\n\r\n1,2\r\n',
    ];
    for (let seed = 1; seed <= 200; seed++) {
      let text = '';
      let x = seed;
      const next = () => {
        x = (x * 1103515245 + 12345) % 2147483648;
        return x;
      };
      const pieces = ['a', 'bb', ' ', ';', ',', 'æ', '1.234,50', '\n'];
      for (let i = next() % 60; i > 0; i--) text += pieces[next() % pieces.length];
      samples.push(text, text.replaceAll('\n', '\r\n'));
    }
    for (const text of samples)
      for (const delimiter of [';', ','])
        expect(plainRecords(text, delimiter), JSON.stringify(text)).toEqual(general(text, delimiter));
  });

  it('leaves quotes and mixed or old Mac line breaks to csv-parse', () => {
    for (const text of ['a;"b;c"\n', 'a;b\r\nc;d\ne;f', 'a;b\rc;d'])
      expect(plainRecords(text, ';')).toBeUndefined();
  });
});
