import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { currentThreadId, threadNice, threadPriorityWorks } from './thread-priority';

/** Runs `lowerThreadPriority` in a new worker thread and answers with its thread id. */
function lowerInAWorker(): Promise<{ lowered: boolean; tid: number; end: () => void }> {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     parentPort.once('message', async () => {
       const { lowerThreadPriority, currentThreadId } = await import(${JSON.stringify(new URL('./thread-priority.ts', import.meta.url).href)});
       parentPort.postMessage({ lowered: lowerThreadPriority(), tid: currentThreadId() });
       parentPort.once('message', () => process.exit(0));
     });`,
    { eval: true, execArgv: ['--import', 'tsx'] },
  );
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (answer) => {
      // The thread stays until its nice value has been read, then ends.
      resolve({
        ...answer,
        end: () => worker.postMessage('end'),
      });
    });
    worker.postMessage('start');
  });
}

describe.skipIf(!threadPriorityWorks)('a background thread’s scheduling priority (Linux)', () => {
  it('is lowered for the worker thread alone, while the thread that answers requests keeps its own', async () => {
    const mainTid = currentThreadId() as number;
    const before = threadNice(mainTid);
    const answer = await lowerInAWorker();
    try {
      expect(answer.lowered).toBe(true);
      expect(answer.tid).not.toBe(mainTid);
      expect(threadNice(answer.tid)).toBe(Math.min(19, Math.max(before, 10)));
      expect(threadNice(mainTid)).toBe(before);
    } finally {
      answer.end();
    }
  });
});
