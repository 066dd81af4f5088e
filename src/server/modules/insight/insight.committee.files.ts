/**
 * The committee report (issue 18 §5) as PDF (charts with their tables) and XLSX (the numbers, one
 * sheet per part). Pure functions of the report: no database, no network, no DOM. In Danish, the
 * committee's language.
 */
import type ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ChartSeries } from '../../../shared/chart-layout';
import type { CommitteeReport } from '../../../shared/insight/committee';
import type { ReportedValue } from '../../../shared/insight/indicators';
import type { ReportedScenario } from '../../../shared/planning/api';
import type { Band } from '../../../shared/planning/simulate';
import type { ReportedCount } from '../../../shared/suppression';
import {
  type Column,
  danishDate,
  danishNumber,
  newWorkbook,
  pdfBarChart,
  renderPdf,
  toBuffer,
  writeTable,
} from '../../platform/documents';
import { INDICATOR_TEXT, isShareKey, suppressionNote, VALUE_TEXT } from './insight.committee.labels';

export const COMMITTEE_TITLE = 'Status på hjemløsheden til Socialudvalget';

/** A figure as the report writes it: a number, a share in per cent, "<limit", "x" or a dash. */
export function figureText(value: ReportedValue | undefined, share = false): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  return share ? `${danishNumber(value * 100, 1)} %` : danishNumber(value, Number.isInteger(value) ? 0 : 1);
}

/** A figure for a chart: only shown numbers are drawn. */
const drawn = (value: ReportedCount) => (typeof value === 'number' ? value : null);

const monthText = (monthEnd: string) => `${monthEnd.slice(5, 7)}.${monthEnd.slice(0, 4)}`;

const METHOD_TEXT = { cti: 'CTI', icm: 'ICM', act: 'ACT' } as const;

/** What a planning scenario changes against the baseline, in the committee's Danish (issue 19 §3). */
export function scenarioChanges(scenario: ReportedScenario): string {
  const s = scenario.scenario;
  const changes = [
    ...Object.entries(s.quotaPercent ?? {}).map(
      ([id, quota]) => `kvote hos ${scenario.organisationNames[id] ?? '–'} ${danishNumber(quota, 1)} %`,
    ),
    ...(s.builds ?? []).map(
      (b) =>
        `${danishNumber(b.units)} nye boliger klar ${danishDate(b.readyDate)} (${danishNumber(b.allocationPercent, 0)} % til kommunen)`,
    ),
    ...Object.entries(s.staffing ?? {}).flatMap(([method, staffing]) =>
      staffing
        ? [
            `${METHOD_TEXT[method as keyof typeof METHOD_TEXT]}: ${[
              staffing.fte === undefined ? null : `${danishNumber(staffing.fte, 1)} årsværk`,
              staffing.caseloadNorm == null ? null : `norm ${danishNumber(staffing.caseloadNorm)} borgere`,
            ]
              .filter(Boolean)
              .join(', ')}`,
          ]
        : [],
    ),
    ...(s.shelterStayMonths === undefined
      ? []
      : [`gennemsnitligt ophold på § 110-boform ${danishNumber(s.shelterStayMonths, 1)} måneder`]),
    ...(s.preventionSuccessPercent === undefined
      ? []
      : [`${danishNumber(s.preventionSuccessPercent, 0)} % af udsættelsestruede undgår hjemløshed`]),
  ];
  const changed = changes.length === 0 ? 'ingen ændringer (basis)' : changes.join('; ');
  return `${danishNumber(s.years)} år frem fra ${scenario.fittedUpTo ? danishDate(scenario.fittedUpTo) : '–'}: ${changed}.`;
}

/** A forecast band as the report writes it: the mean and the 80 % band, "38 (34–42)". */
const bandText = (band: Band | null | undefined, decimals = 0) =>
  band
    ? `${danishNumber(band.mean, decimals)} (${danishNumber(band.low, decimals)}–${danishNumber(band.high, decimals)})`
    : '–';

