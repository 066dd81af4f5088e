import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type pg from 'pg';
import { type DatabaseHandles, openDatabase, PGLITE_EXTENSIONS } from '../../src/server/db/database';
import { PGliteDialect, PGliteSession } from '../../src/server/db/pglite-dialect';
import type { Database } from '../../src/server/db/schema';
import { migrate } from '../../src/server/migrate';
import { generateNational, type NationalSummary } from './generate';

/** The parts of bench/prevention.ts's CopyIn the shim reads and answers. */
interface CopyIn {
  text: string;
  data: Buffer;
  rows: number;
  callback?: (error: Error | null) => void;
}

/**
 * A stand-in for the pg.Client the generator sends COPY and transaction control through, on
 * PGlite: `COPY … FROM STDIN` becomes `COPY … FROM '/dev/blob'` with the same CSV as the blob, so
 * the embedded database is filled by the very code that fills PostgreSQL.
 */
function pgliteCopyClient(pglite: PGlite): pg.Client {
  const client = {
    async query(q: string | CopyIn, params?: unknown[]) {
      if (typeof q === 'string') {
        if (params) return pglite.query(q, params);
        await pglite.exec(q);
        return { rows: [] };
      }
      try {
        const result = await pglite.query(q.text.replace(/from stdin/i, "from '/dev/blob'"), [], {
          blob: new Blob([new Uint8Array(q.data)]),
        });
        q.rows = result.affectedRows ?? 0;
        q.callback?.(null);
      } catch (error) {
        q.callback?.(error as Error);
      }
      return undefined;
    },
  };
  return client as unknown as pg.Client;
}

export interface EmbeddedDatabase {
  dataDir: string;
  summary: NationalSummary;
  /** Seconds to migrate and fill the directory. */
  loadSeconds: number;
  open(): Promise<DatabaseHandles>;
  remove(): void;
}

/**
 * One municipality of the national set, generated into a fresh PGlite directory under the system's
 * temporary directory, exactly as it is in the national set (same seed, scale and date).
 */
export async function embeddedMunicipality(o: {
  code: string;
  seed: number;
  scale: number;
  today: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const started = performance.now();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hjemvej-bench-embedded-'));
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    const pglite = await PGlite.create(dataDir, {
      parsers: { 1082: (value: string) => value },
      extensions: PGLITE_EXTENSIONS,
    });
    const owner = new Kysely<Database>({ dialect: new PGliteDialect(new PGliteSession(pglite)) });
    let summary: NationalSummary;
    try {
      await migrate(owner);
      ({ summary } = await generateNational({
        owner,
        copy: pgliteCopyClient(pglite),
        seed: o.seed,
        scale: o.scale,
        today: o.today,
        only: [o.code],
        ...(o.log ? { log: o.log } : {}),
      }));
    } finally {
      await owner.destroy();
      if (!pglite.closed) await pglite.close();
    }
    return {
      dataDir,
      summary,
      loadSeconds: Math.round((performance.now() - started) / 100) / 10,
      open: () => openDatabase({ dataDir }),
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
}
