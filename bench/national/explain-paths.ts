import { sql } from 'kysely';
import { openDatabase } from '../../src/server/db/database';
import { today } from '../../src/shared/dates';
import { readStatements } from '../lib/capture';
import { explain } from '../lib/raw-sql';
import { login, pathSpecs, startApp } from './bench';
import { readSummary } from './data';
import { benchUsername } from './generate';
import { LARGEST } from './municipalities';

/**
 * `npm run bench:explain [-- "path name"…]` with DATABASE_URL
 * naming the national database: every read statement of each path's first request under EXPLAIN
 * (ANALYZE, BUFFERS), slowest first, for finding the plan behind a missed target.
 */
const url = process.env.DATABASE_URL ?? '';
const summary = await readSummary(url);
const g = summary?.municipalities.find((m) => m.code === LARGEST);
if (!g) throw new Error('No national data set');
const db = await openDatabase({ url, poolSize: 2 });
const app = await startApp(db, url, 2);
try {
  const wanted = process.argv.slice(2);
  for (const spec of await pathSpecs(db, g, today())) {
    if (wanted.length && !wanted.includes(spec.name)) continue;
    const user = Array.isArray(spec.user) ? spec.user : [spec.user];
    for (const u of user) {
      const session = await login(app.base, benchUsername(g.code, u));
      const captured = await app.capture.capture(async () => {
        const res = await fetch(`${app.base}${spec.paths[0]}`, { headers: { cookie: session.cookie } });
        await res.arrayBuffer();
      });
      const plans = [];
      for (const q of readStatements(captured)) plans.push({ q, p: await explain(url, g.id, q) });
      const total = plans.reduce((n, x) => n + x.p.executionMs + x.p.planningMs, 0);
      console.log(
        `\n=== ${spec.name} (${u}): ${captured.length} statements, ${plans.length} reads, ${total.toFixed(1)} ms`,
      );
      for (const { q, p } of plans.sort((a, b) => b.p.executionMs - a.p.executionMs))
        console.log(
          `--- exec ${p.executionMs} ms, plan ${p.planningMs} ms: ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}\n${
            process.env.PLANS ? p.text : p.text.split('\n').slice(0, 2).join('\n')
          }`,
        );
    }
  }
} finally {
  await app.close();
  await sql`select 1`.execute(db.owner);
  await db.close();
}
