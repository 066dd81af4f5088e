import pg from 'pg';

/** The URL of another database on the same PostgreSQL server as `url`. */
export function siblingUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Drops and creates `database` next to the one `url` names; returns its URL. */
export async function recreateDatabase(url: string, database: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`Bad database name ${database}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop database if exists ${database} with (force)`);
    await client.query(`create database ${database}`);
  } finally {
    await client.end();
  }
  return siblingUrl(url, database);
}

export async function dropDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop database if exists ${database} with (force)`);
  } finally {
    await client.end();
  }
}
