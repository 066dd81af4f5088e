/**
 * Housing files (issue 4 §4, §8): the dialogue-meeting report as XLSX and PDF, the whole module as
 * one XLSX workbook, and the department import (CSV or XLSX) read into rows and checked row by row.
 * Pure functions of their input: no database, no network, no DOM.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { AreaStatus, UnitType } from '../../../shared/housing/supply';
import {
  type Column,
  DATE_FORMAT,
  danishDate,
  danishNumber,
  excelDate,
  INTEGER_FORMAT,
  MONEY_FORMAT,
  newWorkbook,
  nonEmpty,
  renderPdf,
  sheetTitle,
  styleHeaderRow,
  toBuffer,
  writeTable,
} from '../../documents/documents';
import type { DepartmentImportRow, DialogueReport, HousingExport, UnitCounts } from './housing.types';

/** Data rows one department file may hold. */
export const MAX_DEPARTMENT_ROWS = 5_000;

export interface FileProblem {
  line: number;
  field: string;
  code: string;
}

const UNIT_TYPE_LABEL: Record<UnitType, string> = {
  family: 'familieboliger',
  youth: 'ungdomsboliger',
  elderly: 'ældre- og handicapboliger',
  alternative: 'skæve boliger',
};

const AREA_STATUS_LABEL: Record<AreaStatus, string> = {
  normal: 'almindeligt område',
  udsat: 'udsat boligområde',
  parallelsamfund: 'parallelsamfund',
  omdannelse: 'omdannelsesområde',
  forebyggelse: 'forebyggelsesområde',
};

const KIND_LABEL: Record<string, string> = { new_build: 'nybyggeri', conversion: 'ombygning' };

/** Shown when the allocation module does not yet record vacancies. */
export const NO_VACANCY_DATA_NOTE =
  'Modtagne og anvendte boliger registreres i anvisningsmodulet; indtil da står tallene på 0.';

const EXPECTED_EXPLANATION =
  'Forventet: kommunens andel af de forventede fraflytninger i perioden ' +
  '(boliger × fraflytningsprocent × anvisningsprocent, forholdsmæssigt for periodens dage).';

const areaStatusLabel = (status: AreaStatus | null) =>
  status ? AREA_STATUS_LABEL[status] : 'ikke registreret';

