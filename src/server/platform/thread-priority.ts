import { readFileSync, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value background threads run at: below the threads that answer requests. */
export const BACKGROUND_NICE = 10;

/**
 * Whether this platform can lower one thread's scheduling priority: on Linux a thread has its own
 * nice value, set through its thread id. Elsewhere a nice value is the whole process's.
 */
export const threadPriorityWorks = process.platform === 'linux';

/** This thread's id on Linux (`/proc/thread-self` links to `<pid>/task/<tid>`), else null. */
export function currentThreadId(): number | null {
  if (!threadPriorityWorks) return null;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/**
 * Lowers the calling thread's scheduling priority to `nice` (Linux only), so that a worker thread
 * doing seconds of computation (a Monte Carlo forecast) yields the cores to the threads that answer
 * requests, and to the database, whenever they have work. Raising a nice value needs no privilege.
 * Returns whether it was lowered.
 */
export function lowerThreadPriority(nice = BACKGROUND_NICE): boolean {
  const tid = currentThreadId();
  if (tid === null) return false;
  try {
    // A thread already lower (the whole process started under nice) stays where it is.
    if (getPriority(tid) < nice) setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}

/** The nice value of a thread of this process (Linux: field 19 of `/proc/self/task/<tid>/stat`). */
export function threadNice(tid: number): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[16]);
}
