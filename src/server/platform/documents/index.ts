/**
 * What the modules' files (*.files.ts) build their documents with: PDFs and letters (pdf.ts), XLSX
 * workbooks (xlsx.ts) and the Danish formats they write (shared/format.ts).
 */
export { danishDate, danishNumber, kroner } from '../../../shared/format';
export * from './chart';
export * from './pdf';
export * from './xlsx';
