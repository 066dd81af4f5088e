import { setImmediate } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { forEachInSlices } from './cooperative';

describe('forEachInSlices', () => {
  it('runs every item once in order, and lets other work run between slices', async () => {
    const seen: number[] = [];
    const between: number[] = [];
    // Other work queued on the event loop while the slices run: it sees how far they had come.
    const other = (async () => {
      for (let i = 0; i < 3; i++) {
        await setImmediate();
        between.push(seen.length);
      }
    })();
    await forEachInSlices(
      Array.from({ length: 10 }, (_, i) => i),
      (i) => seen.push(i),
      4,
    );
    await other;
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The other work ran after the first slice of four and after the second, before the end.
    expect(between.slice(0, 2)).toEqual([4, 8]);
  });
});
