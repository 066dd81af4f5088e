/**
 * XLSX workbooks with exceljs: Danish number formats, title rows, header rows and tables. Pure
 * functions of their input.
 */
import type ExcelJS from 'exceljs';

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

/**
 * A workbook made by Hjemvej now, with its title. exceljs is loaded on the first workbook, so a
 * process that never writes one (the CLI, most tests) does not pay for loading it.
 */
export async function newWorkbook(title: string): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
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
