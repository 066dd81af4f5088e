import { describe, expect, it } from 'vitest';
import { fromSharedText, isSuppressedAt, nationalContext, ratePer10000, sharedText } from './comparison';

describe('the comparison across municipalities (issue 18 §7)', () => {
  it('gives a count per 10,000 inhabitants to one decimal, and no rate for a suppressed count or an unknown basis', () => {
    expect(ratePer10000(6, 50_000)).toBe(1.2);
    expect(ratePer10000(7, 30_000)).toBe(2.3);
    expect(ratePer10000('<5', 50_000)).toBeNull();
    expect(ratePer10000('x', 50_000)).toBeNull();
    expect(ratePer10000(6, null)).toBeNull();
  });

  it('rule 33: lets only figures suppressed at the limit leave the municipality', () => {
    expect(['0', '5', '<5', 'x']).toEqual([0, 5, '<5', 'x'].map((v) => sharedText(v as never, 5)));
    expect(sharedText(3, 3)).toBe('3');
    for (const [value, limit] of [
      [4, 5],
      [1, 3],
      ['<3', 5],
      [2.5, 3],
    ] as const)
      expect(() => sharedText(value as never, limit)).toThrow(RangeError);
    expect(() => sharedText(10, 2)).toThrow(RangeError);
    expect(isSuppressedAt('<7', 7)).toBe(true);
    expect(isSuppressedAt(6, 7)).toBe(false);
  });

  it('reads a shared value back as it was reported', () => {
    expect(['12', '0', '<5', 'x'].map(fromSharedText)).toEqual([12, 0, '<5', 'x']);
  });

  it('rule 9: sets the national count beside the figures as a rate of the country’s inhabitants', () => {
    expect(nationalContext()).toEqual({
      year: 2024,
      total: 5_989,
      inhabitants: 5_961_249,
      ratePer10000: 10,
    });
  });
});
