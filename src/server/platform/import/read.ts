/**
 * Reading an uploaded list: CSV (UTF-8, or Windows-1252 as Excel saves it on Danish PCs) or XLSX,
 * into lines of cells that keep their line numbers in the file.
 */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

/** One line of a file: its number in the file (the header is line 1) and its cells as text. */
export interface TableLine {
  line: number;
  cells: string[];
}

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
export function plainRecords(text: string, delimiter: string): TableLine[] | undefined {
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

/**
 * The file as lines of cells, each with its line number in the file (header = 1): XLSX (its first
 * sheet) by a name ending in .xlsx, anything else as CSV with ';' or ',' (whichever line 1 has more
 * of). Undefined if unreadable.
 */
export async function readTable(filename: string, data: Buffer): Promise<TableLine[] | undefined> {
  if (filename.trim().toLowerCase().endsWith('.xlsx')) {
    const { default: excel } = await import('exceljs');
    const workbook = new excel.Workbook();
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      return undefined;
    }
    const table: TableLine[] = [];
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
