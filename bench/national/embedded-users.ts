import { type DatabaseHandles, withTenant } from '../../src/server/db/database';
import { today } from '../../src/shared/dates';
import { readStatements } from '../lib/capture';
import { loadAverageNow, type MachineInfo, machineInfo } from '../lib/machine';
import { type OpenLoopSample, type PathLatency, pathLatencies, spread } from '../lib/open-loop';
import { Random } from '../lib/random';
import { count, markdownTable, ms, reportHead } from '../lib/report';
import { type RunningApp, startApp } from './bench';
import { embeddedMunicipality } from './embedded';
import {
  MixPicker,
  type MunicipalityLoad,
  openLoopAgent,
  pathTable,
  prepareMunicipalities,
  sendMix,
} from './mix';
import { MID_SIZED } from './municipalities';

/**
 * Embedded (issue 21 §5): one mid-sized municipality on PGlite, as on a laptop, with ten staff at
 * work at once. Each picks a request of the staff mix (mix.ts), sends it, reads the answer for a
 * think time of 2–5 s and picks the next; the latency of every path must stay under 100 ms (p95).
 */
export interface EmbeddedUsersOptions {
  code: string;
  /** The generator's seed and scale (the national set's: 1 and 1). */
  seed: number;
  scale: number;
  users: number;
  seconds: number;
  thinkMinMs: number;
  thinkMaxMs: number;
  p95Ms: number;
  /** Replays of each read path's raw SQL after the run. */
  floorRepeats: number;
  log: (line: string) => void;
}

export const DEFAULT_OPTIONS: EmbeddedUsersOptions = {
  code: MID_SIZED,
  seed: 1,
  scale: 1,
  users: 10,
  seconds: 120,
  thinkMinMs: 2000,
  thinkMaxMs: 5000,
  p95Ms: 100,
  floorRepeats: 10,
  log: () => {},
};

export interface EmbeddedUsersReport {
  suite: 'embedded-users';
  date: string;
  machine: MachineInfo;
  loadAverage: { before: number[]; after: number[] };
  settings: Omit<EmbeddedUsersOptions, 'log'>;
  municipality: { code: string; name: string; rows: Record<string, number>; loadSeconds: number };
  requests: number;
  errors: number;
  firstErrors: string[];
  all: { p50: number; p95: number; p99: number; max: number };
  paths: (PathLatency & { meetsTarget: boolean })[];
  /** Per read path, its statements replayed on the same PGlite alone, after the run. */
  floors: RawFloor[];
  seconds: number;
}

export interface RawFloor {
  label: string;
  statements: number;
  p50: number;
  p95: number;
}

export async function runEmbeddedUsers(
  options: Partial<EmbeddedUsersOptions> = {},
): Promise<EmbeddedUsersReport> {
  const o: EmbeddedUsersOptions = { ...DEFAULT_OPTIONS, ...options };
  const started = performance.now();
  const loadBefore = loadAverageNow();
  const onDate = today();
  o.log(`generating ${o.code} at scale ${o.scale} into PGlite`);
  const e = await embeddedMunicipality({ code: o.code, seed: o.seed, scale: o.scale, today: onDate });
  try {
    const db = await e.open();
    try {
      const g = e.summary.municipalities[0];
      if (!g) throw new Error('The embedded database has no municipality');
      const machine = await machineInfo(db.owner);
      const app = await startApp(db, undefined, 1);
      const agent = openLoopAgent();
      try {
        const loads = await prepareMunicipalities({
          base: app.base,
          db,
          municipalities: [g],
          onDate,
          offerSlots: o.users,
          log: o.log,
        });
        const picker = new MixPicker(loads, onDate);
        // Every read of the mix once before the run, as the national suite views each path once
        // before timing it: the run then sees the app in use (the day's dashboard kept, ADR 0026),
        // not its first minute after a start. The dashboard computed now is measured as its own path.
        o.log('every read path once, before the run');
        for (const m of loads) {
          for (const [name, read] of m.reads) {
            for (const user of read.users) {
              for (const path of read.paths) {
                const answer = await sendMix(agent, app.base, {
                  m,
                  name,
                  write: false,
                  user,
                  method: 'GET',
                  path,
                });
                if (!answer.ok) throw new Error(`${name}: ${answer.error ?? ''}`);
              }
            }
          }
        }
        const samples: OpenLoopSample[] = [];
        const firstErrors: string[] = [];
        o.log(`${o.users} users for ${o.seconds} s, think time ${o.thinkMinMs}–${o.thinkMaxMs} ms`);
        const end = performance.now() + o.seconds * 1000;
        await Promise.all(
          Array.from({ length: o.users }, async (_, i) => {
            const random = new Random(1000 + i);
            // Staff do not start in step: each begins somewhere in a think time.
            await new Promise((resolve) => setTimeout(resolve, random.int(0, o.thinkMaxMs)));
            while (performance.now() < end) {
              const request = picker.pick(random);
              const t0 = performance.now();
              let ok = false;
              try {
                const answer = await sendMix(agent, app.base, request);
                ok = answer.ok;
                if (!ok && firstErrors.length < 5) firstErrors.push(answer.error ?? '');
              } catch (error) {
                if (firstErrors.length < 5) firstErrors.push(`${request.name}: ${String(error)}`);
              }
              samples.push({ label: request.name, ms: performance.now() - t0, ok });
              await new Promise((resolve) => setTimeout(resolve, random.int(o.thinkMinMs, o.thinkMaxMs)));
            }
          }),
        );
        const paths = pathLatencies(samples).map((p) => ({
          ...p,
          meetsTarget: p.errors === 0 && p.p95 < o.p95Ms,
        }));
        o.log('the raw SQL of every read path, one request at a time');
        const floors = await rawFloors(db, app, agent, loads, o.floorRepeats);
        const { log: _log, ...settings } = o;
        return {
          suite: 'embedded-users',
          date: new Date().toISOString(),
          machine,
          loadAverage: { before: loadBefore, after: loadAverageNow() },
          settings,
          municipality: { code: g.code, name: g.name, rows: e.summary.rows, loadSeconds: e.loadSeconds },
          requests: samples.length,
          errors: samples.filter((s) => !s.ok).length,
          firstErrors,
          all: spread(samples.map((s) => s.ms)),
          paths,
          floors,
          seconds: Math.round((performance.now() - started) / 1000),
        };
      } finally {
        agent.destroy();
        await app.close();
      }
    } finally {
      await db.close();
    }
  } finally {
    e.remove();
  }
}

