import { describe, expect, it } from 'vitest';
import type { CountReport } from '../../../shared/count/api';
import { seededDemo, skipDemo } from '../../test/demo';
import { call } from '../../test/factories';

// The demo municipality has a fixed kommunekode, so this runs on PGlite only (as the other demo
// seed tests).
describe.skipIf(skipDemo)('the demo week-6 counts (issue 18 §1; domain.md rule 9)', () => {
  const demo = seededDemo();

  it('report 84 homeless (22 aged 18–29) in 2019 and 67 (20) in 2022, counted from the registrations', async () => {
    const leader = await demo.login('leader');
    const report = (await call(leader, 'GET', '/api/counts/2022/report')) as CountReport;
    expect(report.figures).toMatchObject({ total: 67, youth18to29: 20, migrants: '<5' });
    expect(report.years.slice(0, 2)).toEqual([
      { year: 2019, total: 84, youth18to29: 22, national: 6431 },
      { year: 2022, total: 67, youth18to29: 20, national: 5789 },
    ]);
    const caseworker = await demo.login('caseworker');
    const counts = (await call(caseworker, 'GET', '/api/counts')) as { year: number; status: string }[];
    expect(counts.find((c) => c.year === 2022)).toMatchObject({ status: 'closed' });
  });
});
