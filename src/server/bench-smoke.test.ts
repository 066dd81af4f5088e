import { describe, expect, it } from 'vitest';
import { allocationMarkdown, runAllocationBench } from '../../bench/allocation-ranking';
import { citizensMarkdown, runCitizensBench } from '../../bench/citizens-search';
import { preventionMarkdown, runPreventionBench } from '../../bench/prevention';

/**
 * Proves that `npm run bench` still runs: each suite end to end on a tiny data set with one-second
 * runs. PostgreSQL only (the benchmark creates its own database next to DATABASE_URL's). No
 * assertion on speed: only that every case produced numbers.
 */
const adminUrl = process.env.DATABASE_URL;

describe('benchmarks', () => {
  it.skipIf(!adminUrl)(
    'the citizens search benchmark reports p50 and p95 for every case',
    async () => {
      const report = await runCitizensBench({
        adminUrl: adminUrl ?? '',
        database: `hjemvej_bench_smoke_${process.pid}`,
        citizens: 200,
        neighbourCitizens: 50,
        connections: 4,
        users: 2,
        seconds: 1,
        warmupSeconds: 0,
        serialSeconds: 1,
      });

      expect(report.cases.map((c) => c.name)).toEqual(['name search', 'CPR prefix', 'filtered list']);
      for (const c of report.cases) {
        expect(c.matched.app).toBe(c.matched.raw);
        for (const run of [c.app, c.raw, c.serial?.app, c.serial?.raw]) {
          expect(run?.requests).toBeGreaterThan(0);
          expect(Number.isFinite(run?.p50)).toBe(true);
          expect(Number.isFinite(run?.p95)).toBe(true);
        }
        expect(Number.isFinite(c.plan.executionMs)).toBe(true);
      }
      expect(citizensMarkdown(report)).toContain('| filtered list |');
    },
    600_000,
  );

  it.skipIf(!adminUrl)(
    'the allocation benchmark reports candidate-ranking p50 and p95 for every case',
    async () => {
      const report = await runAllocationBench({
        adminUrl: adminUrl ?? '',
        database: `hjemvej_bench_smoke_${process.pid}`,
        applications: 60,
        neighbourApplications: 20,
        connections: 2,
        users: 2,
        seconds: 1,
        warmupSeconds: 0,
        serialSeconds: 1,
      });

      expect(report.cases.map((c) => c.name)).toEqual(['udsat area', 'normal area']);
      expect(report.data.measured.applications.approved).toBe(60);
      for (const c of report.cases) {
        expect(c.matched.app).toBe(c.matched.raw);
        expect(c.matched.app).toBe(report.data.measured.waiting);
        expect(c.eligible).toBeGreaterThan(0);
        const runs = [c.app, c.raw, c.serial?.app, c.serial?.raw, c.serial?.cold, c.serial?.rawCold];
        runs.push(c.breakdown?.rank, c.breakdown?.rankCold, c.breakdown?.memory, c.breakdown?.stringify);
        for (const run of runs) {
          expect(run?.requests).toBeGreaterThan(0);
          expect(Number.isFinite(run?.p50)).toBe(true);
          expect(Number.isFinite(run?.p95)).toBe(true);
        }
        expect(Number.isFinite(c.plan.executionMs)).toBe(true);
        expect(Number.isFinite(c.factsPlan.executionMs)).toBe(true);
        expect(typeof c.meetsTarget).toBe('boolean');
      }
      expect(allocationMarkdown(report)).toContain('| udsat area |');
    },
    600_000,
  );

  it.skipIf(!adminUrl)(
    'the prevention benchmark reports inbox p50 and p95 and import rows per second',
    async () => {
      const report = await runPreventionBench({
        adminUrl: adminUrl ?? '',
        database: `hjemvej_bench_smoke_${process.pid}`,
        notices: 400,
        neighbourNotices: 50,
        importRows: 150,
        // Small files, so that the split over several uploads is exercised too.
        maxFileBytes: 6_000,
        connections: 2,
        users: 2,
        seconds: 1,
        warmupSeconds: 0,
        serialSeconds: 1,
      });

      expect(report.data.measured.notices).toBe(400);
      expect(report.data.measured.cases.open).toBeGreaterThan(0);
      expect(report.inbox.map((c) => c.name)).toEqual(['open inbox', 'closed cases']);
      for (const c of report.inbox) {
        expect(c.matched.app).toBe(c.matched.raw);
        expect(c.matched.app).toBeGreaterThan(0);
        const runs = [
          c.app,
          c.raw,
          c.serial?.app,
          c.serial?.raw,
          c.breakdown?.service,
          c.breakdown?.stringify,
        ];
        for (const run of runs) {
          expect(run?.requests).toBeGreaterThan(0);
          expect(Number.isFinite(run?.p50)).toBe(true);
          expect(Number.isFinite(run?.p95)).toBe(true);
        }
        expect(Number.isFinite(c.plans.cases.executionMs)).toBe(true);
      }
      expect(typeof report.inbox[0]?.meetsTarget).toBe('boolean');
      const im = report.import;
      expect(im.files.length).toBeGreaterThan(1);
      expect(im.first).toMatchObject({ rows: 150, valid: 150, imported: 150, problems: 0 });
      expect(im.second).toMatchObject({ rows: 150, imported: 0 });
      expect(im.effect.notices).toBe(150);
      expect(im.copy.rows).toBe(150);
      expect(im.copyTables.rows).toBe(150);
      expect(im.first.rowsPerSecond).toBeGreaterThan(0);
      expect(im.breakdown.statements.map((s) => s.step)).toContain('insertNotices');
      expect(preventionMarkdown(report)).toContain('| open inbox |');
    },
    600_000,
  );
});
