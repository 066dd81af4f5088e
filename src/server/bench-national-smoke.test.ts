import { describe, expect, it } from 'vitest';
import { nationalMarkdown, runNationalBench } from '../../bench/national/bench';
import { buildNationalDatabase } from '../../bench/national/data';
import { openDatabase } from './db/database';
import { verifyAllChains } from './modules/audit';
import { dropDatabase, siblingUrl } from './test/pg-admin';

/**
 * Proves that `npm run bench:data && npm run bench` still run: a tiny national set (all 98
 * municipalities at 0.3 % of their size) generated into a fresh database, then the national
 * benchmark with one-second runs. PostgreSQL only. No assertion on speed: only that the generated
 * audit chains verify and every path, the import and the embedded run produced numbers.
 */
const adminUrl = process.env.DATABASE_URL;

const PATHS = [
  'citizen search',
  'citizen page',
  'waiting list',
  'candidate ranking',
  'prevention inbox',
  'Mine opgaver',
  'agreement report',
  'support caseload',
  'support Mine opgaver',
  'shelter residents',
  'stay lengths',
  'economics',
  'young people',
  'dashboard',
  'dashboard, computed now',
  'committee report',
  'committee report, computed now',
  'youth indicators',
];

/** The support worker's paths (issue 15): measured for one user too, against a 70 % share of raw. */
const SUPPORT_PATHS = ['support caseload', 'support Mine opgaver'];

describe('national benchmark', () => {
  it.skipIf(!adminUrl)(
    'generates a tiny national set whose audit chains verify and reports numbers for every read path',
    async () => {
      const name = `hjemvej_bench_national_smoke_${process.pid}`;
      const url = siblingUrl(adminUrl ?? '', name);
      try {
        const { summary } = await buildNationalDatabase({ url, seed: 5, scale: 0.003 });
        expect(summary.municipalities).toHaveLength(98);
        for (const table of [
          'citizen',
          'allocation_application',
          'vacancy',
          'offer',
          'eviction_notice',
          'support_team',
          'support_worker',
          'support_enrollment',
          'support_phase_change',
          'support_contact',
          'youth_profile',
          'youth_placement',
        ])
          expect(summary.rows[table]).toBeGreaterThan(0);
        expect(summary.rows.support_enrollment).toBe(
          summary.municipalities.reduce((n, m) => n + m.support.enrollments, 0),
        );
        expect(summary.rows.youth_profile).toBe(
          summary.municipalities.reduce((n, m) => n + m.youth.profiles, 0),
        );
        expect(summary.rows.audit_event).toBe(summary.municipalities.reduce((n, m) => n + m.counts.audit, 0));

        const db = await openDatabase({ url, poolSize: 2 });
        try {
          const chains = await verifyAllChains(db.owner);
          expect(chains).toHaveLength(98);
          expect(chains.filter((c) => !c.ok)).toEqual([]);
        } finally {
          await db.close();
        }

        const report = await runNationalBench({
          url,
          connections: 2,
          sessions: 1,
          seconds: 1,
          warmupSeconds: 0,
          importRows: 40,
          embeddedSeconds: 1,
          serialSeconds: 1,
        });
        expect(report.paths.map((p) => p.name)).toEqual(PATHS);
        for (const p of report.paths) {
          expect(p.statements).toBeGreaterThan(0);
          for (const run of [p.app, p.raw]) {
            expect(run?.requests).toBeGreaterThan(0);
            expect(run?.errors).toBe(0);
            expect(Number.isFinite(run?.p50)).toBe(true);
            expect(Number.isFinite(run?.p95)).toBe(true);
          }
          expect(Number.isFinite(p.plan?.executionMs)).toBe(true);
          expect(p.oneUser?.requests).toBeGreaterThan(0);
          expect(p.oneUser?.errors).toBe(0);
          expect(Number.isFinite(p.oneUser?.p95)).toBe(true);
        }
        for (const name of SUPPORT_PATHS) {
          const p = report.paths.find((x) => x.name === name);
          expect(p?.shareOfRaw).toBe(0.7);
          expect(p?.meetsOneUser).toBeTypeOf('boolean');
          expect(p?.meetsRatio).toBeTypeOf('boolean');
        }
        // Issue 18: the monthly flow of every municipality, against its raw SQL.
        expect(report.flowAll?.municipalities).toBe(98);
        expect(report.flowAll?.app.p95).toBeGreaterThan(0);
        expect(report.flowAll?.raw.p95).toBeGreaterThan(0);
        expect(nationalMarkdown(report)).toContain('## The monthly flow of every municipality');
        expect(report.import).toMatchObject({ rows: 40, imported: 40, copy: { rows: 40 } });
        expect(report.import?.rowsPerSecond).toBeGreaterThan(0);
        expect(report.embedded?.paths.map((p) => p.name)).toEqual(PATHS);
        for (const p of report.embedded?.paths ?? []) expect(p.app.requests).toBeGreaterThan(0);
        const markdown = nationalMarkdown(report);
        expect(markdown).toContain('| candidate ranking |');
        for (const name of SUPPORT_PATHS) expect(markdown).toContain(`| ${name} |`);
      } finally {
        await dropDatabase(adminUrl ?? '', name);
      }
    },
    // A cap against a hang: about 2.5 minutes on a quiet machine, 4.8 beside the rest of the suite
    // on a busy one.
    900_000,
  );
});
