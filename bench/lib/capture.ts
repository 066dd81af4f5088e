import {
  type CompiledQuery,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresQueryCompiler,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * Records the statements the application sends while `capture` runs, compiled as PostgreSQL gets
 * them (SQL and parameters). Installed with `db.app.withPlugin(plugin)`; it changes no query. Only
 * one capture runs at a time, with no other load, so every statement seen belongs to it.
 */
export class CapturePlugin implements KyselyPlugin {
  private readonly compiler = new PostgresQueryCompiler();
  private captured: CompiledQuery[] | undefined;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.captured?.push(this.compiler.compileQuery(args.node, args.queryId));
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  async capture(run: () => Promise<unknown>): Promise<CompiledQuery[]> {
    if (this.captured) throw new Error('A capture is already running');
    this.captured = [];
    try {
      await run();
      return this.captured;
    } finally {
      this.captured = undefined;
    }
  }
}

/**
 * The statements of a request that read the tenant's data: what the raw baseline replays. Left
 * out are the session lookup, the tenant binding and the writes (the audit row of a read), which
 * are the application's own work around the read.
 */
export function readStatements(queries: readonly CompiledQuery[]): CompiledQuery[] {
  return queries.filter((q) => {
    const text = q.sql.trimStart().toLowerCase();
    return (
      (text.startsWith('select') || text.startsWith('with')) &&
      !text.includes('auth_session_touch') &&
      !text.includes('set_config(') &&
      !/\b(insert|update|delete)\s/.test(text.replace(/'[^']*'/g, ''))
    );
  });
}
