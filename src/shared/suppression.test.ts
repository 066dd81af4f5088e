import { describe, expect, it } from 'vitest';
import { HIDDEN, SUPPRESSED, suppressBreakdown, suppressSmall } from './suppression';

describe('suppressSmall (design.md §2: n < 5 on every aggregate that leaves case work)', () => {
  it('shows 1 to 4 as "<5" and shows 0 and 5 or more as they are', () => {
    expect([0, 1, 2, 3, 4, 5, 17].map(suppressSmall)).toEqual([
      0,
      SUPPRESSED,
      SUPPRESSED,
      SUPPRESSED,
      SUPPRESSED,
      5,
      17,
    ]);
    expect(SUPPRESSED).toBe('<5');
  });
});

describe('suppressBreakdown (domain.md rule 33: secondary suppression)', () => {
  it('leaves a breakdown without small cells as it is', () => {
    expect(suppressBreakdown({ a: 12, b: 5, c: 0 })).toEqual({ a: 12, b: 5, c: 0 });
  });

  it('hides the next smallest cell when one small cell could be worked out from the total', () => {
    // Total 20 is shown: with only b hidden, b = 20 − 9 − 8.
    expect(suppressBreakdown({ a: 9, b: 3, c: 8 })).toEqual({ a: 9, b: SUPPRESSED, c: HIDDEN });
  });

  it('hides more cells while the hidden ones add up to less than 5', () => {
    // b + c = 2 would give 1 and 1.
    expect(suppressBreakdown({ a: 9, b: 1, c: 1, d: 6, e: 7 })).toEqual({
      a: 9,
      b: SUPPRESSED,
      c: SUPPRESSED,
      d: HIDDEN,
      e: 7,
    });
  });

  it('hides more cells when the hidden ones add up to 4 each, which only 4 and 4 can', () => {
    expect(suppressBreakdown({ a: 4, b: 4, c: 10, d: 11 })).toEqual({
      a: SUPPRESSED,
      b: SUPPRESSED,
      c: HIDDEN,
      d: 11,
    });
  });

  it('never hides a zero, which names nobody', () => {
    expect(suppressBreakdown({ a: 2, b: 0, c: 0 })).toEqual({ a: SUPPRESSED, b: 0, c: 0 });
  });
});