/** The moment a file is made, as Danes write it in Copenhagen: dd.mm.åååå kl. tt.mm. */
function danishTimestamp(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('da-DK', {
      timeZone: 'Europe/Copenhagen',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} kl. ${parts.hour}.${parts.minute}`;
}

const yesNo = (v: boolean) => (v ? 'ja' : 'nej');

const periodText = (report: DialogueReport) => `${danishDate(report.from)}–${danishDate(report.to)}`;

const authorityText = (report: DialogueReport) =>
  nonEmpty(report.municipality.name, report.municipality.authority).join(', ');

// ---------------------------------------------------------------------------------------------
// XLSX (the shared helpers are in documents/documents.ts)

type Cell = string | number | Date | null;

const ONE_DECIMAL_FORMAT = '0.0';

// ---------------------------------------------------------------------------------------------
// Dialogue-meeting report

const REPORT_COLUMNS: Column[] = [
  { header: 'Afdelingsnr.', width: 14 },
  { header: 'Afdeling', width: 34 },
  { header: 'Områdestatus', width: 24 },
  { header: 'Forventet', width: 12, numFmt: ONE_DECIMAL_FORMAT },
  { header: 'Modtaget', width: 12, numFmt: INTEGER_FORMAT },
  { header: 'Anvendt', width: 12, numFmt: INTEGER_FORMAT },
  { header: 'Returneret ubrugt', width: 18, numFmt: INTEGER_FORMAT },
];

/** The dialogue-meeting report as an XLSX workbook with one sheet, "Dialogmøde". */
export async function renderReportXlsx(report: DialogueReport): Promise<Buffer> {
  const workbook = newWorkbook(`Dialogmøde – ${report.organisation.name}`);
  const sheet = workbook.addWorksheet('Dialogmøde', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const lastColumn = REPORT_COLUMNS.length;
  const fullWidth = (rowNumber: number, text: string, font: Partial<ExcelJS.Font> = {}) => {
    const row = sheet.getRow(rowNumber);
    row.getCell(1).value = text;
    row.getCell(1).font = font;
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    sheet.mergeCells(rowNumber, 1, rowNumber, lastColumn);
    return row;
  };

  fullWidth(1, `Dialogmøde – ${report.organisation.name}`, { bold: true, size: 14 }).height = 22;
  fullWidth(2, `Periode: ${periodText(report)}`);
  fullWidth(3, authorityText(report));
  const headerRow = 5;
  writeTable(
    sheet,
    REPORT_COLUMNS,
    report.departments.map((d) => [
      d.number,
      d.name,
      areaStatusLabel(d.areaStatus),
      d.expected,
      d.received,
      d.used,
      d.returnedUnused,
    ]),
    { headerRow },
  );
  // The filter would also sort the totals row into the departments.
  sheet.autoFilter = undefined;

  let next = headerRow + report.departments.length + 1;
  const totals = sheet.getRow(next);
  totals.values = [
    'I alt',
    null,
    null,
    report.totals.expected,
    report.totals.received,
    report.totals.used,
    report.totals.returnedUnused,
  ];
  totals.font = { bold: true };
  REPORT_COLUMNS.forEach((c, i) => {
    const cell = totals.getCell(i + 1);
    if (c.numFmt) cell.numFmt = c.numFmt;
    cell.border = { top: { style: 'thin' } };
  });
  next += 2;

  fullWidth(next++, 'Returneret ubrugt – årsager', { bold: true });
  if (report.returnedReasons.length === 0) {
    fullWidth(next++, 'Ingen boliger er returneret ubrugt i perioden.');
  } else {
    const head = sheet.getRow(next++);
    head.getCell(1).value = 'Årsag';
    head.getCell(4).value = 'Antal';
    head.font = { bold: true };
    sheet.mergeCells(head.number, 1, head.number, 3);
    for (const r of report.returnedReasons) {
      const row = sheet.getRow(next++);
      row.getCell(1).value = reasonText(r.reason);
      row.getCell(4).value = r.count;
      row.getCell(4).numFmt = INTEGER_FORMAT;
      sheet.mergeCells(row.number, 1, row.number, 3);
    }
  }
  next++;
  if (!report.vacancyDataAvailable) {
    fullWidth(next++, NO_VACANCY_DATA_NOTE, { italic: true }).height = 30;
  }
  fullWidth(next++, EXPECTED_EXPLANATION, { italic: true, size: 9 }).height = 30;
  return toBuffer(workbook);
}

/** The dialogue-meeting report as an A4 PDF in Danish. */
export async function renderReportPdf(
  report: DialogueReport,
  generatedAt: Date = new Date(),
): Promise<Buffer> {
  const num = (n: number) => ({ text: danishNumber(n), alignment: 'right' as const });
  const dec = (n: number) => ({ text: danishNumber(n, 1), alignment: 'right' as const });
  const header: TableCell[] = REPORT_COLUMNS.map((c, i) => ({
    text: c.header,
    style: 'tableHeader',
    alignment: i >= 3 ? ('right' as const) : ('left' as const),
  }));
  const departmentRows: TableCell[][] =
    report.departments.length === 0
      ? [
          [
            { text: 'Organisationen har ingen afdelinger i perioden.', colSpan: 7, italics: true },
            '',
            '',
            '',
            '',
            '',
            '',
          ],
        ]
      : report.departments.map((d) => [
          d.number,
          d.name,
          areaStatusLabel(d.areaStatus),
          dec(d.expected),
          num(d.received),
          num(d.used),
          num(d.returnedUnused),
        ]);
  const totalsRow: TableCell[] = [
    { text: 'I alt', bold: true, colSpan: 3 },
    '',
    '',
    { ...dec(report.totals.expected), bold: true },
    { ...num(report.totals.received), bold: true },
    { ...num(report.totals.used), bold: true },
    { ...num(report.totals.returnedUnused), bold: true },
  ];
  const reasons: Content =
    report.returnedReasons.length === 0
      ? { text: 'Ingen boliger er returneret ubrugt i perioden.', margin: [0, 0, 0, 8] }
      : {
          table: {
            headerRows: 1,
            widths: ['*', 60],
            body: [
              [
                { text: 'Årsag', style: 'tableHeader' },
                { text: 'Antal', style: 'tableHeader', alignment: 'right' },
              ],
              ...report.returnedReasons.map((r): TableCell[] => [reasonText(r.reason), num(r.count)]),
            ],
          },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 8],
        };
  const generated = danishTimestamp(generatedAt);
  const title = `Dialogmøde – ${report.organisation.name}`;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [40, 48, 40, 48],
    language: 'da-DK',
    info: {
      title,
      subject: `Periode ${periodText(report)}`,
      author: authorityText(report),
      creator: 'Hjemvej',
    },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 10.5, margin: [0, 0, 0, 2] },
      section: { fontSize: 11.5, bold: true, margin: [0, 14, 0, 6] },
      tableHeader: { bold: true },
      note: { italics: true, fontSize: 9 },
    },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `Dannet ${generated} · Hjemvej`, fontSize: 8, color: '#555555' },
        { text: `Side ${currentPage} af ${pageCount}`, fontSize: 8, color: '#555555', alignment: 'right' },
      ],
      margin: [40, 16, 40, 0],
    }),
    content: [
      { text: title, style: 'title' },
      { text: `Periode: ${periodText(report)}`, style: 'subtitle' },
      { text: authorityText(report), style: 'subtitle' },
      { text: 'Boliger pr. afdeling', style: 'section' },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'],
          body: [header, ...departmentRows, totalsRow],
        },
        layout: 'lightHorizontalLines',
      },
      { text: 'Returneret ubrugt – årsager', style: 'section' },
      reasons,
      ...(report.vacancyDataAvailable
        ? []
        : [{ text: NO_VACANCY_DATA_NOTE, style: 'note', margin: [0, 6, 0, 0] } satisfies Content]),
      { text: EXPECTED_EXPLANATION, style: 'note', color: '#555555', margin: [0, 6, 0, 0] },
    ],
  };
  return renderPdf(doc);
}

// ---------------------------------------------------------------------------------------------
// Export of the whole module

/** Everything the housing module holds, as one XLSX workbook with a sheet per subject. */
export async function renderExportXlsx(data: HousingExport): Promise<Buffer> {
  const workbook = newWorkbook(`Boliger – ${data.municipality.name}`);

  writeTable(
    workbook.addWorksheet('Organisationer'),
    [
      { header: 'Boligorganisation', width: 34 },
      { header: 'Adresse', width: 36 },
      { header: 'E-mail', width: 30 },
      { header: 'Telefon', width: 16 },
    ],
    data.organisations.map((o) => [o.name, o.address, o.contactEmail, o.contactPhone]),
  );

  writeTable(
    workbook.addWorksheet('Afdelinger'),
    [
      { header: 'Boligorganisation', width: 30 },
      { header: 'Afdelingsnr.', width: 13 },
      { header: 'Afdeling', width: 30 },
      { header: 'Adresse', width: 32 },
      { header: 'Familieboliger', width: 14, numFmt: INTEGER_FORMAT },
      { header: 'Ungdomsboliger', width: 15, numFmt: INTEGER_FORMAT },
      { header: 'Ældre- og handicapboliger', width: 16, numFmt: INTEGER_FORMAT },
      { header: 'Skæve boliger', width: 13, numFmt: INTEGER_FORMAT },
      { header: 'Boliger i alt', width: 13, numFmt: INTEGER_FORMAT },
      { header: 'Fraflytningsprocent', width: 18 },
      { header: 'Områdestatus', width: 24 },
    ],
    data.departments.map((d) => [
      d.organisation,
      d.number,
      d.name,
      d.address,
      d.units.family,
      d.units.youth,
      d.units.elderly,
      d.units.alternative,
      d.units.family + d.units.youth + d.units.elderly + d.units.alternative,
      d.turnoverPercent,
      areaStatusLabel(d.areaStatus),
    ]),
  );

  writeTable(
    workbook.addWorksheet('Områdestatus'),
    [
      { header: 'Boligorganisation', width: 30 },
      { header: 'Afdelingsnr.', width: 13 },
      { header: 'Områdestatus', width: 24 },
      { header: 'Gældende fra', width: 13, numFmt: DATE_FORMAT },
      { header: 'Kombineret udlejning', width: 20 },
      { header: '§ 51 c', width: 9 },
    ],
    data.areaStatuses.map((s) => [
      s.organisation,
      s.number,
      AREA_STATUS_LABEL[s.status],
      excelDate(s.validFrom),
      yesNo(s.combinedLetting),
      yesNo(s.section51c),
    ]),
  );

  writeTable(
    workbook.addWorksheet('Rammeaftaler'),
    [
      { header: 'Boligorganisation', width: 30 },
      { header: 'Rammeaftale', width: 30 },
      { header: 'Gyldig fra', width: 12, numFmt: DATE_FORMAT },
      { header: 'Gyldig til', width: 12, numFmt: DATE_FORMAT },
      { header: 'Afdelingsnr.', width: 13 },
      { header: 'Boligtype', width: 26 },
      { header: 'Kommunal anvisning (%)', width: 16 },
      { header: 'Genhusning (%)', width: 15 },
    ],
    data.agreements.flatMap((a): Cell[][] => {
      const agreement: Cell[] = [a.organisation, a.name, excelDate(a.validFrom), excelDate(a.validTo)];
      // An agreement without quotas still gets its row, so it is not lost from the export.
      if (a.quotas.length === 0) return [[...agreement, null, null, null, null]];
      return a.quotas.map((q) => [
        ...agreement,
        q.number,
        UNIT_TYPE_LABEL[q.unitType],
        q.quotaPercent,
        q.rehousingPercent,
      ]);
    }),
  );

  const expectedSheet = workbook.addWorksheet('Forventede boliger');
  sheetTitle(
    expectedSheet,
    `Forventede boliger i ${data.expected.year} – kommunens andel af fraflytningerne`,
    { size: 13 },
  );
  writeTable(
    expectedSheet,
    [
      { header: 'Boligorganisation', width: 30 },
      { header: 'Afdelingsnr.', width: 13 },
      { header: 'Boligtype', width: 26 },
      { header: 'Boliger', width: 10, numFmt: INTEGER_FORMAT },
      { header: 'Fraflytningsprocent', width: 18 },
      { header: 'Kommunal anvisning (%)', width: 16 },
      { header: `Forventet i ${data.expected.year}`, width: 16, numFmt: ONE_DECIMAL_FORMAT },
    ],
    data.expected.lines.map((l) => [
      l.organisation,
      l.number,
      UNIT_TYPE_LABEL[l.unitType],
      l.units,
      l.turnoverPercent,
      l.quotaPercent,
      l.perYear,
    ]),
    { headerRow: 2 },
  );
  expectedSheet.autoFilter = undefined;
  if (data.expected.lines.length > 0) {
    const total = expectedSheet.getRow(3 + data.expected.lines.length);
    total.getCell(1).value = 'I alt';
    total.getCell(4).value = data.expected.lines.reduce((s, l) => s + l.units, 0);
    total.getCell(4).numFmt = INTEGER_FORMAT;
    total.getCell(7).value = data.expected.lines.reduce((s, l) => s + l.perYear, 0);
    total.getCell(7).numFmt = ONE_DECIMAL_FORMAT;
    total.font = { bold: true };
  }

  const subsidy = workbook.addWorksheet('Huslejetilskud');
  writeTable(
    subsidy,
    [
      { header: 'Pulje', width: 30 },
      { header: 'Gyldig fra', width: 12, numFmt: DATE_FORMAT },
      { header: 'Gyldig til', width: 12, numFmt: DATE_FORMAT },
      { header: 'Budget (kr.)', width: 15, numFmt: MONEY_FORMAT },
      { header: 'Nedskrivning pr. måned (kr.)', width: 16, numFmt: MONEY_FORMAT },
      { header: 'Husleje min. (kr.)', width: 15, numFmt: MONEY_FORMAT },
      { header: 'Husleje maks. (kr.)', width: 15, numFmt: MONEY_FORMAT },
      { header: 'Restbeløb (kr.)', width: 15, numFmt: MONEY_FORMAT },
    ],
    data.pools.map((p) => [
      p.name,
      excelDate(p.validFrom),
      excelDate(p.validTo),
      p.budget,
      p.monthlyReduction,
      p.rentMin,
      p.rentMax,
      p.remaining,
    ]),
  );
  subsidy.autoFilter = undefined;
  const unitsTitleRow = data.pools.length + 3;
  sheetTitle(subsidy, 'Boliger bundet til puljerne', { row: unitsTitleRow, size: 12 });
  const unitColumns: { header: string; numFmt?: string }[] = [
    { header: 'Pulje' },
    { header: 'Adresse' },
    { header: 'Afdeling' },
    { header: 'Husleje (kr.)', numFmt: MONEY_FORMAT },
    { header: 'Bundet fra', numFmt: DATE_FORMAT },
    { header: 'Bundet til', numFmt: DATE_FORMAT },
  ];
  const unitHeader = subsidy.getRow(unitsTitleRow + 1);
  unitHeader.values = unitColumns.map((c) => c.header);
  styleHeaderRow(unitHeader, { wrap: true });
  // Both tables share the columns: widen the two that hold the units' address and department.
  subsidy.getColumn(2).width = 34;
  subsidy.getColumn(3).width = 26;
  let unitRow = unitsTitleRow + 2;
  for (const p of data.pools)
    for (const u of p.units) {
      const row = subsidy.getRow(unitRow++);
      row.values = [p.name, u.address, u.department, u.rent, excelDate(u.boundFrom), excelDate(u.boundTo)];
      unitColumns.forEach((c, i) => {
        if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
      });
    }

  writeTable(
    workbook.addWorksheet('Nybyggeri'),
    [
      { header: 'Projekt', width: 30 },
      { header: 'Boligorganisation', width: 30 },
      { header: 'Type', width: 13 },
      { header: 'Boligtype', width: 26 },
      { header: 'Boliger', width: 10, numFmt: INTEGER_FORMAT },
      { header: 'Klar til indflytning', width: 18, numFmt: DATE_FORMAT },
      { header: 'Kommunal anvisning (%)', width: 16 },
    ],
    data.pipeline.map((p) => [
      p.name,
      p.organisation,
      KIND_LABEL[p.kind] ?? p.kind,
      UNIT_TYPE_LABEL[p.unitType],
      p.units,
      excelDate(p.readyDate),
      p.allocationPercent,
    ]),
  );

  return toBuffer(workbook);
}

// ---------------------------------------------------------------------------------------------
// Department import

type ImportField = Exclude<keyof DepartmentImportRow, 'line'>;

/** The columns a department file may have (Danish headers, case-insensitive), and the field each fills. */
const DEPARTMENT_COLUMNS: Record<string, ImportField> = {
  boligorganisation: 'organisation',
  afdelingsnummer: 'number',
  afdelingsnavn: 'name',
  adresse: 'address',
  familieboliger: 'family',
  ungdomsboliger: 'youth',
  ældreboliger: 'elderly',
  skæve_boliger: 'alternative',
  fraflytningsprocent: 'turnoverPercent',
};

/** Why units went back unused, in the reports' Danish (codes from the allocation module). */
const RETURN_REASON_TEXT: Record<string, string> = {
  no_candidate: 'Ingen egnet ansøger',
  declined_by_all: 'Afslået af alle tilbudte',
  deadline_passed: 'Fristen for anvisning udløb',
  unit_unsuitable: 'Boligen var ikke egnet',
  other: 'Anden grund',
};
const reasonText = (reason: string) => RETURN_REASON_TEXT[reason] ?? reason;

const fileProblem = (code: string): FileProblem => ({ line: 0, field: 'file', code });

/** The text of an XLSX cell: numbers as JavaScript writes them (7.5 → '7.5'), dates as åååå-mm-dd. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? ''
      : cellText(result);
  }
  return '';
}

/** CSV bytes as text: UTF-8 (with or without BOM), or Windows-1252 as Excel saves "CSV" on Danish PCs. */
function decodeText(data: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('windows-1252').decode(data);
  }
  return text.replace(/^\uFEFF/, '');
}

/**
 * CSV text without a quote character and with one kind of line break (\n or \r\n) escapes nothing:
 * each line is a record and its cells are the pieces between delimiters, as csv-parse reads it (a
 * test holds the two together), for a fraction of the time — most files from landlords' and the
 * court's systems look like this. Anything else (undefined) goes to csv-parse.
 */
export function plainRecords(
  text: string,
  delimiter: string,
): { line: number; cells: string[] }[] | undefined {
  if (text.includes('"')) return undefined;
  const crlf = text.split('\r\n').length - 1;
  if (
    crlf > 0
      ? text.split('\n').length - 1 !== crlf || text.split('\r').length - 1 !== crlf
      : text.includes('\r')
  )
    return undefined;
  const lines = text.split(crlf > 0 ? '\r\n' : '\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((l, i) => ({ line: i + 1, cells: l.split(delimiter) }));
}

/** The file as lines of cells, each with its line number in the file (header = 1); undefined if unreadable. */
export async function readTable(
  lower: string,
  data: Buffer,
): Promise<{ line: number; cells: string[] }[] | undefined> {
  if (lower.endsWith('.xlsx')) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      return undefined;
    }
    const table: { line: number; cells: string[] }[] = [];
    workbook.worksheets[0]?.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      table.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
    });
    return table;
  }
  const text = decodeText(data);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const plain = plainRecords(text, delimiter);
  if (plain) return plain;
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { info: { lines: number }; record: string[] }[];
  } catch {
    return undefined;
  }
  // info.lines is the line a record ends on; a quoted value may span lines, so a record starts
  // on the line after the previous one ended.
  let previousEnd = 0;
  return records.map(({ info, record }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    return { line, cells: record };
  });
}

/**
 * Reads a department file (CSV with ';' or ',', or XLSX) into rows of text, keyed by the Danish
 * header of line 1. Empty lines are skipped; each row keeps its line number in the file.
 */
export async function readDepartmentFile(
  filename: string,
  data: Buffer,
): Promise<{ rows: DepartmentImportRow[]; problems: FileProblem[] }> {
  const lower = filename.trim().toLowerCase();
  if (!lower.endsWith('.xlsx') && !lower.endsWith('.csv'))
    return { rows: [], problems: [fileProblem('file_type')] };
  const table = await readTable(lower, data);
  if (!table) return { rows: [], problems: [fileProblem('file_type')] };

  const headerLine = table[0]?.line === 1 ? table[0] : undefined;
  const header = (headerLine?.cells ?? []).map((h) => h.trim());
  const problems: FileProblem[] = [];
  const fieldAt: (ImportField | undefined)[] = [];
  const seen = new Set<ImportField>();
  header.forEach((h, col) => {
    if (h === '') return;
    const field = DEPARTMENT_COLUMNS[h.toLowerCase()];
    if (!field) problems.push({ line: 1, field: h, code: 'unknown_column' });
    else if (seen.has(field)) problems.push({ line: 1, field: h, code: 'duplicate_column' });
    else {
      seen.add(field);
      fieldAt[col] = field;
    }
  });

  const rows: DepartmentImportRow[] = [];
  for (const { line, cells } of table) {
    if (line === 1) continue;
    if (cells.every((v) => (v ?? '').trim() === '')) continue;
    const row: DepartmentImportRow = {
      line,
      organisation: '',
      number: '',
      name: '',
      address: '',
      family: '',
      youth: '',
      elderly: '',
      alternative: '',
      turnoverPercent: '',
    };
    fieldAt.forEach((field, col) => {
      if (field) row[field] = (cells[col] ?? '').trim();
    });
    rows.push(row);
  }
  if (rows.length === 0) problems.push(fileProblem('no_rows'));
  if (rows.length > MAX_DEPARTMENT_ROWS) problems.push(fileProblem('too_many_rows'));
  return { rows, problems };
}

/** Largest value of a Postgres int column. */
const MAX_UNITS = 2_147_483_647;

/** A decimal written with '.' or ',' (Danish "7,5"), optionally signed and with a trailing '%'. */
export function decimal(text: string): number | undefined {
  const t = text.replace(/\s*%$/, '').trim();
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * One department row to a department, or its problems (field names as in DepartmentImportRow).
 * Unit counts are whole numbers ≥ 0 (empty = 0); the turnover percent is required, 0–100.
 */
export function parseDepartmentRow(row: DepartmentImportRow): {
  value?: {
    organisation: string;
    number: string;
    name: string;
    address: string | null;
    units: UnitCounts;
    turnoverPercent: number;
  };
  problems: FileProblem[];
} {
  const problems: FileProblem[] = [];
  const problem = (field: string, code: string) => problems.push({ line: row.line, field, code });

  const text = (field: 'organisation' | 'number' | 'name', max: number) => {
    const v = (row[field] ?? '').trim();
    if (v === '') problem(field, 'required');
    else if (v.length > max) problem(field, 'too_long');
    return v;
  };
  const organisation = text('organisation', 200);
  const number = text('number', 20);
  const name = text('name', 200);

  // Whole numbers only, without separators: "1.000" could mean one or a thousand.
  const count = (field: UnitType) => {
    const v = (row[field] ?? '').trim();
    if (v === '') return 0;
    if (!/^[-+]?\d+$/.test(v)) {
      problem(field, 'invalid');
      return 0;
    }
    const n = Number(v);
    if (n < 0) problem(field, 'too_small');
    else if (n > MAX_UNITS) problem(field, 'too_big');
    return n === 0 ? 0 : n;
  };
  const units: UnitCounts = {
    family: count('family'),
    youth: count('youth'),
    elderly: count('elderly'),
    alternative: count('alternative'),
  };

  const turnoverText = (row.turnoverPercent ?? '').trim();
  const turnover = decimal(turnoverText);
  if (turnoverText === '') problem('turnoverPercent', 'required');
  else if (turnover === undefined) problem('turnoverPercent', 'invalid');
  else if (turnover < 0) problem('turnoverPercent', 'too_small');
  else if (turnover > 100) problem('turnoverPercent', 'too_big');

  if (problems.length > 0 || turnover === undefined) return { problems };
  const address = (row.address ?? '').trim();
  return {
    value: {
      organisation,
      number,
      name,
      address: address === '' ? null : address,
      units,
      // The column holds two decimals.
      turnoverPercent: Math.round(turnover * 100) / 100,
    },
    problems,
  };
}