/** The planning scenarios' rows: one per scenario and forecast year. */
function planningRows(report: CommitteeReport): string[][] {
  return report.planning.flatMap((scenario) =>
    scenario.years.map((y) => [
      `${scenario.name}, år ${y.year}`,
      bandText(y.waiting),
      bandText(y.waitingMonths, 1),
      y.countWeek6 ? bandText(y.countWeek6.homeless) : '–',
      danishNumber(y.lettings),
      danishNumber(y.shelterDays),
      danishNumber(y.netCost),
    ]),
  );
}

/** The rows of every table, shared by the PDF and the workbook. */
function tables(report: CommitteeReport) {
  const indicators = report.indicators.flatMap((indicator) =>
    Object.entries(indicator.values).map(([key, value]) => [
      `${INDICATOR_TEXT[indicator.key]}, ${VALUE_TEXT[key] ?? key}`,
      figureText(value, isShareKey(key)),
      figureText(indicator.n),
    ]),
  );
  const flow = report.flow.map((m) => [
    monthText(m.monthEnd),
    figureText(m.active),
    figureText(m.inflow),
    figureText(m.outflow),
  ]);
  const counts = report.counts.map((c) => [
    String(c.year),
    figureText(c.total),
    figureText(c.youth18to29),
    c.national === null ? '–' : danishNumber(c.national),
  ]);
  const youth = report.youth.map((y) => [
    String(y.year),
    figureText(y.homeless18to24),
    figureText(y.homeless25to29),
    figureText(y.formerlyPlaced),
    figureText(y.decisionsOnTime),
    figureText(y.decisionsLate),
    figureText(y.transitionsWithPlan),
    figureText(y.transitionsWithoutPlan),
  ]);
  const p = report.prevention;
  const prevention = [
    ['Påkrav og varsler modtaget', figureText(p.notices)],
    ['Sager', figureText(p.cases)],
    ['Udsættelse afværget', figureText(p.averted)],
    ['Fraflyttet', figureText(p.moved)],
    ['Udsat (fogedforretning gennemført)', figureText(p.evicted)],
    ['Uden afslutning endnu', figureText(p.open)],
  ];
  const waiting = [
    [`I dag (${danishDate(report.madeOn)})`, figureText(report.waitingList.now)],
    ...report.waitingList.snapshots.map((s) => [
      `${s.label} (${danishDate(s.takenOn)})`,
      figureText(s.total),
    ]),
  ];
  return { indicators, flow, counts, youth, prevention, waiting };
}

const INDICATOR_COLUMNS: Column[] = [
  { header: 'Indikator', width: 56 },
  { header: 'Værdi', width: 14 },
  { header: 'Grundlag (n)', width: 14 },
];
const FLOW_COLUMNS: Column[] = [
  { header: 'Måned', width: 12 },
  { header: 'Aktive ved månedens udgang', width: 16 },
  { header: 'Tilgang', width: 12 },
  { header: 'Afgang', width: 12 },
];
const COUNT_COLUMNS: Column[] = [
  { header: 'År (uge 6)', width: 12 },
  { header: 'Hjemløse i alt', width: 14 },
  { header: 'Heraf 18–29 år', width: 14 },
  { header: 'Hele landet', width: 14 },
];
const YOUTH_COLUMNS: Column[] = [
  { header: 'År', width: 8 },
  { header: 'Hjemløse 18–24 år', width: 14 },
  { header: 'Hjemløse 25–29 år', width: 14 },
  { header: 'Heraf tidligere anbragt', width: 14 },
  { header: '§ 111-afgørelser til tiden', width: 14 },
  { header: '§ 111-afgørelser for sent', width: 14 },
  { header: 'Fyldt 18 med boligplan', width: 14 },
  { header: 'Fyldt 18 uden boligplan', width: 14 },
];
const PLANNING_COLUMNS: Column[] = [
  { header: 'Scenarie og år', width: 40 },
  { header: 'Venteliste ved årets udgang', width: 16 },
  { header: 'Forventet ventetid (måneder)', width: 16 },
  { header: 'Hjemløse ved tællingen i uge 6', width: 16 },
  { header: 'Udlejninger i året', width: 14 },
  { header: 'Herbergsdøgn i året', width: 14 },
  { header: 'Nettoudgift i året (kr.)', width: 16 },
];
const PLANNING_NOTE =
  'Fremskrivningerne er modellens forventning med et usikkerhedsbånd (10.–90. percentil af 1.000 ' +
  'simulerede forløb) ud fra kommunens egne data for de seneste to år; de er ikke optællinger af personer.';
