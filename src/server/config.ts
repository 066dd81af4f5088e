import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { message: `must be at least ${min}` })
        .max(max, { message: `must be at most ${max}` }),
    );

/**
 * Every setting Hjemvej reads from the environment. Each key is the environment variable's name;
 * nothing here is sent to the browser.
 */
const envSchema = z.object({
  /** `production` makes SESSION_SECRET mandatory. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** TCP port of the HTTP server. */
  PORT: int(1, 65535).default(3000),
  /** Interface to listen on; `localhost` keeps a laptop install private, `0.0.0.0` in a container. */
  HOST: z.string().min(1).default('localhost'),
  /** PostgreSQL URL for server mode. Unset: embedded PGlite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  /** Optional owner URL used for migrations and the CLI; defaults to DATABASE_URL. */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  /**
   * Optional PostgreSQL URL of a streaming replica (hot standby) of DATABASE_URL's database: the
   * reports, dashboards and their figures read from it, everything else from the primary; while it
   * is unavailable they read from the primary (ADR 0024). Server mode only.
   */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  /**
   * Connections in the application pool (server mode), per process: with WEB_CONCURRENCY
   * processes the app opens up to WEB_CONCURRENCY × this many (plus two owner connections and one
   * for the jobs' locks per process).
   */
  DATABASE_POOL_SIZE: int(1, 200).default(10),
  /**
   * Server processes in server mode (DATABASE_URL set): one primary migrates and seeds, then this
   * many workers serve the same port, sharing nothing but PostgreSQL (ADR 0023). Default: the
   * machine's cores. Embedded PGlite always runs one process.
   */
  WEB_CONCURRENCY: int(1, 64).default(Math.min(64, availableParallelism())),
  /** Folder for the embedded database and the generated session secret. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Key (≥ 32 characters) that protects session tokens at rest. Generated into DATA_DIR when unset outside production. */
  SESSION_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  /**
   * Key (≥ 32 characters) that seals the second factor's TOTP secrets at rest (AES-256-GCM, key
   * derived by HKDF). Unset: derived from SESSION_SECRET — then a new SESSION_SECRET makes every
   * enrolled user enrol again; set it to rotate the two apart.
   */
  SECOND_FACTOR_KEY: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  /** Hours after which a session ends regardless of activity. */
  SESSION_MAX_HOURS: int(1, 24 * 7).default(12),
  /**
   * Seconds a server process keeps a session it has read (PostgreSQL only; ADR 0025), 0 to read it
   * at every request. A session that ends is forgotten at once by every process.
   */
  SESSION_CACHE_SECONDS: int(0, 60).default(15),
  /** `auto`: Secure cookies when the request arrived over HTTPS (see TRUST_PROXY). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies and client IPs behind TLS termination). */
  TRUST_PROXY: bool.default(false),
  /** Failed logins for one username before a temporary lockout. */
  LOGIN_MAX_FAILURES: int(1, 100).default(5),
  /** Minutes a username stays locked after too many failures. */
  LOGIN_LOCK_MINUTES: int(1, 24 * 60).default(15),
  /**
   * A failed login is answered no sooner than this many milliseconds after it arrived, whether the
   * username exists or not, so that the time of the answer does not tell (OWASP Authentication Cheat Sheet, "response times"; a known
   * user's failure also writes an audit row). Above the slowest password check on a busy machine.
   */
  LOGIN_FAILURE_MIN_MS: int(0, 5000).default(250),
  /** Login attempts per client IP per minute. */
  LOGIN_RATE_PER_MINUTE: int(1, 10000).default(20),
  /** Create the demo municipality and one demo user per role when the database has no municipality. */
  DEMO_SEED: bool.default(true),
  /** Password of the demo users created by DEMO_SEED. */
  DEMO_PASSWORD: z
    .string()
    .min(12, { message: 'must be at least 12 characters' })
    .default('Hjemvej-demo-2026'),
  /**
   * TOTP secret (base32) of the demo's administrator and auditor, whose roles must use a second
   * factor: printed at start beside DEMO_PASSWORD, to add to an authenticator app. Public, like
   * the demo password.
   */
  DEMO_TOTP_SECRET: z
    .string()
    .regex(/^[A-Z2-7]{16,64}$/, { message: 'must be 16 to 64 base32 characters (A–Z, 2–7)' })
    .default('HJEMVEJ2DEMO3TOTP4SECRET5KEY6AB7'),
  /** Where the built web app is (default dist/web); lets parallel builds live side by side. */
  WEB_DIR: z.string().min(1).default('dist/web'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * SMTP server of the daily task digest (`smtp://user:password@host:587`, `smtps://…:465`).
   * Unset: no e-mail is sent. Needs SMTP_FROM and PUBLIC_URL.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/?#]+/, { message: 'must start with smtp:// or smtps:// and name a host' })
    .optional(),
  /** Sender of the digest, e.g. `Hjemvej <hjemvej@kommune.dk>`. */
  SMTP_FROM: z.string().min(3).optional(),
  /** The address users open Hjemvej on (`https://hjemvej.kommune.dk`): the digest's links start with it. */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#]+/, { message: 'must start with http:// or https:// and name a host' })
    .optional(),
  /** Hour of the day (Danish time, 0–23) from which the daily digest is sent. */
  DIGEST_HOUR: int(0, 23).default(7),
  /**
   * Test clock for browser journeys (ADR 0011): a `hjemvej_test_clock=åååå-mm-dd` cookie sets
   * today's date for that request. Refused when NODE_ENV=production.
   */
  HJEMVEJ_TEST_CLOCK: bool.default(false),
});

export type Env = z.infer<typeof envSchema>;

/** Validated configuration with derived values. */
export interface Config extends Env {
  SESSION_SECRET: string;
  /** Absolute DATA_DIR. */
  dataDir: string;
  /** Directory with the built web app. */
  webDir: string;
}

/** Thrown for an invalid setting; `message` is the one line printed before exiting. */
export class ConfigError extends Error {}

/**
 * Reads and validates configuration. Empty strings count as unset so that `PORT=` in a .env file
 * behaves like no PORT at all.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? 'environment');
    const got =
      raw[key] === undefined
        ? ''
        : ` (got "${key.includes('SECRET') || key.includes('PASSWORD') || key.includes('URL') ? '…' : raw[key]}")`;
    throw new ConfigError(`Invalid configuration: ${key} ${issue?.message ?? 'is invalid'}${got}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  let secret = env.SESSION_SECRET;
  if (!secret) {
    if (env.NODE_ENV === 'production') {
      throw new ConfigError('Invalid configuration: SESSION_SECRET is required when NODE_ENV=production');
    }
    secret = readOrCreateSecret(dataDir);
  }
  if (env.HJEMVEJ_TEST_CLOCK && env.NODE_ENV === 'production')
    throw new ConfigError(
      'Invalid configuration: HJEMVEJ_TEST_CLOCK must not be set when NODE_ENV=production',
    );
  if (env.DATABASE_REPLICA_URL && !env.DATABASE_URL)
    throw new ConfigError(
      'Invalid configuration: DATABASE_REPLICA_URL needs DATABASE_URL (a replica serves a PostgreSQL primary; the embedded database has none)',
    );
  if (env.SMTP_URL) {
    for (const key of ['SMTP_FROM', 'PUBLIC_URL'] as const)
      if (!env[key]) throw new ConfigError(`Invalid configuration: ${key} is required when SMTP_URL is set`);
  }
  return { ...env, SESSION_SECRET: secret, dataDir, webDir: path.resolve(env.WEB_DIR) };
}

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, '.session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
