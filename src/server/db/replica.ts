import {
  type DatabaseConnection,
  type Driver,
  PostgresDialect,
  type PostgresDialectConfig,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';
import { isDatabaseUnavailable } from './unavailable';

/** Whether reports read from the replica: `up` (or not yet tried), `down` (they read from the primary). */
export type ReplicaState = 'up' | 'down';

/** How long reads stay on the primary after the replica failed, before one read tries it again. */
export const REPLICA_RETRY_MS = 30_000;

/** A change of the replica's state, told once per outage and once when it answers again. */
export type ReplicaChange = { state: 'down'; error: Error } | { state: 'up' };

const reportReplicaChange = (change: ReplicaChange) =>
  process.stderr.write(
    change.state === 'down'
      ? `Hjemvej: the reporting replica is unavailable (${change.error.message}); reports read from the primary and the replica is tried again every ${REPLICA_RETRY_MS / 1000} s.\n`
      : 'Hjemvej: the reporting replica answers again; reports read from it.\n',
  );

/** A standby cancelled the statement because replay needed what it read (SQLSTATE 40001 on a standby). */
const isRecoveryConflict = (error: unknown) =>
  (error as { code?: unknown })?.code === '40001' &&
  String((error as { message?: unknown }).message).includes('conflict with recovery');

/**
 * The reporting replica's health as the reporting handle sees it: `down` after a connection to it
 * failed, for `retryMs`; then the next read tries it again (one read, the others stay on the primary
 * until it answered). Tells `onChange` once per outage, not per request.
 */
export class ReplicaRouter {
  #state: ReplicaState = 'up';
  #retryAt = 0;
  readonly #failures = new WeakSet<object>();
  readonly #retryMs: number;
  readonly #onChange: (change: ReplicaChange) => void;

  constructor(options: {
    retryMs?: number | undefined;
    onChange?: ((change: ReplicaChange) => void) | undefined;
  }) {
    this.#retryMs = options.retryMs ?? REPLICA_RETRY_MS;
    this.#onChange = options.onChange ?? reportReplicaChange;
  }

  get state(): ReplicaState {
    return this.#state;
  }

  /** Whether the next connection should come from the replica (a due retry is taken by one caller). */
  shouldTryReplica(): boolean {
    if (this.#state === 'up') return true;
    const now = Date.now();
    if (now < this.#retryAt) return false;
    this.#retryAt = now + this.#retryMs;
    return true;
  }

  /** A connection to the replica worked. */
  answered(): void {
    if (this.#state === 'up') return;
    this.#state = 'up';
    this.#onChange({ state: 'up' });
  }

  /**
   * A statement or connection on the replica failed: an unavailable replica goes `down`, and the
   * error (like a standby's conflict with recovery) is marked so that the reading transaction is run
   * again on the primary (`failedOnReplica`).
   */
  failed(error: unknown): void {
    if (error === null || typeof error !== 'object') return;
    if (isDatabaseUnavailable(error)) {
      this.#failures.add(error);
      this.#retryAt = Date.now() + this.#retryMs;
      if (this.#state === 'down') return;
      this.#state = 'down';
      this.#onChange({ state: 'down', error: error as Error });
    } else if (isRecoveryConflict(error)) this.#failures.add(error);
  }

  /** Whether `error` came from the replica in a way that the same read on the primary avoids. */
  failedOnReplica(error: unknown): boolean {
    return error !== null && typeof error === 'object' && this.#failures.has(error);
  }
}

/** A replica connection that tells the router of its failures. */
class ReplicaConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly router: ReplicaRouter,
  ) {}

  async executeQuery<R>(query: Parameters<DatabaseConnection['executeQuery']>[0]) {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (error) {
      this.router.failed(error);
      throw error;
    }
  }

  streamQuery<R>(...args: Parameters<DatabaseConnection['streamQuery']>) {
    return this.inner.streamQuery<R>(...args);
  }
}

/**
 * Hands out replica connections while the replica answers and primary connections while it does not
 * (a refused or timed-out connection, a standby not accepting connections). Both drivers bind the
 * tenant and the app role the same way; each connection goes back to the driver it came from.
 */
class ReportingDriver implements Driver {
  readonly #owners = new WeakMap<DatabaseConnection, { driver: Driver; inner: DatabaseConnection }>();

  constructor(
    private readonly replica: Driver,
    private readonly primary: Driver,
    private readonly router: ReplicaRouter,
  ) {}

  async init(): Promise<void> {
    await this.replica.init();
    await this.primary.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.router.shouldTryReplica()) {
      try {
        const inner = await this.replica.acquireConnection();
        const connection = new ReplicaConnection(inner, this.router);
        this.#owners.set(connection, { driver: this.replica, inner });
        this.router.answered();
        return connection;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        this.router.failed(error);
      }
    }
    const inner = await this.primary.acquireConnection();
    this.#owners.set(inner, { driver: this.primary, inner });
    return inner;
  }

  #driverOf(connection: DatabaseConnection): Driver {
    return this.#owners.get(connection)?.driver ?? this.primary;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#driverOf(connection).beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#driverOf(connection).commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#driverOf(connection).rollbackTransaction(connection);
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#driverOf(connection).savepoint?.(connection, name, compile);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await this.#driverOf(connection).rollbackToSavepoint?.(connection, name, compile);
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await this.#driverOf(connection).releaseSavepoint?.(connection, name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const owner = this.#owners.get(connection);
    this.#owners.delete(connection);
    await (owner?.driver ?? this.primary).releaseConnection(owner?.inner ?? connection);
  }

  /** Ends the replica's pool; the primary's belongs to the app handle, which ends it. */
  async destroy(): Promise<void> {
    await this.replica.destroy();
  }
}

/**
 * The reporting handle's dialect: PostgreSQL's compiler and adapter, with the driver of
 * `ReportingDriver` over the replica's dialect and a second driver on the primary's app pool.
 */
export class ReportingDialect extends PostgresDialect {
  constructor(
    private readonly replica: PostgresDialect,
    private readonly primary: PostgresDialect,
    private readonly router: ReplicaRouter,
    config: PostgresDialectConfig,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new ReportingDriver(this.replica.createDriver(), this.primary.createDriver(), this.router);
  }
}
