/**
 * Allocation files (issue 5): the letters to the citizen as A4 PDFs in Danish (offer of a unit, and the
 * decision on an application: approved, rejected, information missing) and the waiting list as XLSX.
 * Pure functions of their input: no database, no network, no DOM.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import type { Priority, RefusalConsequence, TargetGround } from '../../../shared/allocation/model';
import {
  HOUSEHOLD_SIZES,
  PRIORITIES,
  TARGET_GROUNDS,
  WAITING_AGE_BANDS,
  WAITING_BANDS,
} from '../../../shared/allocation/model';
import type { UnitType } from '../../../shared/housing/supply';

export interface LetterMunicipality {
  name: string;
  authority: string;
  address?: string | null;
}

export interface LetterCitizen {
  name: string;
  address: string | null;
}

// ---------------------------------------------------------------------------------------------
// Danish labels and formatting

const UNIT_TYPE_LABEL: Record<UnitType, string> = {
  family: 'familiebolig',
  youth: 'ungdomsbolig',
  elderly: 'ældre- og handicapbolig',
  alternative: 'skæv bolig',
};

const PRIORITY_LABEL: Record<Priority, string> = { acute: 'Akut', high: 'Høj', normal: 'Almindelig' };

const TARGET_GROUND_LABEL: Record<TargetGround, string> = {
  special_social: 'Særlige sociale problemer',
  reduced_function: 'Nedsat fysisk eller psykisk funktionsevne',
};

const WAITING_STATUS_LABEL: Record<'approved' | 'paused', string> = {
  approved: 'Godkendt – på venteliste',
  paused: 'På pause',
};

const AGE_BAND_LABEL: Record<string, string> = {
  under18: 'Under 18',
  '18-24': '18–24',
  '25-29': '25–29',
  '30-39': '30–39',
  '40-49': '40–49',
  '50-59': '50–59',
  '60+': '60+',
};

const HOUSEHOLD_SIZE_LABEL: Record<string, string> = {
  '1': '1 person',
  '2': '2 personer',
  '3': '3 personer',
  '4+': '4 eller flere',
};

const WAITING_BAND_LABEL: Record<string, string> = {
  '0-3m': 'Under 3 måneder',
  '3-6m': '3–6 måneder',
  '6-12m': '6–12 måneder',
  '12m+': 'Over 12 måneder',
};

/** What reaching the refusal limit leads to, as the end of "Afslår du …, <consequence>." */
const CONSEQUENCE_TEXT: Record<RefusalConsequence, string> = {
  warn: 'får du en advarsel',
  pause: 'bliver du sat på pause på ventelisten',
  remove: 'bliver du fjernet fra ventelisten',
};

const LEGAL_BASIS_OFFER = 'Boligen anvises efter almenboligloven § 59, stk. 1 (kommunal anvisning).';

const APPEAL_GUIDANCE =
  'Du kan klage over afgørelsen. Klagen skal sendes til kommunen inden 4 uger efter, at du har modtaget ' +
  'dette brev. Kommunen genvurderer sagen, og fastholder vi afgørelsen, sender vi klagen videre til den ' +
  'myndighed, der behandler klagen.';

const APPEAL_HELP = 'Kontakt os, hvis du vil have hjælp til at klage.';

/** åååå-mm-dd → dd.mm.åååå (other text unchanged). Local twin of the one in housing.files.ts. */
function danishDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** A number as Danes write it (5.250 / 78,5), with at most `maxDecimals` decimals. */
const danishNumber = (n: number, minDecimals = 0, maxDecimals = minDecimals) =>
  n.toLocaleString('da-DK', { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });

/** Kroner: whole kroner without decimals ("5.250 kr."), øre with two ("5.250,50 kr."). */
const kroner = (n: number) => `${danishNumber(n, Number.isInteger(n) ? 0 : 2)} kr.`;