/**
 * The floor of each read path on this PGlite: the statements one request of it sends (captured from
 * the app, as the open loop's raw baseline is), replayed in one tenant transaction, one request at a
 * time with nothing else running. A path whose raw SQL alone takes longer than the target cannot be
 * answered within it by computing at the request.
 */
async function rawFloors(
  db: DatabaseHandles,
  app: RunningApp,
  agent: ReturnType<typeof openLoopAgent>,
  loads: readonly MunicipalityLoad[],
  repeats: number,
): Promise<RawFloor[]> {
  const floors: RawFloor[] = [];
  for (const m of loads) {
    for (const [name, read] of m.reads) {
      const user = read.users[0];
      const path = read.paths[0];
      if (!user || !path) continue;
      const request = { m, name, write: false, user, method: 'GET' as const, path };
      const statements = readStatements(await app.capture.capture(() => sendMix(agent, app.base, request)));
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const t0 = performance.now();
        await withTenant(db.app, m.g.id, async (trx) => {
          for (const q of statements) await trx.executeQuery(q);
        });
        times.push(performance.now() - t0);
      }
      const { p50, p95 } = spread(times);
      floors.push({ label: name, statements: statements.length, p50, p95 });
    }
  }
  return floors;
}

export function embeddedUsersMarkdown(r: EmbeddedUsersReport): string {
  const s = r.settings;
  const m = r.municipality;
  const missed = r.paths.filter((p) => !p.meetsTarget).map((p) => p.label);
  const out: string[] = [];
  out.push(...reportHead(`# Embedded PGlite, ${s.users} users at once, ${r.date.slice(0, 10)}`, r));
  out.push(
    `Data: ${m.code} ${m.name} (the mid-sized municipality) as the national set holds it at scale ${s.scale}, ` +
      `seed ${s.seed}: ${count(m.rows.citizen ?? 0)} citizens, ${count(m.rows.allocation_application ?? 0)} ` +
      `applications, ${count(m.rows.eviction_notice ?? 0)} notices, ${count(m.rows.audit_event ?? 0)} audit ` +
      `rows, migrated and generated into a fresh PGlite directory in ${m.loadSeconds} s.`,
    '',
  );
  out.push(
    `Load: the server in this process on embedded PGlite (one session; a report takes it per statement, ADR 0028), ${s.users} staff at once for ` +
      `${s.seconds} s; each picks a request of the open-loop benchmark's mix (reads and writes in the same ` +
      `shares, with the bench user of its role), sends it, waits for the answer, thinks ${s.thinkMinMs / 1000}–` +
      `${s.thinkMaxMs / 1000} s (uniform) and picks the next. Before the run, every read path was ` +
      `requested once with each of its users and paths (the app in use: the day's dashboard kept). ` +
      `Latencies in milliseconds, from send to answer.`,
    '',
  );
  out.push(
    `**${r.requests} requests, ${r.errors} errors; over all: p50 ${ms(r.all.p50)}, p95 ${ms(r.all.p95)}, ` +
      `p99 ${ms(r.all.p99)}, max ${ms(r.all.max)}.** ` +
      (missed.length
        ? `Paths with p95 ≥ ${s.p95Ms} ms or errors: ${missed.join(', ')}.`
        : `Every path answered with p95 < ${s.p95Ms} ms and no errors.`),
    '',
  );
  out.push(
    pathTable(r.paths, s.p95Ms),
    '',
    'A rare path has few requests in a run: its p95 is then close to its slowest request.',
    '',
  );
  if (r.floors.length) {
    const over = r.floors.filter((f) => f.p50 >= s.p95Ms).map((f) => f.label);
    out.push(
      `The raw SQL of each read path alone (the floor): the statements one request sends, captured from ` +
        `the app, replayed ${s.floorRepeats} times in one tenant transaction on the same PGlite after the ` +
        `run, one at a time with nothing else running. ` +
        (over.length
          ? `Paths whose raw SQL alone takes ${s.p95Ms} ms or more (p50): ${over.join(', ')}.`
          : `Every path's raw SQL takes less than ${s.p95Ms} ms (p50).`),
      '',
      markdownTable(
        ['path', 'statements', 'raw p50', 'raw p95'],
        r.floors.map((f) => [f.label, count(f.statements), ms(f.p50), ms(f.p95)]),
      ),
      '',
    );
  }
  if (r.firstErrors.length)
    out.push('First errors:', '', ...r.firstErrors.map((e) => `- \`${e.replaceAll('`', "'")}\``), '');
  return out.join('\n');
}
