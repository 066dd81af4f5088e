import { setImmediate } from 'node:timers/promises';

/**
 * Runs `step` on each item, letting the event loop turn after every `every` items, so that a
 * computation of seconds over a large municipality's history (the dashboard's statuses of every
 * citizen and month) does not keep the process's other requests waiting until it ends: they are
 * answered in between. The work is the same; it is only cut into slices.
 */
export async function forEachInSlices<T>(
  items: Iterable<T>,
  step: (item: T) => void,
  every = 1000,
): Promise<void> {
  let done = 0;
  for (const item of items) {
    step(item);
    if (++done % every === 0) await setImmediate();
  }
}
