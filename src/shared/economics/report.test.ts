import { describe, expect, it } from 'vitest';
import {
  COMPONENTS,
  emptyFigures,
  type Figures,
  reportGroups,
  reportRow,
  reportRows,
  suppressGrid,
} from './report';

function figures(
  cells: Partial<Record<(typeof COMPONENTS)[number], [number, number]>>,
  citizens: number,
): Figures {
  const f = emptyFigures();
  for (const [c, [kr, n]] of Object.entries(cells)) f.cells[c as (typeof COMPONENTS)[number]] = { kr, n };
  f.citizens = citizens;
  return f;
}

describe('small-number suppression of the economics figures', () => {
  it('hides a kroner sum from fewer than 5 citizens and a second cell, so the net cannot reveal it', () => {
    const f = figures(
      {
        shelter: [500_000, 20],
        support: [90_000, 12],
        placements: [60_000, 2],
        stayRefund: [200_000, 18],
        supportRefund: [30_000, 6],
      },
      25,
    );
    const hidden = suppressGrid([COMPONENTS.map((c) => f.cells[c].n)])[0] as boolean[];
    const row = reportRow(f, hidden);
    expect(row.placements).toBeNull();
    expect(row.supportRefund).toBeNull(); // the smallest shown cell (6 citizens) hidden as well
    expect(row.shelter).toBe(500_000);
    expect(row.net).toBe(500_000 + 90_000 + 60_000 - 200_000 - 30_000);
    // Costs alone would reveal the placements (costs − shelter − support): not shown.
    expect(row.costs).toBeNull();
    expect(row.citizens).toBe(25);
  });

  it('shows nothing of a row built from fewer than 5 citizens but its count as "<5"', () => {
    const row = reportRow(figures({ shelter: [40_000, 3] }, 3), [true, false, false, false, false, false]);
    expect(row).toMatchObject({ citizens: '<5', shelter: null, net: null, costs: null });
  });

  it('rule 33: at the municipality\'s limit of 7 a row of 6 citizens is "<7" and shows no kroner', () => {
    const f = figures({ shelter: [60_000, 6], support: [30_000, 6] }, 6);
    expect(reportRows([f])[0]).toMatchObject({ citizens: 6, shelter: 60_000, net: 90_000 });
    expect(reportRows([f], undefined, 7)[0]).toMatchObject({
      citizens: '<7',
      shelter: null,
      support: null,
      net: null,
    });
  });

  it('hides a second month when only one month of a column is hidden', () => {
    const rows = [20, 3, 9, 30].map((n) => figures({ shelter: [n * 10_000, n] }, n + 10));
    const reported = reportRows(rows);
    expect(reported.map((r) => r.shelter)).toEqual([200_000, null, null, 300_000]);
  });

  it('hides a group of 1–4 citizens and the next smallest, and the youth subtotal when it would reveal one', () => {
    const groups = {
      under_18: figures({}, 0),
      '18_24': figures({ shelter: [80_000, 3] }, 3),
      '25_29': figures({ shelter: [200_000, 8] }, 8),
      '30_49': figures({ shelter: [900_000, 30] }, 30),
      '50_plus': figures({ shelter: [700_000, 21] }, 21),
    };
    const { rows, subtotal } = reportGroups(groups, ['under_18', '18_24', '25_29']);
    expect(rows['18_24']).toMatchObject({ citizens: '<5', shelter: null });
    expect(rows['25_29']).toMatchObject({ citizens: 'x', shelter: null });
    expect(rows['30_49']).toMatchObject({ citizens: 30, shelter: 900_000 });
    // Youth holds both hidden groups (11 citizens together): its sum reveals neither alone.
    expect(subtotal).toMatchObject({ citizens: 11, shelter: 280_000 });
  });

  it('does not show the youth subtotal when a single youth group is hidden inside it', () => {
    const groups = {
      under_18: figures({}, 0),
      '18_24': figures({ shelter: [80_000, 3] }, 3),
      '25_29': figures({ shelter: [200_000, 8] }, 8),
      '30_49': figures({ shelter: [900_000, 6] }, 6),
      '50_plus': figures({ shelter: [700_000, 21] }, 21),
    };
    // 18_24 (3) and 30_49 (6: the next smallest) are hidden: one inside youth, one outside.
    const { rows, subtotal } = reportGroups(groups, ['under_18', '18_24', '25_29']);
    expect(rows['30_49'].citizens).toBe('x');
    expect(rows['25_29'].citizens).toBe(8);
    expect(subtotal.citizens).toBe('x');
    expect(subtotal.shelter).toBeNull();
  });
});
