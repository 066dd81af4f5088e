/**
 * Prevention files (issue 6): the letter offering help to a tenant in rent arrears as an A4 PDF in
 * Danish, and the monitoring report as XLSX. Pure functions of their input: no database, no network,
 * no DOM. Fonts, rendering, the letter's layout, Danish formats and the workbook's tables are the
 * shared ones of documents/documents.ts.
 */
import type { Content } from 'pdfmake/interfaces';
import type { MonitoringReport } from '../../../shared/prevention/api';
import type { ReportedCountAt } from '../../../shared/suppression';
import {
  danishDate,
  INTEGER_FORMAT,
  kroner,
  letterDocument,
  newWorkbook,
  paragraph,
  renderPdf,
  section,
  sheetTitle,
  styleHeaderRow,
  toBuffer,
  writeTable,
} from '../../platform/documents';

// ---------------------------------------------------------------------------------------------
// Danish month names

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

  return renderPdf(
    letterDocument({
      municipality,
      citizen,
      date: input.date,
      signedBy: workerName,
      title: HELP_LETTER_TITLE,
      body,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Monitoring XLSX

const DECIMAL_FORMAT = '#,##0.0';
const PERCENT_FORMAT = '0.0%';

/** Each sheet: the title in row 1, the table's headers in row 3. */
const TABLE_HEADER_ROW = 3;

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

  const workbook = await newWorkbook(title);

  const months = workbook.addWorksheet('Måneder');
  sheetTitle(months, title);
  writeTable(
    months,
    [
      { header: 'Måned', width: 18 },
      { header: 'Underretninger', width: 15, numFmt: INTEGER_FORMAT },
      { header: 'Med børn', width: 12, numFmt: INTEGER_FORMAT },
      { header: 'Udsat', width: 10, numFmt: INTEGER_FORMAT },
      { header: 'Afværget', width: 10, numFmt: INTEGER_FORMAT },
    ],
    report.months.map((m) => [danishMonth(m.month), m.notices, m.withChildren, m.evicted, m.averted]),
    { headerRow: TABLE_HEADER_ROW },
  );

  const organisations = workbook.addWorksheet('Boligorganisationer');
  sheetTitle(organisations, title);
  writeTable(
    organisations,
    [
      { header: 'Boligorganisation', width: 40 },
      { header: 'Underretninger', width: 15, numFmt: INTEGER_FORMAT },
      { header: 'Udsat', width: 10, numFmt: INTEGER_FORMAT },
    ],
    report.byOrganisation.map((o) => [o.organisationName ?? NO_ORGANISATION, o.notices, o.evicted]),
    { headerRow: TABLE_HEADER_ROW },
  );

  const departments = workbook.addWorksheet('Afdelinger');
  sheetTitle(departments, title);
  const lastDepartmentRow = writeTable(
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
    { headerRow: TABLE_HEADER_ROW },
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
  const header = keyFigures.getRow(TABLE_HEADER_ROW);
  header.values = ['Nøgletal', 'Værdi'];
  styleHeaderRow(header);
  const median = report.medianDaysToOutcome;
  // Counts as the reader may see them: "<limit" and "x" where suppressed (rule 33).
  const figures: [string, ReportedCountAt | null, string, string?][] = [
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
    const row = keyFigures.getRow(TABLE_HEADER_ROW + 1 + i);
    row.values = note ? [label, value, note] : [label, value];
    row.getCell(2).numFmt = numFmt;
  });

  return toBuffer(workbook);
}
