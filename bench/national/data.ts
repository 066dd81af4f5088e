import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../../src/server/db/database';
import { migrate } from '../../src/server/migrate';
import { recreateDatabase, siblingUrl } from '../../src/server/test/pg-admin';
import { today } from '../../src/shared/dates';
import { generateNational, type NationalData, type NationalSummary } from './generate';

/**
 * `npm run bench:data [-- --seed N --scale F --only 101,751]`: (re)creates the database DATABASE_URL
 * names (it must be called hjemvej_bench…), migrates it and fills it with the national data set.
 * The generator's summary is kept as the database's comment, where `npm run bench` reads it.
 */
const usage = `Usage: DATABASE_URL=postgres://…/hjemvej_bench_national npm run bench:data -- [options]
Options:
  --seed N      seed of the generator (default 1): the same seed, scale and date give the same rows
  --scale F     share of the national size (default 1; 0.01 for a smoke test)
  --only CODES  only these municipality codes, comma-separated (default all 98)
The database is dropped and created again; its name must start with hjemvej_bench.`;

export interface DataOptions {
  url: string;
  seed: number;
  scale: number;
  only?: string[] | undefined;
  log?: (line: string) => void;
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Creates, migrates and fills the national database; returns the generator's summary. */
export async function buildNationalDatabase(o: DataOptions): Promise<NationalData> {
  const name = databaseName(o.url);
  if (!/^hjemvej_bench[a-z0-9_]*$/.test(name))
    throw new Error(`The database must be named hjemvej_bench…, not ${name || '(none)'}`);
  const log = o.log ?? (() => {});
  log(`Creating database ${name}`);
  await recreateDatabase(siblingUrl(o.url, 'postgres'), name);
  const db = await openDatabase({ url: o.url, poolSize: 2 });
  const copy = new pg.Client({ connectionString: o.url });
  await copy.connect();
  try {
    await migrate(db.owner);
    const data = await generateNational({
      owner: db.owner,
      copy,
      seed: o.seed,
      scale: o.scale,
      today: today(),
      only: o.only,
      log,
    });
    const literal = JSON.stringify(data.summary).replaceAll("'", "''");
    await copy.query(`comment on database ${name} is '${literal}'`);
    return data;
  } finally {
    await copy.end();
    await db.close();
  }
}

/** The summary `buildNationalDatabase` left on the database, or undefined for another database. */
export async function readSummary(url: string): Promise<NationalSummary | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ comment: string | null }>(
      'select shobj_description(oid, $1) as comment from pg_database where datname = current_database()',
      ['pg_database'],
    );
    const comment = rows[0]?.comment;
    return comment ? (JSON.parse(comment) as NationalSummary) : undefined;
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  let values: { seed?: string; scale?: string; only?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        seed: { type: 'string' },
        scale: { type: 'string' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 1;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const url = process.env.DATABASE_URL;
  const seed = Number(values.seed ?? 1);
  const scale = Number(values.scale ?? 1);
  if (!url || !Number.isInteger(seed) || !(scale > 0) || scale > 10) {
    console.error(`DATABASE_URL, a whole --seed and a --scale in (0, 10] are needed\n\n${usage}`);
    return 1;
  }
  const { summary } = await buildNationalDatabase({
    url,
    seed,
    scale,
    only: values.only?.split(',').map((c) => c.trim()),
    log: (line) => console.error(`  ${line}`),
  });
  console.log(
    `Generated ${summary.municipalities.length} municipalities in ${summary.seconds} s:\n` +
      Object.entries(summary.rows)
        .map(([t, n]) => `  ${t.padEnd(24)} ${n.toLocaleString('en-GB').padStart(12)}`)
        .join('\n'),
  );
  return 0;
}

if (process.argv[1]?.endsWith('data.ts')) {
  process.exitCode = await main().catch((error: unknown) => {
    console.error(error);
    return 1;
  });
}