const nonEmpty = (...lines: (string | null | undefined)[]) =>
  lines.filter((l): l is string => typeof l === 'string' && l.trim() !== '');

// ---------------------------------------------------------------------------------------------
// PDF letters

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

interface LetterBase {
  municipality: LetterMunicipality;
  citizen: LetterCitizen;
  date: string;
  officerName: string;
}

/** An A4 letter: recipient and sender side by side, the title, the body and the officer's sign-off. */
function letter(base: LetterBase, title: string, body: Content[]): TDocumentDefinitions {
  const { municipality, citizen } = base;
  const sender = nonEmpty(municipality.name, municipality.authority, municipality.address);
  return {
    pageSize: 'A4',
    pageMargins: [56, 48, 56, 48],
    language: 'da-DK',
    info: {
      title,
      author: nonEmpty(municipality.name, municipality.authority).join(', '),
      creator: 'Hjemvej',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 28, 0, 10] },
      section: { fontSize: 11, bold: true, margin: [0, 8, 0, 3] },
      paragraph: { margin: [0, 0, 0, 6] },
      label: { bold: true },
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
              ...sender.map((line, i) => (i === 0 ? { text: line, bold: true } : { text: line })),
              { text: `Dato: ${danishDate(base.date)}`, margin: [0, 8, 0, 0] },
            ],
          },
        ],
        columnGap: 24,
      },
      { text: title, style: 'title' },
      { text: `Kære ${base.citizen.name}`, style: 'paragraph' },
      ...body,
      {
        stack: [
          { text: 'Med venlig hilsen', margin: [0, 16, 0, 4] },
          ...nonEmpty(base.officerName, municipality.authority, municipality.name),
        ],
        unbreakable: true,
      },
    ],
  };
}

const paragraph = (text: string): Content => ({ text, style: 'paragraph' });
const section = (text: string): Content => ({ text, style: 'section' });

