/**
 * The shelters module's files: the notification letter of § 110 stk. 6 to a handlekommune outside
 * this deployment, as an A4 PDF in Danish. Pure functions of their input (no database, no network).
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { danishDate, nonEmpty, paragraph, renderPdf, section } from '../../platform/documents';

export interface NotificationLetterInput {
  /** The shelter's municipality (the tenant), which sends on the shelter's behalf. */
  municipality: { name: string; authority: string };
  shelterName: string;
  /** The handlekommune's kommunekode. */
  handlekommune: string;
  citizen: { name: string | null; cpr: string | null; birthDate: string | null; initials: string | null };
  admittedOn: string;
  admissionDecidedOn: string;
  /** The day the letter is sent: the recorded notification, else the letter's date. */
  notifiedOn: string | null;
  /** Letter date, åååå-mm-dd. */
  date: string;
  signedBy: string;
}

const LEGAL_BASIS =
  'Efter serviceloven § 110, stk. 6, skal boformen senest 3 hverdage efter afgørelsen om optagelse ' +
  'underrette den kommune, der har pligt til at yde hjælp til borgeren (handlekommunen). Kommunen skal ' +
  'sørge for, at borgeren får en handleplan efter § 141 eller en koordineret plan efter § 142.';

/** The CPR number as ddmmåå-xxxx. */
const cprText = (cpr: string) => (/^\d{10}$/.test(cpr) ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : cpr);

/** The letter's document definition (tested for its text without rendering it). */
export function notificationLetterDocument(input: NotificationLetterInput): TDocumentDefinitions {
  const { citizen } = input;
  const fact = (label: string, value: string): TableCell[] => [{ text: label, style: 'label' }, value];
  const facts: TableCell[][] = [
    fact('Navn', citizen.name ?? 'ikke oplyst'),
    ...(citizen.cpr
      ? [fact('CPR-nummer', cprText(citizen.cpr))]
      : [
          fact('Fødselsdato', citizen.birthDate ? danishDate(citizen.birthDate) : 'ikke oplyst'),
          fact('Initialer', citizen.initials ?? 'ikke oplyst'),
        ]),
    fact('Boform', `${input.shelterName} (serviceloven § 110)`),
    fact('Boformens kommune', input.municipality.name),
    fact('Afgørelse om optagelse', danishDate(input.admissionDecidedOn)),
    fact('Indskrevet', danishDate(input.admittedOn)),
    fact('Underrettet', danishDate(input.notifiedOn ?? input.date)),
  ];
  const title = 'Underretning om optagelse på boform efter serviceloven § 110';
  const sender = nonEmpty(input.shelterName, input.municipality.name, input.municipality.authority);
  const body: Content[] = [
    paragraph(
      `Vi underretter hermed handlekommunen (kommunekode ${input.handlekommune}) om, at borgeren nedenfor ` +
        `er optaget på ${input.shelterName}.`,
    ),
    section('Borgeren og opholdet'),
    {
      table: { widths: [170, '*'], body: facts },
      layout: {
        hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
        vLineWidth: () => 0,
        hLineColor: () => '#BBBBBB',
      },
      margin: [0, 0, 0, 12],
    },
    paragraph(
      'Underretningen indeholder kun de oplysninger, loven kræver. Kontakt boformen, hvis I har brug for ' +
        'at tale om borgerens forløb.',
    ),
    { text: LEGAL_BASIS, style: 'small', margin: [0, 8, 0, 0] },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [56, 48, 56, 48],
    language: 'da-DK',
    info: { title, author: sender.join(', '), creator: 'Hjemvej' },
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
          {
            width: '*',
            stack: ['Handlekommunen', `Kommunekode ${input.handlekommune}`, 'Att.: Socialforvaltningen'],
            margin: [0, 24, 0, 0],
          },
          {
            width: 'auto',
            stack: [
              ...sender.map((line, i) => (i === 0 ? { text: line, bold: true } : { text: line })),
              { text: `Dato: ${danishDate(input.date)}`, margin: [0, 8, 0, 0] },
            ],
          },
        ],
        columnGap: 24,
      },
      { text: title, style: 'title' },
      ...body,
      {
        stack: [
          { text: 'Med venlig hilsen', margin: [0, 16, 0, 4] },
          ...nonEmpty(input.signedBy, input.shelterName),
        ],
        unbreakable: true,
      },
    ],
  };
}

/** The notification letter as a PDF. */
export function renderNotificationLetter(input: NotificationLetterInput): Promise<Buffer> {
  return renderPdf(notificationLetterDocument(input));
}
