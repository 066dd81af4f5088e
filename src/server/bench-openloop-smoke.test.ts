import { describe, expect, it } from 'vitest';
import { buildNationalDatabase } from '../../bench/national/data';
import { embeddedUsersMarkdown, runEmbeddedUsers } from '../../bench/national/embedded-users';
import { MIX } from '../../bench/national/mix';
import { openLoopMarkdown, runOpenLoopBench } from '../../bench/national/openloop';
import { dropDatabase, siblingUrl } from './test/pg-admin';

/**
 * Proves that `npm run bench -- openloop embedded-users` still run (issue 21 §4 and §5): a tiny
 * national set of two municipalities, two-second steps at a few requests a second on one server
 * process and on the raw SQL (capturing every request of the mix in each municipality, so every
 * write is made once and must succeed), and ten embedded users for a few seconds. PostgreSQL only.
 * No assertion on speed.
 */
const adminUrl = process.env.DATABASE_URL;

describe('open-loop benchmark', () => {
  it.skipIf(!adminUrl)(
    'runs the staff mix at fixed rates on the app and the raw SQL without errors and reports every section',
    async () => {
      const name = `hjemvej_bench_openloop_smoke_${process.pid}`;
      const url = siblingUrl(adminUrl ?? '', name);
      try {
        await buildNationalDatabase({ url, seed: 5, scale: 0.003, only: ['101', '316'] });
        const report = await runOpenLoopBench({
          url,
          processes: [1],
          connections: 4,
          seconds: 2,
          minRequests: 1,
          warmupSeconds: 0,
          // The test's own database work may keep the machine busy: wait briefly, then measure anyway.
          settleSeconds: 5,
          startRate: 2,
          maxRate: 4,
          maxSteps: 2,
          bisections: 0,
          // A cap for a busy machine: this test checks that the runner works, not the speed.
          p95Ms: 10_000,
        });
        expect(report.runs.map((r) => r.label)).toEqual(['raw SQL', 'app, 1 process']);
        for (const run of report.runs) {
          expect(run.steps.map((s) => s.rate)).toEqual([2, 4]);
          for (const step of run.steps) {
            expect(step.result.requests).toBeGreaterThan(0);
            expect(step.result.errors, step.result.firstErrors.join('\n')).toBe(0);
            expect(step.result.sentRate).toBeGreaterThanOrEqual(0.95 * step.result.scheduledRate);
          }
          expect(run.sustainedRate).toBe(4);
          expect(run.atSustained?.paths.length).toBeGreaterThan(0);
        }
        expect(report.mix.reduce((s, x) => s + x.share, 0)).toBeCloseTo(100, 0);
        const markdown = openLoopMarkdown(report);
        for (const section of [
          '## Sustained arrival rate',
          '## The mix',
          '## app, 1 process: steps',
          'Started after',
          '### app, 1 process: per path at 4/s',
          '## raw SQL: steps',
          '## What is measured',
        ])
          expect(markdown).toContain(section);
        for (const x of MIX) expect(markdown).toContain(`| ${x.name} |`);
      } finally {
        await dropDatabase(adminUrl ?? '', name);
      }
    },
    600_000,
  );

  it.skipIf(!adminUrl)(
    'runs ten embedded users with think times and reports every path they sent',
    async () => {
      const report = await runEmbeddedUsers({ scale: 0.005, seconds: 5, thinkMinMs: 100, thinkMaxMs: 300 });
      expect(report.requests).toBeGreaterThan(20);
      expect(report.errors, report.firstErrors.join('\n')).toBe(0);
      expect(report.paths.length).toBeGreaterThan(3);
      for (const p of report.paths) {
        expect(Number.isFinite(p.p95)).toBe(true);
        expect(p.meetsTarget).toBeTypeOf('boolean');
      }
      const markdown = embeddedUsersMarkdown(report);
      expect(markdown).toContain('# Embedded PGlite, 10 users at once');
      expect(markdown).toContain('| path | kind | requests |');
    },
    600_000,
  );
});