/** Offer letter (tilbud om bolig), Danish. */
export function renderOfferLetter(input: {
  municipality: LetterMunicipality;
  citizen: LetterCitizen;
  /** Letter date, åååå-mm-dd. */
  date: string;
  officerName: string;
  unit: {
    address: string;
    organisationName: string;
    departmentName: string;
    unitType: UnitType;
    rooms: number;
    areaM2: number;
    rent: number;
    utilities: number;
    deposit: number;
    accessible: boolean;
    availableOn: string;
  };
  /** Reply deadline, åååå-mm-dd. */
  replyBy: string;
  refusalPolicy: { limit: number; consequence: RefusalConsequence; noReplyCountsAsRefusal: boolean };
}): Promise<Buffer> {
  const { unit, refusalPolicy } = input;
  const replyBy = danishDate(input.replyBy);
  const fact = (label: string, value: string): TableCell[] => [{ text: label, style: 'label' }, value];
  const facts: TableCell[][] = [
    fact('Adresse', unit.address),
    fact('Boligorganisation', unit.organisationName),
    fact('Afdeling', unit.departmentName),
    fact('Boligtype', UNIT_TYPE_LABEL[unit.unitType]),
    fact('Værelser', danishNumber(unit.rooms)),
    fact('Areal', `${danishNumber(unit.areaM2, 0, 2)} m²`),
    fact('Husleje pr. måned', kroner(unit.rent)),
    fact('Aconto (varme, vand m.m.) pr. måned', kroner(unit.utilities)),
    fact('I alt pr. måned', kroner(Math.round((unit.rent + unit.utilities) * 100) / 100)),
    fact('Indskud/depositum', kroner(unit.deposit)),
    fact('Tilgængelig bolig', unit.accessible ? 'ja' : 'nej'),
    fact('Ledig fra', danishDate(unit.availableOn)),
  ];
  const times = refusalPolicy.limit === 1 ? 'gang' : 'gange';
  const noReply = refusalPolicy.noReplyCountsAsRefusal
    ? `Svarer du ikke senest ${replyBy}, tæller det som et afslag uden rimelig grund.`
    : `Svarer du ikke senest ${replyBy}, bortfalder tilbuddet. Det tæller ikke som et afslag.`;

  const body: Content[] = [
    paragraph(
      'Du er godkendt til boligsocial anvisning, og kommunen kan nu tilbyde dig denne bolig. ' +
        'Læs brevet, og giv os dit svar inden fristen.',
    ),
    section('Boligen'),
    {
      table: { widths: [190, '*'], body: facts },
      layout: {
        hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
        vLineWidth: () => 0,
        hLineColor: () => '#BBBBBB',
      },
      margin: [0, 0, 0, 12],
    },
    {
      table: {
        widths: ['*'],
        body: [[{ text: `Svar senest ${replyBy}`, fontSize: 14, bold: true, margin: [8, 6, 8, 6] }]],
      },
      layout: { fillColor: () => '#EEF2F7', hLineColor: () => '#1F3A5F', vLineColor: () => '#1F3A5F' },
      margin: [0, 0, 0, 12],
    },
    section('Sådan svarer du'),
    paragraph(
      `Kontakt ${input.officerName} og sig, om du vil have boligen. Sig også til, hvis du har spørgsmål til boligen. ` +
        'Siger du ja, giver vi boligorganisationen besked, og boligorganisationen kontakter dig om lejekontrakten ' +
        'og indflytningen.',
    ),
    section('Hvis du siger nej eller ikke svarer'),
    paragraph(
      'Har du en rimelig grund til at sige nej, skal du fortælle os den, når du svarer. ' +
        `Afslår du et tilbud om bolig uden rimelig grund ${refusalPolicy.limit} ${times}, ` +
        `${CONSEQUENCE_TEXT[refusalPolicy.consequence]}.`,
    ),
    paragraph(noReply),
    { text: LEGAL_BASIS_OFFER, style: 'small', margin: [0, 8, 0, 0] },
  ];
  return renderPdf(letter(input, 'Tilbud om bolig', body));
}

/** Decision letter on an application for social housing allocation (boligsocial anvisning), Danish. */
export function renderDecisionLetter(input: {
  municipality: LetterMunicipality;
  citizen: LetterCitizen;
  /** Letter date, åååå-mm-dd. */
  date: string;
  officerName: string;
  kind: 'approved' | 'rejected' | 'needs_info';
  /** The officer's written reason, or what information is missing. */
  reason: string;
  /** For approved. */
  priority?: Priority | null;
}): Promise<Buffer> {
  let title: string;
  let body: Content[];
  switch (input.kind) {
    case 'approved':
      title = 'Afgørelse: Du er godkendt til boligsocial anvisning';
      body = [
        paragraph(
          'Vi har vurderet din ansøgning om boligsocial anvisning, og du er godkendt. ' +
            'Du er nu på kommunens venteliste.',
        ),
        ...(input.priority
          ? [paragraph(`Din sag har prioriteten: ${PRIORITY_LABEL[input.priority].toLowerCase()}.`)]
          : []),
        section('Begrundelse'),
        paragraph(input.reason),
        section('Sådan bliver boligerne fordelt'),
        paragraph(
          'Der er ikke noget nummer på ventelisten. Når der bliver en bolig ledig, vurderer kommunen, ' +
            'hvem på ventelisten der har det største og mest akutte behov for den bolig. ' +
            'Vi kontakter dig, når vi kan tilbyde dig en bolig.',
        ),
        paragraph(
          'Giv os besked, hvis din situation ændrer sig, fx hvis du flytter, eller hvis der kommer flere ' +
            'eller færre personer i din husstand.',
        ),
      ];
      break;
    case 'rejected':
      title = 'Afgørelse: Afslag på boligsocial anvisning';
      body = [
        paragraph('Vi har vurderet din ansøgning om boligsocial anvisning, og du kan ikke blive godkendt.'),
        section('Begrundelse'),
        paragraph(input.reason),
        section('Klagevejledning'),
        paragraph(APPEAL_GUIDANCE),
        paragraph(APPEAL_HELP),
      ];
      break;
    case 'needs_info':
      title = 'Vi mangler oplysninger';
      body = [
        paragraph(
          'Vi er ved at behandle din ansøgning om boligsocial anvisning, men vi mangler nogle oplysninger, ' +
            'før vi kan træffe en afgørelse.',
        ),
        section('Det mangler vi'),
        paragraph(input.reason),
        paragraph(
          'Kontakt din sagsbehandler, så vi kan få oplysningerne og behandle din ansøgning færdig. ' +
            `Du er også velkommen til at kontakte ${input.officerName}.`,
        ),
      ];
      break;
  }
  return renderPdf(letter(input, title, body));
}