const TWO_COLUMNS = (first: string): Column[] => [
  { header: first, width: 44 },
  { header: 'Antal', width: 14 },
];

/** A cell of a workbook: numbers as numbers (so they add up), "<limit", "x" and "–" as text. */
const cell = (text: string, value?: ReportedValue) => (typeof value === 'number' ? value : text);

/** The committee report as an XLSX workbook: one sheet per part, the numbers as numbers. */
export async function renderCommitteeXlsx(report: CommitteeReport): Promise<Buffer> {
  const workbook = await newWorkbook(`${COMMITTEE_TITLE} – ${report.municipality}`);
  const t = tables(report);
  const sheet = (name: string, columns: Column[], rows: ExcelJS.CellValue[][]) => {
    const ws = workbook.addWorksheet(name);
    writeTable(ws, columns, rows, { headerRow: 3 });
    ws.getCell(1, 1).value =
      `${COMMITTEE_TITLE} – ${report.municipality}, ${danishDate(report.from)}–${danishDate(report.to)}`;
    ws.getCell(1, 1).font = { bold: true };
    return ws;
  };
  const intro = workbook.addWorksheet('Indledning');
  intro.getColumn(1).width = 100;
  intro.getCell(1, 1).value = `${COMMITTEE_TITLE} – ${report.municipality}`;
  intro.getCell(1, 1).font = { bold: true, size: 14 };
  intro.getCell(2, 1).value =
    `Periode: ${danishDate(report.from)}–${danishDate(report.to)}. Udarbejdet ${danishDate(report.madeOn)}.`;
  intro.getCell(4, 1).value = report.introduction.text || 'Der er ikke skrevet en indledning.';
  intro.getCell(4, 1).alignment = { wrapText: true, vertical: 'top' };
  intro.getCell(6, 1).value = suppressionNote(report.suppressionLimit);
  intro.getCell(6, 1).alignment = { wrapText: true };
  sheet(
    'Indikatorer',
    INDICATOR_COLUMNS,
    report.indicators.flatMap((indicator) =>
      Object.entries(indicator.values).map(([key, value]) => [
        `${INDICATOR_TEXT[indicator.key]}, ${VALUE_TEXT[key] ?? key}`,
        typeof value === 'number' && isShareKey(key)
          ? figureText(value, true)
          : cell(figureText(value), value),
        cell(figureText(indicator.n), indicator.n),
      ]),
    ),
  );
  sheet(
    'Flow',
    FLOW_COLUMNS,
    report.flow.map((m) => [
      monthText(m.monthEnd),
      cell(figureText(m.active), m.active),
      cell(figureText(m.inflow), m.inflow),
      cell(figureText(m.outflow), m.outflow),
    ]),
  );
  sheet(
    'Tællinger',
    COUNT_COLUMNS,
    report.counts.map((c) => [
      c.year,
      cell(figureText(c.total), c.total),
      cell(figureText(c.youth18to29), c.youth18to29),
      c.national,
    ]),
  );
  sheet(
    'Unge',
    YOUTH_COLUMNS,
    report.youth.map((y) => [
      y.year,
      ...[
        y.homeless18to24,
        y.homeless25to29,
        y.formerlyPlaced,
        y.decisionsOnTime,
        y.decisionsLate,
        y.transitionsWithPlan,
        y.transitionsWithoutPlan,
      ].map((v) => cell(figureText(v), v)),
    ]),
  );
  const p = report.prevention;
  sheet(
    'Udsættelser',
    TWO_COLUMNS('Udsættelsessager i perioden'),
    t.prevention.map(([label, text], i) => [
      label ?? '',
      cell(text ?? '', [p.notices, p.cases, p.averted, p.moved, p.evicted, p.open][i]),
    ]),
  );
  sheet('Venteliste', TWO_COLUMNS('Boligsocial venteliste'), [
    [t.waiting[0]?.[0] ?? '', cell(figureText(report.waitingList.now), report.waitingList.now)],
    ...report.waitingList.snapshots.map((s, i) => [
      t.waiting[i + 1]?.[0] ?? '',
      cell(figureText(s.total), s.total),
    ]),
  ]);
  const decimals = '#,##0.0';
  sheet(
    'Planlægning',
    [
      { header: 'Scenarie', width: 36 },
      { header: 'År', width: 8 },
      { header: 'Årets udgang', width: 12 },
      { header: 'Venteliste (forventet)', width: 14, numFmt: decimals },
      { header: 'Venteliste 10. percentil', width: 14, numFmt: decimals },
      { header: 'Venteliste 90. percentil', width: 14, numFmt: decimals },
      { header: 'Ventetid (måneder)', width: 12, numFmt: decimals },
      { header: 'Hjemløse ved uge 6 (forventet)', width: 14, numFmt: decimals },
      { header: 'Udlejninger', width: 12, numFmt: decimals },
      { header: 'Herbergsdøgn', width: 12, numFmt: decimals },
      { header: 'Nettoudgift (kr.)', width: 16, numFmt: decimals },
      { header: 'Ændringer', width: 80 },
    ],
    report.planning.flatMap((scenario) =>
      scenario.years.map((y) => [
        scenario.name,
        `År ${y.year}`,
        danishDate(y.yearEnd),
        y.waiting.mean,
        y.waiting.low,
        y.waiting.high,
        y.waitingMonths?.mean ?? null,
        y.countWeek6?.homeless.mean ?? null,
        y.lettings,
        y.shelterDays,
        y.netCost,
        scenarioChanges(scenario),
      ]),
    ),
  );
  return toBuffer(workbook);
}

