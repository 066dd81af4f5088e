/**
 * What the modules' files (*.files.ts) build their documents with: Danish formats, PDFs rendered by
 * pdfmake with the Roboto fonts it ships (no network, no DOM), the A4 letter to a citizen, and XLSX
 * workbooks with exceljs (title rows, header rows, tables). Pure functions of their input.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

// ---------------------------------------------------------------------------------------------
// Danish formats

/** åååå-mm-dd → dd.mm.åååå (other text unchanged). */
export function danishDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** A number as Danes write it (5.250 / 78,5), with `minDecimals` to `maxDecimals` decimals. */
export const danishNumber = (n: number, minDecimals = 0, maxDecimals = minDecimals) =>
  n.toLocaleString('da-DK', { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });

/** Kroner: whole kroner without decimals ("5.250 kr."), øre with two ("5.250,50 kr."). */
export const kroner = (n: number) => `${danishNumber(n, Number.isInteger(n) ? 0 : 2)} kr.`;

/** The lines that hold text: no null, undefined, empty or blank ones. */
export const nonEmpty = (...lines: (string | null | undefined)[]) =>
  lines.filter((l): l is string => typeof l === 'string' && l.trim() !== '');

// ---------------------------------------------------------------------------------------------
// PDF

/** The Roboto fonts that ship with pdfmake, read from its package (no network, no DOM). */
function robotoFonts(): { dictionary: TFontDictionary; dir: string } {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  // Fail early and clearly if the installed pdfmake no longer ships the fonts.
  for (const file of ['Roboto-Regular.ttf', 'Roboto-Medium.ttf']) readFileSync(path.join(dir, file));
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
 * Renders a document with pdfmake's Node build. pdfmake is one shared instance, so fonts and access
 * policies are set right before `createPdf`, which reads them synchronously: no URLs are fetched and
 * only the font files may be read from disk.
 */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  fonts ??= robotoFonts();
  const fontDir = fonts.dir;
  pdfmake.addFonts(fonts.dictionary);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir + path.sep));
  return pdfmake.createPdf(doc).getBuffer();
}

/** A paragraph of a letter (style `paragraph`). */
export const paragraph = (text: string): Content => ({ text, style: 'paragraph' });

/** A section heading of a letter (style `section`). */
export const section = (text: string): Content => ({ text, style: 'section' });

export interface LetterInput {
  /** The sender; its address, if any, stands under its name and authority. */
  municipality: { name: string; authority: string; address?: string | null };
  citizen: { name: string; address: string | null };
  /** Letter date, åååå-mm-dd. */
  date: string;
  /** Who signs the letter for the municipality. */
  signedBy: string;
  title: string;
  /** What follows the greeting; style it with `paragraph`, `section`, `small` and `label`. */
  body: Content[];
}

/**
 * An A4 letter to a citizen in Danish: recipient and sender side by side, the date, the title, the
 * greeting, the body and the sign-off, with "Side n af m" in the footer.
 */
export function letterDocument(letter: LetterInput): TDocumentDefinitions {
  const { municipality, citizen } = letter;
  const sender = nonEmpty(municipality.name, municipality.authority, municipality.address);
  return {
    pageSize: 'A4',
    pageMargins: [56, 48, 56, 48],
    language: 'da-DK',
    info: {
      title: letter.title,
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
              { text: `Dato: ${danishDate(letter.date)}`, margin: [0, 8, 0, 0] },
            ],
          },
        ],
        columnGap: 24,
      },
      { text: letter.title, style: 'title' },
      { text: `Kære ${citizen.name}`, style: 'paragraph' },
      ...letter.body,
      {
        stack: [
          { text: 'Med venlig hilsen', margin: [0, 16, 0, 4] },
          ...nonEmpty(letter.signedBy, municipality.authority, municipality.name),
        ],
        unbreakable: true,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// XLSX

export const DATE_FORMAT = 'dd.mm.yyyy';
export const INTEGER_FORMAT = '#,##0';
export const MONEY_FORMAT = '#,##0.00';

/** One column of a table: its header, its width in characters and the number format of its cells. */
export interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

/** åååå-mm-dd → a Date at UTC midnight, which exceljs writes as that day; null for no date. */
export function excelDate(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A workbook made by Hjemvej now, with its title. */
export function newWorkbook(title: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hjemvej';
  workbook.title = title;
  workbook.created = new Date();
  return workbook;
}

/** A bold title in the first cell of a row (row 1, 14 pt unless told). */
export function sheetTitle(
  sheet: ExcelJS.Worksheet,
  title: string,
  { row = 1, size = 14 }: { row?: number; size?: number } = {},
): void {
  const cell = sheet.getCell(row, 1);
  cell.value = title;
  cell.font = { bold: true, size };
}

/** A header row: bold, a thin line under each header, and (with `wrap`) wrapped and centred vertically. */
export function styleHeaderRow(row: ExcelJS.Row, { wrap = false }: { wrap?: boolean } = {}): void {
  row.font = { bold: true };
  if (wrap) row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.border = { bottom: { style: 'thin' } };
  });
}

/**
 * A table: the columns' widths, their headers in `headerRow` (1 unless told) and one row per item
 * below it, each cell with its column's number format (a date without one gets DATE_FORMAT). The
 * header row is frozen, and a filter covers the table when it has rows. Returns the last row number.
 */
export function writeTable(
  sheet: ExcelJS.Worksheet,
  columns: Column[],
  rows: ExcelJS.CellValue[][],
  { headerRow = 1, rowAlignment }: { headerRow?: number; rowAlignment?: Partial<ExcelJS.Alignment> } = {},
): number {
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  const header = sheet.getRow(headerRow);
  header.values = columns.map((c) => c.header);
  styleHeaderRow(header, { wrap: true });
  rows.forEach((values, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    row.values = values;
    if (rowAlignment) row.alignment = rowAlignment;
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.numFmt) cell.numFmt = c.numFmt;
      else if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
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

/** The workbook as the bytes of an XLSX file. */
export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
