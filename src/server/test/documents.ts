/**
 * Test helpers for the documents the modules render (see platform/documents/): the text a PDF
 * draws, and an XLSX workbook read back through exceljs.
 */
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';

interface PdfFont {
  /** Glyph id → the characters it draws. */
  chars: Map<number, string>;
  /** Glyph id → advance width in 1/1000 of the font size. */
  widths: number[];
}

/**
 * The text a PDF draws, page by page in drawing order. pdfkit writes text as glyph ids of a font
 * subset; each font's ToUnicode map turns them back into characters (the same maps that
 * housing.files.test.ts checks for æ, ø and å). Text at another height starts a new line, and
 * text that starts away from where the previous text ended (table cells side by side) is set
 * apart by a space.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream?: string }>();
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const endobj = raw.indexOf('endobj', start);
    const streamAt = raw.indexOf('stream', start);
    if (streamAt < 0 || streamAt > endobj) {
      objects.set(m[1] ?? '', { dict: raw.slice(start, endobj) });
      continue;
    }
    const dict = raw.slice(start, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const dataStart = streamAt + 'stream'.length + (raw[streamAt + 6] === '\r' ? 2 : 1);
    const data = pdf.subarray(dataStart, dataStart + length);
    const stream = (dict.includes('/FlateDecode') ? inflateSync(data) : data).toString('latin1');
    objects.set(m[1] ?? '', { dict, stream });
    re.lastIndex = dataStart + length;
  }
  const dictOf = (ref: string | undefined) => objects.get(ref ?? '')?.dict ?? '';

  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/[0-9a-f]{4}/gi) ?? []).map((h) => Number.parseInt(h, 16)));
  const fonts = new Map<string, PdfFont>();
  for (const { dict } of objects.values()) {
    const resources = /\/Font\s*<<([^>]*)>>/.exec(dict)?.[1] ?? '';
    for (const [, name, ref] of resources.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(dictOf(ref))?.[1];
      const cmap = objects.get(toUnicode ?? '')?.stream ?? '';
      const chars = new Map<number, string>();
      for (const [, from, to, target] of cmap.matchAll(/<(\w+)>\s*<(\w+)>\s*(\[[^\]]*\]|<\w+>)/g)) {
        const first = Number.parseInt(from ?? '', 16);
        const last = Number.parseInt(to ?? '', 16);
        // A ligature maps to several characters: <0066 006c> is "fl".
        const targets = [...(target ?? '').matchAll(/<([0-9a-fA-F\s]+)>/g)].map((t) => t[1] ?? '');
        for (let code = first; code <= last; code++)
          chars.set(
            code,
            target?.startsWith('[')
              ? utf16(targets[code - first] ?? '')
              : String.fromCharCode(Number.parseInt(targets[0] ?? '', 16) + code - first),
          );
      }
      const descendant = /\/DescendantFonts \[(\d+) 0 R\]/.exec(dictOf(ref))?.[1];
      const widths = (/\/W \[0 \[([^\]]*)\]\]/.exec(dictOf(descendant))?.[1] ?? '')
        .trim()
        .split(/\s+/)
        .map(Number);
      fonts.set(name ?? '', { chars, widths });
    }
  }

  const pagesDict = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict))?.dict ?? '';
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(pagesDict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)];
  const pages: string[] = [];
  for (const [, kid] of kids) {
    const contents = /\/Contents (\d+) 0 R/.exec(dictOf(kid))?.[1];
    const content = objects.get(contents ?? '')?.stream ?? '';
    let font: PdfFont = { chars: new Map(), widths: [] };
    let size = 0;
    let text = '';
    let y: string | undefined;
    let endX = 0;
    for (const [, tmX, tmY, fontName, fontSize, tj, single] of content.matchAll(
      /[\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ ([\d.-]+) ([\d.-]+) Tm|\/(\w+) ([\d.]+) Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g,
    )) {
      if (tmY !== undefined) {
        const x = Number(tmX);
        if (y !== undefined && tmY !== y) text += '\n';
        else if (Math.abs(x - endX) > 0.5 && text !== '' && !/\s$/.test(text)) text += ' ';
        y = tmY;
        endX = x;
      } else if (fontName) {
        font = fonts.get(fontName) ?? { chars: new Map(), widths: [] };
        size = Number(fontSize);
      } else
        for (const [, hex, kern] of (tj ?? `<${single}>`).matchAll(/<([0-9a-fA-F]*)>|(-?[\d.]+)/g)) {
          if (kern !== undefined) endX -= (Number(kern) * size) / 1000;
          for (const code of hex?.match(/[0-9a-f]{4}/gi) ?? []) {
            const glyph = Number.parseInt(code, 16);
            text += font.chars.get(glyph) ?? '\uFFFD';
            endX += ((font.widths[glyph] ?? 0) * size) / 1000;
          }
        }
    }
    pages.push(text);
  }
  return pages.join('\n');
}

/** The PDF's text with every run of whitespace as one space, so wrapped lines read as one text. */
export const flatText = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, ' ');

/** An XLSX file read back through exceljs. */
export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's cell values, row by row (1-based rows, as in Excel), without the leading empty slot. */
export function sheetValues(sheet: ExcelJS.Worksheet | undefined): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet?.eachRow((row, n) => {
    rows[n] = Array.isArray(row.values) ? row.values.slice(1) : [];
  });
  return rows;
}