/** A table for the PDF: a header row and right-aligned figures after the first column. */
function pdfTable(columns: Column[], rows: string[][], empty: string): Content {
  const header: TableCell[] = columns.map((c, i) => ({
    text: c.header,
    style: 'tableHeader',
    alignment: i > 0 ? ('right' as const) : ('left' as const),
  }));
  const body: TableCell[][] =
    rows.length === 0
      ? [[{ text: empty, colSpan: columns.length, italics: true }, ...columns.slice(1).map(() => '')]]
      : rows.map((r) =>
          r.map((text, i) => ({ text, alignment: i > 0 ? ('right' as const) : ('left' as const) })),
        );
  return {
    table: {
      headerRows: 1,
      widths: columns.map((_, i) => (i === 0 ? '*' : 'auto')),
      body: [header, ...body],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
    margin: [0, 4, 0, 12],
  };
}

/** The committee report as an A4 PDF: headings, the introduction, charts with their tables. */
export async function renderCommitteePdf(report: CommitteeReport): Promise<Buffer> {
  const t = tables(report);
  const flowSeries: ChartSeries[] = [
    { key: 'active', label: 'Aktive', values: report.flow.map((m) => drawn(m.active)) },
    { key: 'inflow', label: 'Tilgang', values: report.flow.map((m) => drawn(m.inflow)) },
    { key: 'outflow', label: 'Afgang', values: report.flow.map((m) => drawn(m.outflow)) },
  ];
  const countSeries: ChartSeries[] = [
    { key: 'total', label: 'Hjemløse i alt', values: report.counts.map((c) => drawn(c.total)) },
    { key: 'youth', label: 'Heraf 18–29 år', values: report.counts.map((c) => drawn(c.youth18to29)) },
  ];
  const h = (text: string): Content => ({ text, style: 'section' });
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    info: { title: `${COMMITTEE_TITLE} – ${report.municipality}` },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      section: { fontSize: 13, bold: true, margin: [0, 14, 0, 4] },
      tableHeader: { bold: true },
      note: { fontSize: 8, italics: true },
    },
    footer: (page, pages) => ({ text: `Side ${page} af ${pages}`, alignment: 'center', fontSize: 8 }),
    content: [
      { text: COMMITTEE_TITLE, style: 'title' },
      {
        text: `${report.municipality} · Periode ${danishDate(report.from)}–${danishDate(report.to)} · Udarbejdet ${danishDate(report.madeOn)}`,
      },
      h('Indledning'),
      { text: report.introduction.text || 'Der er ikke skrevet en indledning.' },
      h('Hjemløshedsindikatorer'),
      pdfTable(INDICATOR_COLUMNS, t.indicators, 'Ingen indikatorer i perioden.'),
      h('Det månedlige flow på den navngivne liste'),
      ...(report.flow.length > 0
        ? [pdfBarChart({ labels: report.flow.map((m) => monthText(m.monthEnd)), series: flowSeries })]
        : []),
      pdfTable(FLOW_COLUMNS, t.flow, 'Ingen måneder i perioden.'),
      h('Hjemløsetællingerne i uge 6'),
      ...(report.counts.length > 0
        ? [pdfBarChart({ labels: report.counts.map((c) => String(c.year)), series: countSeries })]
        : []),
      pdfTable(COUNT_COLUMNS, t.counts, 'Kommunen har ikke afsluttet en tælling endnu.'),
      h('Initiativ 1: Unges overgang til voksenlivet'),
      pdfTable(YOUTH_COLUMNS, t.youth, 'Ingen år i perioden.'),
      h('Initiativ 2: Forebyggelse af udsættelser'),
      pdfTable(TWO_COLUMNS('Udsættelsessager i perioden'), t.prevention, ''),
      h('Initiativ 3: Boligforsyning og den boligsociale venteliste'),
      pdfTable(
        INDICATOR_COLUMNS,
        t.indicators.filter(
          (row) =>
            row[0]?.startsWith(INDICATOR_TEXT.agreementUnits) ||
            row[0]?.startsWith(INDICATOR_TEXT.waitingApprovalToOffer),
        ),
        'Ingen tal i perioden.',
      ),
      pdfTable(TWO_COLUMNS('Ventelisten ved budgetopfølgningerne'), t.waiting, ''),
      ...(report.planning.length > 0
        ? [
            h('Planlægning: fremskrivninger'),
            ...report.planning.map(
              (scenario): Content => ({
                text: [{ text: `${scenario.name}: `, bold: true }, scenarioChanges(scenario)],
                margin: [0, 0, 0, 4],
              }),
            ),
            pdfBarChart({
              labels: (report.planning[0]?.years ?? []).map((y) => `Venteliste, år ${y.year}`),
              series: report.planning.map((scenario, i) => ({
                key: `scenario-${i}`,
                label: scenario.name,
                values: scenario.years.map((y) => Math.round(y.waiting.mean)),
              })),
            }),
            pdfTable(PLANNING_COLUMNS, planningRows(report), ''),
            { text: PLANNING_NOTE, style: 'note' },
          ]
        : []),
      { text: suppressionNote(report.suppressionLimit), style: 'note', margin: [0, 12, 0, 0] },
    ],
  };
  return renderPdf(doc);
}
