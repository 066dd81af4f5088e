import type pg from 'pg';

/**
 * `COPY … FROM STDIN` for node-postgres without a dependency: the bulk path of the imports
 * (`stageRows` in database.ts) and of the benchmark's data loaders. COPY is PostgreSQL's fastest way
 * in: one CSV stream instead of one array parameter per column, which both sides must serialise and
 * parse element by element (measured in bench/: 20,000 notices in 12 arrays cost ~200 ms before the
 * insert began; as COPY ~40 ms).
 */

/** The part of pg's connection a COPY FROM STDIN needs (what pg-copy-streams uses). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** `COPY … FROM STDIN` as a pg submittable: sends `data` and resolves with the rows copied. */
export class CopyIn {
  callback: ((error: Error | null) => void) | undefined;
  rows = 0;
  private failed = false;

  constructor(
    readonly text: string,
    readonly data: Buffer,
  ) {}

  submit(connection: CopyConnection) {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection) {
    for (let i = 0; i < this.data.length; i += 1 << 16)
      connection.sendCopyFromChunk(this.data.subarray(i, i + (1 << 16)));
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text?: string }) {
    this.rows = Number(/^COPY (\d+)/.exec(message.text ?? '')?.[1] ?? 0);
  }

  handleError(error: Error) {
    this.failed = true;
    this.callback?.(error);
  }

  handleReadyForQuery() {
    if (!this.failed) this.callback?.(null);
  }

  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/** What a COPY'd field may hold: text, a finite number, a boolean or null. */
export type Cell = string | number | boolean | null;

/** One CSV field for COPY (format csv): null unquoted and empty, text always quoted (so '' is ''). */
export function csvField(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'string') return `"${v.replaceAll('"', '""')}"`;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (!Number.isFinite(v)) throw new TypeError(`COPY: ${v} is not a finite number`);
  return String(v);
}

/** The rows as the CSV text COPY reads, one line per row. */
export function csvText(rows: readonly (readonly Cell[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(csvField).join(',')}\n`;
  return text;
}

/** COPY `rows` into `table (columns)` on `client`; returns the rows the server reports. */
export async function copyRows(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
) {
  const copy = new CopyIn(copyStatement(table, columns), Buffer.from(csvText(rows)));
  await new Promise<void>((resolve, reject) => {
    copy.callback = (error) => (error ? reject(error) : resolve());
    client.query(copy as unknown as pg.Submittable);
  });
  if (copy.rows !== rows.length) throw new Error(`COPY ${table}: ${copy.rows} of ${rows.length} rows`);
  return copy.rows;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Checks a table or column name that goes into SQL text unquoted (only our own constants do). */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new TypeError(`Not a plain SQL identifier: ${name}`);
  return name;
}

/** The statement `copyRows` and `stageRows` send: `copy t (a, b) from stdin with (format csv)`. */
export function copyStatement(table: string, columns: readonly string[]): string {
  return `copy ${identifier(table)} (${columns.map(identifier).join(', ')}) from stdin with (format csv)`;
}

const COPY_STATEMENT = /^copy ([a-z_][a-z0-9_]*) \(([a-z0-9_, ]+)\) from stdin with \(format csv\)$/;

/** The table and columns of a statement made by `copyStatement`, or null for any other text. */
export function parseCopyStatement(text: string): { table: string; columns: string[] } | null {
  const match = COPY_STATEMENT.exec(text);
  if (!match) return null;
  return { table: match[1] as string, columns: (match[2] as string).split(', ') };
}