// ---------------------------------------------------------------------------------------------
// Waiting list XLSX

const DATE_FORMAT = 'dd.mm.yyyy';
const INTEGER_FORMAT = '#,##0';
const MONEY_FORMAT = '#,##0.00';

/** åååå-mm-dd → a Date at UTC midnight, which exceljs writes as that day; null for no date. */
function excelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export interface WaitingListItem {
  citizenName: string;
  age: number;
  targetGrounds: TargetGround[];
  householdSize: number;
  priority: Priority;
  priorityReason: string;
  waitingSince: string;
  waitingDays: number;
  status: 'approved' | 'paused';
  pausedUntil: string | null;
  roomsMin: number;
  roomsMax: number | null;
  maxRent: number;
  refusals: number;
}

export interface WaitingListCounts {
  total: number;
  byTargetGround: Record<string, number>;
  byAgeBand: Record<string, number>;
  byHouseholdSize: Record<string, number>;
  byWaitingBand: Record<string, number>;
  byPriority: Record<string, number>;
}

const WAITING_LIST_COLUMNS: { header: string; width: number; numFmt?: string }[] = [
  { header: 'Navn', width: 28 },
  { header: 'Alder', width: 8, numFmt: INTEGER_FORMAT },
  { header: 'Målgruppe', width: 36 },
  { header: 'Personer i husstanden', width: 12, numFmt: INTEGER_FORMAT },
  { header: 'Prioritet', width: 12 },
  { header: 'Begrundelse for prioritet', width: 40 },
  { header: 'På ventelisten siden', width: 13, numFmt: DATE_FORMAT },
  { header: 'Dage på ventelisten', width: 12, numFmt: INTEGER_FORMAT },
  { header: 'Status', width: 24 },
  { header: 'På pause til', width: 13, numFmt: DATE_FORMAT },
  { header: 'Værelser min.', width: 10, numFmt: INTEGER_FORMAT },
  { header: 'Værelser maks.', width: 10, numFmt: INTEGER_FORMAT },
  { header: 'Husleje maks. (kr.)', width: 15, numFmt: MONEY_FORMAT },
  { header: 'Afslag uden rimelig grund', width: 14, numFmt: INTEGER_FORMAT },
];

/** Title and date lines at the top of a sheet. */
function sheetHeading(sheet: ExcelJS.Worksheet, title: string, onDate: string): void {
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = `Opgjort pr. ${danishDate(onDate)}`;
}

/** The labelled counts of one breakdown: the known keys in their order (0 if absent), then any other key. */
function breakdown(
  counts: Record<string, number>,
  order: readonly string[],
  labels: Record<string, string>,
): [string, number][] {
  const extra = Object.keys(counts).filter((k) => !order.includes(k));
  return [...order, ...extra].map((k) => [labels[k] ?? k, counts[k] ?? 0]);
}

