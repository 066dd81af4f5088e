/**
 * PDFs rendered by pdfmake with the Roboto fonts it ships (no network, no DOM), and the A4 letter to
 * a citizen. Pure functions of their input.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { danishDate } from '../../../shared/format';

/** The lines that hold text: no null, undefined, empty or blank ones. */
export const nonEmpty = (...lines: (string | null | undefined)[]) =>
  lines.filter((l): l is string => typeof l === 'string' && l.trim() !== '');

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
  // Loaded on the first PDF: a process that never renders one does not pay for loading pdfmake.
  const { default: pdfmake } = await import('pdfmake');
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
