/**
 * Prevention files (issue 6): the letter offering help to a tenant in rent arrears as an A4 PDF in
 * Danish, and the monitoring report as XLSX. Pure functions of their input: no database, no network,
 * no DOM. The PDF and XLSX approach follows allocation.files.ts; the small helpers it keeps private
 * (fonts, rendering, Danish formats) have local twins here.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import type { MonitoringReport } from '../../../shared/prevention/api';

// ---------------------------------------------------------------------------------------------
// Danish formatting (local twins of those in allocation.files.ts)

/** åååå-mm-dd → dd.mm.åååå (other text unchanged). */
function danishDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** A number as Danes write it (12.500 / 78,5), with at most `maxDecimals` decimals. */
const danishNumber = (n: number, minDecimals = 0, maxDecimals = minDecimals) =>
  n.toLocaleString('da-DK', { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });

/** Kroner: whole kroner without decimals ("12.500 kr."), øre with two ("12.500,50 kr."). */
const kroner = (n: number) => `${danishNumber(n, Number.isInteger(n) ? 0 : 2)} kr.`;

const nonEmpty = (...lines: (string | null | undefined)[]) =>
  lines.filter((l): l is string => typeof l === 'string' && l.trim() !== '');

const MONTH_NAMES = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

/** åååå-mm → "januar 2026" (other text unchanged). */
function danishMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  const name = m ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : month;
}

// ---------------------------------------------------------------------------------------------
// PDF letter

/** The Roboto fonts that ship with pdfmake, read from its package (no network, no DOM). */
function robotoFonts(): { dictionary: TFontDictionary; dir: string } {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  return {
    dir,
    dictionary: {
      Roboto: {
        normal: path.join(dir, 'Roboto-Regular.ttf'),
        bold: path.join(dir, 'Roboto-Medium.ttf'),
        italics: path.join(dir, 'Roboto-Italic.ttf'),
        bolditalics: path.join(dir, 'Roboto-MediumItalic.ttf'),
      },
    },
  };
}

let fonts: { dictionary: TFontDictionary; dir: string } | undefined;

/**
 * Renders with pdfmake's shared Node instance: fonts and access policies are set right before
 * `createPdf`, which reads them synchronously, so no URL is fetched and only the fonts are read.
 */
async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  fonts ??= robotoFonts();
  const fontDir = fonts.dir;
  pdfmake.addFonts(fonts.dictionary);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir + path.sep));
  return pdfmake.createPdf(doc).getBuffer();
}

const paragraph = (text: string): Content => ({ text, style: 'paragraph' });
const section = (text: string): Content => ({ text, style: 'section' });

const HELP_LETTER_TITLE = 'Vi vil gerne hjælpe dig med at beholde din bolig';

const LEGAL_BASIS_HELP =
  'Kommunen skal rådgive dig og skal efter retssikkerhedsloven § 5 a straks vurdere, om vi kan tilbyde ' +
  'hjælp, når vi får besked om, at en lejer risikerer at blive sat ud af sin bolig. Derfor kontakter vi ' +
  'dig af os selv. Brevet er ikke en afgørelse om hjælp.';

/**
 * The letter offering help to a tenant the municipality has been told is in rent arrears (Danish).
 * It says what help may be possible, never that help will be given.
 */
