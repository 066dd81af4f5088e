import { buildApp, moduleContext } from './app';
import { openConfiguredDatabase } from './boot';
import { type Config, ConfigError, loadConfig } from './config';
import { DEMO_MUNICIPALITY, DEMO_SECOND_FACTOR_ROLES, demoUsername, seedDemo } from './demo/seed';
import { serverModules } from './modules';
import { accessSettings, findLoginUser } from './modules/access';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  fail(error instanceof ConfigError ? error.message : `Invalid configuration: ${String(error)}`);
}

const db = await openConfiguredDatabase(config).catch((error: unknown) =>
  fail(
    `Cannot open the database (${config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.dataDir}`}): ${
      error instanceof Error
        ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`
        : String(error)
    }`,
  ),
);

const demoUsers = config.DEMO_SEED
  ? await seedDemo(db, config.DEMO_PASSWORD, {
      secret: config.DEMO_TOTP_SECRET,
      sealingSecret: accessSettings(config).sealingSecret,
    })
  : [];
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

try {
  await app.listen({ port: config.PORT, host: config.HOST });
} catch (error) {
  await db.close();
  fail(
    `Cannot listen on ${config.HOST}:${config.PORT}: ${error instanceof Error ? error.message : String(error)}`,
  );
}

for (const job of jobs) job.start();

const url = `http://${config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST}:${config.PORT}`;
const lines = [
  '',
  `  Hjemvej kører på ${url}  (database: ${db.kind === 'pglite' ? `PGlite i ${config.dataDir}` : 'PostgreSQL'})`,
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
console.log(lines.join('\n'));
