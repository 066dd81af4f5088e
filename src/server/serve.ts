import type { FastifyInstance } from 'fastify';
import { buildApp, moduleContext } from './app';
import { openConfiguredDatabase } from './boot';
import type { Config } from './config';
import type { DatabaseHandles } from './db/database';
import { DEMO_MUNICIPALITY, DEMO_SECOND_FACTOR_ROLES, demoUsername, seedDemo } from './demo/seed';
import { serverModules } from './modules';
import { accessSettings, findLoginUser } from './modules/access';

/** Prints `message` on stderr and ends the process with code 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * Opens the configured database, migrating it unless told not to (a worker: its primary did), or
 * ends the process with one line saying why.
 */
export async function openOrFail(config: Config, options: { migrate: boolean }): Promise<DatabaseHandles> {
  return openConfiguredDatabase(config, options).catch((error: unknown) =>
    fail(
      `Cannot open the database (${config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.dataDir}`}): ${
        error instanceof Error
          ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`
          : String(error)
      }`,
    ),
  );
}

/** Seeds the demo municipality when DEMO_SEED asks for it and none exists; answers the users it made. */
export async function seedIfAsked(config: Config, db: DatabaseHandles): Promise<string[]> {
  return config.DEMO_SEED
    ? seedDemo(db, config.DEMO_PASSWORD, {
        secret: config.DEMO_TOTP_SECRET,
        sealingSecret: accessSettings(config).sealingSecret,
      })
    : [];
}

/** The startup banner: where Hjemvej answers, on what database, and the demo's users. */
export async function banner(
  config: Config,
  db: DatabaseHandles,
  demoUsers: string[],
  processes = 1,
): Promise<string> {
  const url = `http://${config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST}:${config.PORT}`;
  const database = db.kind === 'pglite' ? `PGlite i ${config.dataDir}` : 'PostgreSQL';
  const lines = [
    '',
    `  Hjemvej kører på ${url}  (database: ${database}${processes > 1 ? `; ${processes} processer` : ''})`,
  ];
  if (demoUsers.length > 0) {
    lines.push(
      '',
      `  Demokommune oprettet: ${DEMO_MUNICIPALITY.name}`,
      `  Log ind med en af disse brugere og adgangskoden "${config.DEMO_PASSWORD}":`,
      ...demoUsers.map((u) => `    ${u}`),
      '',
      `  ${DEMO_SECOND_FACTOR_ROLES.map(demoUsername).join(' og ')} logger ind med totrinsbekræftelse (TOTP).`,
      `  Tilføj nøglen "${config.DEMO_TOTP_SECRET}" i en authenticator-app (fx Microsoft Authenticator),`,
      '  og skriv dens 6-cifrede kode efter adgangskoden.',
    );
  } else if (config.DEMO_SEED && (await findLoginUser(db.owner, demoUsername('admin')))) {
    lines.push(
      '',
      `  Demobrugere: ${demoUsername('admin')}, ${demoUsername('caseworker')}, … (adgangskode fra DEMO_PASSWORD)`,
      `  ${demoUsername('admin')} og ${demoUsername('auditor')}: TOTP-nøgle fra DEMO_TOTP_SECRET (${config.DEMO_TOTP_SECRET})`,
    );
  }
  lines.push('', '  Stop med Ctrl+C.', '');
  return lines.join('\n');
}

/**
 * Serves Hjemvej from this process on the opened database: builds the app, stops gracefully on
 * SIGINT/SIGTERM, listens, starts every module's jobs and prints `bannerText` if given. As a worker
 * of several processes (`worker`), the primary owns the port and the shutdown: a second signal is
 * not a reason to exit at once (a terminal's Ctrl+C reaches the worker and the primary sends its
 * own), and the worker closes when the primary goes away.
 */
export async function serve(
  config: Config,
  db: DatabaseHandles,
  { bannerText, worker = false }: { bannerText?: string; worker?: boolean },
): Promise<FastifyInstance> {
  const app = await buildApp({ config, db });
  const context = moduleContext(config);
  const jobs = serverModules.flatMap((m) => m.jobs?.(db, app.log, context) ?? []);
  app.addHook('preClose', async () => {
    await Promise.all(jobs.map((job) => job.stop()));
  });
  app.addHook('onClose', async () => {
    await db.close();
  });

  let closing = false;
  async function shutdown(signal: string) {
    if (closing) {
      if (worker) return;
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  if (worker) process.on('disconnect', () => void shutdown('primary gone'));

  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await db.close();
    fail(
      `Cannot listen on ${config.HOST}:${config.PORT}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  for (const job of jobs) job.start();
  if (bannerText) console.log(bannerText);
  return app;
}
