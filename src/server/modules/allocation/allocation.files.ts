/**
 * Allocation files (issue 5): the letters to the citizen as A4 PDFs in Danish (offer of a unit, and the
 * decision on an application: approved, rejected, information missing) and the waiting list as XLSX.
 * Pure functions of their input: no database, no network, no DOM.
 */
import type ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Priority, RefusalConsequence, TargetGround } from '../../../shared/allocation/model';
import {
  HOUSEHOLD_SIZES,
  PRIORITIES,
  TARGET_GROUNDS,
  WAITING_AGE_BANDS,
  WAITING_BANDS,
} from '../../../shared/allocation/model';
import type { UnitType } from '../../../shared/housing/supply';
import {
  type Column,
  DATE_FORMAT,
  danishDate,
  danishNumber,
  excelDate,
  INTEGER_FORMAT,
  kroner,
  letterDocument,
  MONEY_FORMAT,
  newWorkbook,
  paragraph,
  renderPdf,
  section,
  sheetTitle,
  styleHeaderRow,
  toBuffer,
  writeTable,
} from '../../platform/documents';

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
// Danish labels

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

// ---------------------------------------------------------------------------------------------
// PDF letters

interface LetterBase {
  municipality: LetterMunicipality;
  citizen: LetterCitizen;
  date: string;
  officerName: string;
}

/** The shared A4 letter, signed by the officer. */
const letter = (base: LetterBase, title: string, body: Content[]) =>
  letterDocument({
    municipality: base.municipality,
    citizen: base.citizen,
    date: base.date,
    signedBy: base.officerName,
    title,
    body,
  });

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

const WAITING_LIST_COLUMNS: Column[] = [
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
  sheetTitle(sheet, title);
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
  const workbook = await newWorkbook(`Venteliste – ${input.municipality.name}`);

  // Sheet 1: one row per applicant.
  const list = workbook.addWorksheet('Venteliste', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheetHeading(list, `Venteliste – ${input.municipality.name}`, input.onDate);
  writeTable(
    list,
    WAITING_LIST_COLUMNS,
    input.items.map((item) => [
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
    ]),
    { headerRow: 4, rowAlignment: { vertical: 'top', wrapText: true } },
  );

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
    styleHeaderRow(head);
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

  return toBuffer(workbook);
}
