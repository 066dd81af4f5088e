/**
 * What a column holds when it is no fixed list: the report names it beside a problem in the column,
 * so the user sees what is allowed (the web translates `import.expected.<format>`).
 */
export const IMPORT_FORMATS = [
  'date',
  'whole_number',
  'number',
  'amount',
  'percent',
  'cpr',
  'kommunekode',
  'email',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One problem in an import file. */
export interface ImportProblem {
  /** Line in the file (1 is the header row); 0 for the file as a whole. */
  line: number;
  field: string;
  code: string;
  /** The cell as the file has it, for a problem of one cell (shortened to 100 characters). */
  value?: string;
  /** The values the column accepts, for a column with a fixed list. */
  allowed?: string[];
  /** What the column holds, for a column of dates, numbers or other values with a format. */
  expected?: ImportFormat;
}

/** What every import endpoint answers, checked (dry run) or imported. */
export interface ImportReport {
  rows: number;
  valid: number;
  imported: number;
  problems: ImportProblem[];
}

/** Import every row (nothing if one is invalid), or only the valid ones. */
export type ImportMode = 'all' | 'valid_only';
