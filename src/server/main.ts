import cluster from 'node:cluster';
import { type Config, ConfigError, loadConfig } from './config';
import { runPrimary } from './primary';
import { banner, fail, openOrFail, seedIfAsked, serve } from './serve';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  fail(error instanceof ConfigError ? error.message : `Invalid configuration: ${String(error)}`);
}

if (cluster.isWorker) {
  // A worker of several processes (ADR 0023): the primary migrated and seeded, and prints the banner.
  await serve(config, await openOrFail(config, { migrate: false }), { worker: true });
} else if (config.DATABASE_URL && config.WEB_CONCURRENCY > 1) {
  await runPrimary(config);
} else {
  if (!config.DATABASE_URL && Number(process.env.WEB_CONCURRENCY) > 1)
    console.log(
      `WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY} is ignored: the embedded database (PGlite) allows one process.`,
    );
  const db = await openOrFail(config, { migrate: true });
  const demoUsers = await seedIfAsked(config, db);
  await serve(config, db, { bannerText: await banner(config, db, demoUsers) });
}
