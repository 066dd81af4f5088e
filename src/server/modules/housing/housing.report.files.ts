/**
 * The dialogue-meeting report (issue 4 §4) as XLSX and PDF. Pure functions of their input: no
 * database, no network, no DOM.
 */
import type ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  type Column,
  danishDate,
  danishNumber,
  INTEGER_FORMAT,
  newWorkbook,
  nonEmpty,
  renderPdf,
  toBuffer,
  writeTable,
} from '../../platform/documents';
import { areaStatusLabel, ONE_DECIMAL_FORMAT } from './housing.labels';
import type { DialogueReport } from './housing.types';

/** Shown when the allocation module does not yet record vacancies. */
export const NO_VACANCY_DATA_NOTE =
  'Modtagne og anvendte boliger registreres i anvisningsmodulet; indtil da står tallene på 0.';

const EXPECTED_EXPLANATION =
  'Forventet: kommunens andel af de forventede fraflytninger i perioden ' +
  '(boliger × fraflytningsprocent × anvisningsprocent, forholdsmæssigt for periodens dage).';

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

const periodText = (report: DialogueReport) => `${danishDate(report.from)}–${danishDate(report.to)}`;

const authorityText = (report: DialogueReport) =>
  nonEmpty(report.municipality.name, report.municipality.authority).join(', ');

/** Why units went back unused, in the reports' Danish (codes from the allocation module). */
const RETURN_REASON_TEXT: Record<string, string> = {
  no_candidate: 'Ingen egnet ansøger',
  declined_by_all: 'Afslået af alle tilbudte',
  deadline_passed: 'Fristen for anvisning udløb',
  unit_unsuitable: 'Boligen var ikke egnet',
  other: 'Anden grund',
};
const reasonText = (reason: string) => RETURN_REASON_TEXT[reason] ?? reason;

const REPORT_COLUMNS: Column[] = [
  { header: 'Afdelingsnr.', width: 14 },
  { header: 'Afdeling', width: 34 },
  { header: 'Områdestatus', width: 24 },
  { header: 'Forventet', width: 12, numFmt: ONE_DECIMAL_FORMAT },
  { header: 'Modtaget', width: 12, numFmt: INTEGER_FORMAT },
  { header: 'Anvendt', width: 12, numFmt: INTEGER_FORMAT },
  { header: 'Returneret ubrugt', width: 18, numFmt: INTEGER_FORMAT },
  { header: 'Dage tom', width: 12, numFmt: INTEGER_FORMAT },
  { header: 'Tomgangsleje (kr.)', width: 18, numFmt: INTEGER_FORMAT },
];

const EMPTY_RENT_EXPLANATION =
  'Tomgangsleje: den husleje, kommunen betaler, mens en bolig, der er stillet til rådighed i perioden, ' +
  'står tom – fra ledig fra-datoen til tilbuddet er accepteret, boligen er leveret tilbage eller til i dag.';

/** The dialogue-meeting report as an XLSX workbook with one sheet, "Dialogmøde". */
export async function renderReportXlsx(report: DialogueReport): Promise<Buffer> {
  const workbook = await newWorkbook(`Dialogmøde – ${report.organisation.name}`);
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
      d.emptyDays,
      d.emptyRent,
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
    report.totals.emptyDays,
    report.totals.emptyRent,
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
  fullWidth(next++, EMPTY_RENT_EXPLANATION, { italic: true, size: 9 }).height = 30;
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
            { text: 'Organisationen har ingen afdelinger i perioden.', colSpan: 9, italics: true },
            '',
            '',
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
          num(d.emptyDays),
          num(d.emptyRent),
        ]);
  const totalsRow: TableCell[] = [
    { text: 'I alt', bold: true, colSpan: 3 },
    '',
    '',
    { ...dec(report.totals.expected), bold: true },
    { ...num(report.totals.received), bold: true },
    { ...num(report.totals.used), bold: true },
    { ...num(report.totals.returnedUnused), bold: true },
    { ...num(report.totals.emptyDays), bold: true },
    { ...num(report.totals.emptyRent), bold: true },
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
          widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
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
      { text: EMPTY_RENT_EXPLANATION, style: 'note', color: '#555555', margin: [0, 6, 0, 0] },
    ],
  };
  return renderPdf(doc);
}