export function renderHelpLetter(input: {
  municipality: { name: string; authority: string };
  citizen: { name: string; address: string };
  /** Letter date, åååå-mm-dd. */
  date: string;
  workerName: string;
  /** Rent arrears in kroner. */
  arrearsAmount: number;
  /** The date set for the eviction, åååå-mm-dd, if known. */
  evictionDate: string | null;
  childrenUnder18: boolean;
}): Promise<Buffer> {
  const { municipality, citizen, workerName } = input;
  const evictionDate = input.evictionDate ? danishDate(input.evictionDate) : null;

  const told =
    `Kommunen har fået besked om, at du har en huslejerestance på ${kroner(input.arrearsAmount)}` +
    (evictionDate ? `, og at du risikerer at blive sat ud af din bolig den ${evictionDate}.` : '.');

  const helpItems: string[] = [
    'Du kan få rådgivning og en snak med os om dit budget, så du får overblik over din økonomi.',
    'Du kan måske få gældsrådgivning hos boligorganisationens økonomiske rådgiver.',
    'Du kan måske få engangshjælp til at betale restancen (aktivloven § 81), hvis betingelserne er opfyldt.',
    'Du kan søge midlertidig hjælp til huslejen (aktivloven § 81 a).',
    'Du kan måske lave en afdragsordning med din udlejer, så du kan betale restancen af lidt ad gangen.',
  ];

  const contact = evictionDate
    ? `Kontakt ${workerName} hurtigt – og helst i god tid før den ${evictionDate}. ` +
      'Jo før vi taler sammen, jo flere muligheder er der for at finde en løsning.'
    : `Kontakt ${workerName} hurtigt – og helst før en eventuel udsættelse. ` +
      'Jo før vi taler sammen, jo flere muligheder er der for at finde en løsning.';

  const body: Content[] = [
    paragraph(told),
    paragraph(
      'Vi skriver til dig, fordi vi gerne vil hjælpe dig med at beholde din bolig. ' +
        'Det er frivilligt for dig at tage imod vores rådgivning.',
    ),
    ...(input.childrenUnder18
      ? [
          paragraph(
            'Der bor børn i dit hjem. Kommunen er særligt forpligtet til at hjælpe familier med børn, ' +
              'der risikerer at miste deres bolig, og vi vil derfor gerne tale med dig hurtigt.',
          ),
        ]
      : []),
    section('Den hjælp, du måske kan få'),
    paragraph(
      'Hvilken hjælp du kan få, afhænger af din situation, og vi kan ikke love noget på forhånd. ' +
        'Sammen kan vi se på dine muligheder:',
    ),
    { ul: helpItems, margin: [0, 0, 0, 6] },
    section('Kontakt os hurtigt'),
    paragraph(contact),
    paragraph(
      'Det er vigtigt, at du kontakter os, også selv om du ikke kan betale lige nu. ' +
        'Tag gerne oplysninger om din husleje, din indkomst og dine udgifter med, når vi mødes.',
    ),
    { text: LEGAL_BASIS_HELP, style: 'small', margin: [0, 8, 0, 0] },
  ];

  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [56, 48, 56, 48],
    language: 'da-DK',
    info: {
      title: HELP_LETTER_TITLE,
      author: nonEmpty(municipality.name, municipality.authority).join(', '),
      creator: 'Hjemvej',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 28, 0, 10] },
      section: { fontSize: 11, bold: true, margin: [0, 8, 0, 3] },
      paragraph: { margin: [0, 0, 0, 6] },
      small: { fontSize: 9, color: '#444444' },
    },
    footer: (currentPage: number, pageCount: number) => ({
      text: `Side ${currentPage} af ${pageCount}`,
      fontSize: 8,
      color: '#555555',
      alignment: 'right',
      margin: [56, 20, 56, 0],
    }),
    content: [
      {
        columns: [
          { width: '*', stack: nonEmpty(citizen.name, citizen.address), margin: [0, 24, 0, 0] },
          {
            width: 'auto',
            stack: [
              ...nonEmpty(municipality.name, municipality.authority).map((line, i) =>
                i === 0 ? { text: line, bold: true } : { text: line },
              ),
              { text: `Dato: ${danishDate(input.date)}`, margin: [0, 8, 0, 0] },
            ],
          },
        ],
        columnGap: 24,
      },
      { text: HELP_LETTER_TITLE, style: 'title' },
      { text: `Kære ${citizen.name}`, style: 'paragraph' },
      ...body,
      {
        stack: [
          { text: 'Med venlig hilsen', margin: [0, 16, 0, 4] },
          ...nonEmpty(workerName, municipality.authority, municipality.name),
        ],
        unbreakable: true,
      },
    ],
  };
  return renderPdf(doc);
}

// ---------------------------------------------------------------------------------------------
// Monitoring XLSX

const INTEGER_FORMAT = '#,##0';
const DECIMAL_FORMAT = '#,##0.0';
const PERCENT_FORMAT = '0.0%';

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

/** The title row: what, the municipality and the period. */
function sheetTitle(sheet: ExcelJS.Worksheet, title: string): void {
  const cell = sheet.getCell(1, 1);
  cell.value = title;
  cell.font = { bold: true, size: 14 };
}