/** The waiting list on a date as an XLSX workbook: "Venteliste" (one row per applicant) and "Tal" (counts). */
export async function renderWaitingListXlsx(input: {
  municipality: { name: string };
  /** åååå-mm-dd. */
  onDate: string;
  items: WaitingListItem[];
  counts: WaitingListCounts;
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hjemvej';
  workbook.title = `Venteliste – ${input.municipality.name}`;
  workbook.created = new Date();

  // Sheet 1: one row per applicant.
  const list = workbook.addWorksheet('Venteliste', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheetHeading(list, `Venteliste – ${input.municipality.name}`, input.onDate);
  const headerRow = 4;
  const header = list.getRow(headerRow);
  header.values = WAITING_LIST_COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  WAITING_LIST_COLUMNS.forEach((c, i) => {
    list.getColumn(i + 1).width = c.width;
    header.getCell(i + 1).border = { bottom: { style: 'thin' } };
  });
  input.items.forEach((item, r) => {
    const row = list.getRow(headerRow + 1 + r);
    row.values = [
      item.citizenName,
      item.age,
      item.targetGrounds.map((g) => TARGET_GROUND_LABEL[g] ?? g).join('; '),
      item.householdSize,
      PRIORITY_LABEL[item.priority] ?? item.priority,
      item.priorityReason,
      excelDate(item.waitingSince),
      item.waitingDays,
      WAITING_STATUS_LABEL[item.status] ?? item.status,
      excelDate(item.pausedUntil),
      item.roomsMin,
      item.roomsMax,
      item.maxRent,
      item.refusals,
    ];
    row.alignment = { vertical: 'top', wrapText: true };
    WAITING_LIST_COLUMNS.forEach((c, i) => {
      if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
    });
  });
  list.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  if (input.items.length > 0)
    list.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow + input.items.length, column: WAITING_LIST_COLUMNS.length },
    };

  // Sheet 2: the counts, one breakdown after the other.
  const numbers = workbook.addWorksheet('Tal');
  sheetHeading(numbers, `Venteliste i tal – ${input.municipality.name}`, input.onDate);
  numbers.getColumn(1).width = 44;
  numbers.getColumn(2).width = 10;
  let next = 4;
  const total = numbers.getRow(next++);
  total.values = ['På ventelisten i alt', input.counts.total];
  total.font = { bold: true };
  total.getCell(2).numFmt = INTEGER_FORMAT;
  const sections: { title: string; rows: [string, number][]; note?: string }[] = [
    {
      title: 'Målgruppe',
      rows: breakdown(input.counts.byTargetGround, TARGET_GROUNDS, TARGET_GROUND_LABEL),
      note: 'En borger kan have begge grunde til at være i målgruppen, så tallene kan tilsammen være flere end det samlede antal.',
    },
    { title: 'Alder (år)', rows: breakdown(input.counts.byAgeBand, WAITING_AGE_BANDS, AGE_BAND_LABEL) },
    {
      title: 'Personer i husstanden',
      rows: breakdown(input.counts.byHouseholdSize, HOUSEHOLD_SIZES, HOUSEHOLD_SIZE_LABEL),
    },
    {
      title: 'Tid på ventelisten',
      rows: breakdown(input.counts.byWaitingBand, WAITING_BANDS, WAITING_BAND_LABEL),
    },
    { title: 'Prioritet', rows: breakdown(input.counts.byPriority, PRIORITIES, PRIORITY_LABEL) },
  ];
  for (const s of sections) {
    next++;
    const head = numbers.getRow(next++);
    head.values = [s.title, 'Antal'];
    head.font = { bold: true };
    head.eachCell((cell) => {
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const [label, count] of s.rows) {
      const row = numbers.getRow(next++);
      row.values = [label, count];
      row.getCell(2).numFmt = INTEGER_FORMAT;
    }
    if (s.note) {
      const note = numbers.getRow(next++).getCell(1);
      note.value = s.note;
      note.font = { italic: true, size: 9 };
      note.alignment = { wrapText: true };
    }
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
