import { describe, expect, it } from 'vitest';
import { barLayout, niceStep } from './chart-layout';

const area = { left: 0, top: 0, width: 100, height: 100 };

describe('bar chart layout', () => {
  it('picks a round axis step of 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(100, 4)).toBe(50);
    expect(niceStep(7, 4)).toBe(2);
    expect(niceStep(0.3, 4)).toBe(0.1);
    expect(niceStep(0, 4)).toBe(1);
  });

  it('stacks positive values upwards from zero and makes the axis reach the highest stack', () => {
    const layout = barLayout(
      1,
      [
        { key: 'a', label: 'A', values: [30] },
        { key: 'b', label: 'B', values: [50] },
      ],
      true,
      area,
    );
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80]);
    const [a, b] = layout.bars;
    expect(a).toMatchObject({ y: 100 - 30 * 1.25, height: 30 * 1.25 });
    // B sits on top of A.
    expect(b?.y).toBeCloseTo(100 - 80 * 1.25);
    expect((b?.y ?? 0) + (b?.height ?? 0)).toBeCloseTo(a?.y ?? 0);
  });

  it('draws negative values below zero, on a stack of their own', () => {
    const layout = barLayout(
      1,
      [
        { key: 'cost', label: 'Cost', values: [100] },
        { key: 'refund', label: 'Refund', values: [-50] },
      ],
      true,
      area,
    );
    expect(layout.ticks[0]?.value).toBe(-50);
    const refund = layout.bars.find((bar) => bar.series === 1);
    expect(refund?.y).toBeCloseTo(layout.zeroY);
    expect(refund?.value).toBe(-50);
  });

  it('puts grouped bars side by side and leaves no bar for a missing or suppressed value', () => {
    const layout = barLayout(
      2,
      [
        { key: 'a', label: 'A', values: [10, null] },
        { key: 'b', label: 'B', values: [20, 5] },
      ],
      false,
      area,
    );
    expect(layout.bars).toHaveLength(3);
    const [first, second] = layout.bars;
    expect((second?.x ?? 0) - (first?.x ?? 0)).toBeCloseTo(first?.width ?? 0);
    expect(layout.labelX).toEqual([25, 75]);
  });

  it('still has an axis when every value is zero', () => {
    const layout = barLayout(3, [{ key: 'a', label: 'A', values: [0, 0, 0] }], false, area);
    expect(layout.ticks.length).toBeGreaterThanOrEqual(2);
    expect(layout.bars).toHaveLength(0);
  });
});