/** A table under the title: bold headers in row 3, then one row per item; returns the last row number. */
function table(sheet: ExcelJS.Worksheet, columns: Column[], rows: ExcelJS.CellValue[][]): number {
  const headerRow = 3;
  const header = sheet.getRow(headerRow);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
    header.getCell(i + 1).border = { bottom: { style: 'thin' } };
  });
  rows.forEach((values, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    row.values = values;
    columns.forEach((c, i) => {
      if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  if (rows.length > 0)
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow + rows.length, column: columns.length },
    };
  return headerRow + rows.length;
}

const NO_ORGANISATION = 'Ingen boligorganisation (fx privat udlejer)';

/**
 * The monitoring report for a period as an XLSX workbook: "Måneder", "Boligorganisationer",
 * "Afdelinger" (with the early-warning flag "Stigende") and "Nøgletal".
 */
export async function renderMonitoringXlsx(input: {
  municipality: { name: string };
  report: MonitoringReport;
}): Promise<Buffer> {
  const { report } = input;
  const title = `Forebyggelse af udsættelser – ${input.municipality.name}, ${danishDate(report.from)}–${danishDate(report.to)}`;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hjemvej';
  workbook.title = title;
  workbook.created = new Date();

  const months = workbook.addWorksheet('Måneder');
  sheetTitle(months, title);
  table(
    months,
    [
      { header: 'Måned', width: 18 },
      { header: 'Underretninger', width: 15, numFmt: INTEGER_FORMAT },
      { header: 'Med børn', width: 12, numFmt: INTEGER_FORMAT },
      { header: 'Udsat', width: 10, numFmt: INTEGER_FORMAT },
      { header: 'Afværget', width: 10, numFmt: INTEGER_FORMAT },
    ],
    report.months.map((m) => [danishMonth(m.month), m.notices, m.withChildren, m.evicted, m.averted]),
  );

  const organisations = workbook.addWorksheet('Boligorganisationer');
  sheetTitle(organisations, title);
  table(
    organisations,
    [
      { header: 'Boligorganisation', width: 40 },
      { header: 'Underretninger', width: 15, numFmt: INTEGER_FORMAT },
      { header: 'Udsat', width: 10, numFmt: INTEGER_FORMAT },
    ],
    report.byOrganisation.map((o) => [o.organisationName ?? NO_ORGANISATION, o.notices, o.evicted]),
  );

  const departments = workbook.addWorksheet('Afdelinger');
  sheetTitle(departments, title);
  const lastDepartmentRow = table(
    departments,
    [
      { header: 'Afdeling', width: 30 },
      { header: 'Boligorganisation', width: 30 },
      { header: 'Underretninger', width: 15, numFmt: INTEGER_FORMAT },
      { header: 'Seneste 3 måneder', width: 14, numFmt: INTEGER_FORMAT },
      { header: 'De 3 måneder før', width: 14, numFmt: INTEGER_FORMAT },
      { header: 'Stigende', width: 10 },
    ],
    report.byDepartment.map((d) => [
      d.departmentName,
      d.organisationName,
      d.notices,
      d.last3Months,
      d.previous3Months,
      d.rising ? 'ja' : 'nej',
    ]),
  );
  const departmentNote = departments.getRow(lastDepartmentRow + 2).getCell(1);
  departmentNote.value =
    'Stigende: flere underretninger i de seneste 3 måneder end i de 3 måneder før (tidligt varsel).';
  departmentNote.font = { italic: true, size: 9 };

  const keyFigures = workbook.addWorksheet('Nøgletal');
  sheetTitle(keyFigures, title);
  keyFigures.getColumn(1).width = 48;
  keyFigures.getColumn(2).width = 12;
  keyFigures.getColumn(3).width = 36;
  const header = keyFigures.getRow(3);
  header.values = ['Nøgletal', 'Værdi'];
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.border = { bottom: { style: 'thin' } };
  });
  const median = report.medianDaysToOutcome;
  const figures: [string, number | null, string, string?][] = [
    ['Underretninger i alt', report.totals.notices, INTEGER_FORMAT],
    ['Sager i alt', report.totals.cases, INTEGER_FORMAT],
    ['Sager med børn under 18', report.totals.withChildren, INTEGER_FORMAT],
    ['Andel sager med børn under 18', report.shareWithChildren, PERCENT_FORMAT],
    ['Udsat', report.totals.evicted, INTEGER_FORMAT],
    ['Afværget', report.totals.averted, INTEGER_FORMAT],
    ['Fraflyttet', report.totals.moved, INTEGER_FORMAT],
    [
      'Median antal dage fra første underretning til udfald',
      median,
      median !== null && !Number.isInteger(median) ? DECIMAL_FORMAT : INTEGER_FORMAT,
      median === null ? 'Ingen afsluttede sager i perioden' : undefined,
    ],
  ];
  figures.forEach(([label, value, numFmt, note], i) => {
    const row = keyFigures.getRow(4 + i);
    row.values = note ? [label, value, note] : [label, value];
    row.getCell(2).numFmt = numFmt;
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
