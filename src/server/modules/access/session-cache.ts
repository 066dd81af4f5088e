import type { NotificationListener } from '../../db/database';
import { BoundedMap } from '../../platform/bounded-map';

/** The channel the `session` table's delete trigger notifies with the ended session's token hash. */
export const SESSION_ENDED_CHANNEL = 'hjemvej_session_ended';

interface Entry<T> {
  value: T;
  /** When it was read (the clock's ms). */
  readAt: number;
  /** When the session ends at the latest (ms since the epoch). */
  endsAt: number;
}

/**
 * Sessions a process has read, kept for a few seconds so that a user's next requests need no round
 * trip to read their session again (issue 21 §3, ADR 0025). It keeps nothing unless it hears every
 * ended session: only while its listener is in place (the `session` table's delete trigger
 * notifies each process at commit), and it forgets everything the moment the listener is lost. A
 * read that was under way when a session ended is not kept (`generation`), so an ended session is
 * never put back. A kept session is kept at most `ttlMs` and never past its own end; the sliding
 * idle timeout is moved by the read after that, so it is measured to within `ttlMs` plus a minute.
 */
export class SessionCache<T extends { user_id: string }> {
  private readonly entries: BoundedMap<Entry<T>>;
  private listening = false;
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    limit = 20_000,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.entries = new BoundedMap(limit);
    caches.add(this as unknown as SessionCache<{ user_id: string }>);
  }

  /** Stops keeping sessions (the app closes). */
  close(): void {
    this.listener.onLost();
    caches.delete(this as unknown as SessionCache<{ user_id: string }>);
  }

  /** What the database's listener on SESSION_ENDED_CHANNEL tells this cache. */
  readonly listener: NotificationListener = {
    onNotify: (tokenHash) => this.end(tokenHash),
    onListening: () => {
      this.generation++;
      this.listening = true;
    },
    onLost: () => {
      this.listening = false;
      this.generation++;
      this.entries.clear();
    },
  };

  /** Whether sessions are kept at all (the listener is in place). */
  get active(): boolean {
    return this.listening;
  }

  /** The session as kept, if it is kept and still fresh. */
  get(tokenHash: string): T | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    const now = this.clock();
    if (now - entry.readAt >= this.ttlMs || Date.now() >= entry.endsAt) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.value;
  }

  /** Marks the start of a read; `keep` with the mark keeps its result only if no session ended since. */
  mark(): number {
    return this.generation;
  }

  keep(tokenHash: string, value: T, endsAt: Date, mark: number): void {
    if (!this.listening || mark !== this.generation) return;
    this.entries.set(tokenHash, { value, readAt: this.clock(), endsAt: endsAt.getTime() });
  }

  /** Forgets a session that has ended (told by the trigger, or by this process as it ends one). */
  end(tokenHash: string): void {
    this.generation++;
    this.entries.delete(tokenHash);
  }

  /** Forgets every session of the user (their sessions were deleted). */
  endUser(userId: string): void {
    this.generation++;
    for (const [tokenHash, entry] of this.entries)
      if (entry.value.user_id === userId) this.entries.delete(tokenHash);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The caches of this process's apps (tests build several). */
const caches = new Set<SessionCache<{ user_id: string }>>();

/**
 * Tells this process's caches at once that a session is being ended, before the trigger's
 * notification comes back: the request after a logout, answered by the same process, must not find
 * it kept. (Other processes learn it from the notification, at the deleting transaction's commit.)
 */
export function forgetSession(tokenHash: string): void {
  for (const cache of caches) cache.end(tokenHash);
}

/** As forgetSession, for every session of a user (disabled, another role, a second factor reset). */
export function forgetSessionsOfUser(userId: string): void {
  for (const cache of caches) cache.endUser(userId);
}
