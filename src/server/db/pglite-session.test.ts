import type { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { PGliteSession } from './pglite-dialect';

// ADR 0028: PGlite's one session goes to those who asked in order, a report's statements after
// every ordinary waiter.
describe("PGlite's one session", () => {
  const session = () => new PGliteSession({} as PGlite);

  it('is handed to ordinary waiters in the order they asked', async () => {
    const s = session();
    const order: string[] = [];
    const first = await s.take();
    const waiters = ['a', 'b', 'c'].map((name) =>
      s.take().then((give) => {
        order.push(name);
        give();
      }),
    );
    first();
    await Promise.all(waiters);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it("goes to a report's statement only when no ordinary waiter is left, whoever asked first", async () => {
    const s = session();
    const order: string[] = [];
    const first = await s.take();
    const report = s.take(true).then((give) => {
      order.push('report');
      give();
    });
    // The report's statement asks first, in the next turn of the event loop, and a request after it.
    await new Promise((resolve) => setImmediate(resolve));
    const request = s.take().then((give) => {
      order.push('request');
      give();
    });
    first();
    await Promise.all([report, request]);
    expect(order).toEqual(['request', 'report']);
  });

  it('is not handed on twice when its holder gives it back twice', async () => {
    const s = session();
    const order: string[] = [];
    const give = await s.take();
    const a = s.take().then((g) => {
      order.push('a takes');
      return g;
    });
    const b = s.take().then((g) => {
      order.push('b takes');
      g();
    });
    give();
    give();
    const giveA = await a;
    await new Promise((resolve) => setImmediate(resolve));
    order.push('a gives');
    giveA();
    await b;
    expect(order).toEqual(['a takes', 'a gives', 'b takes']);
  });
});
