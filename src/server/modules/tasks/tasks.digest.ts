import type { FastifyBaseLogger } from 'fastify';
import { createTransport } from 'nodemailer';
import { today } from '../../../shared/dates';
import type { Config } from '../../config';
import { type DatabaseHandles, type Tx, withTenant } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { audit, recordAudit } from '../../platform/audit';
import { intervalJob } from '../../platform/job';
import type { Job } from '../../platform/module';
import type { Task, TaskProvider } from '../../platform/tasks';
import { municipalityIds, userActor } from '../access';
import * as repo from './tasks.digest.repository';
import { collectTasks } from './tasks.service';

/**
 * The daily digest of new tasks by e-mail (issue 14 §2), optional per user. Once a day, for every
 * user who has opted in, the tasks of "Mine opgaver" (the same providers, in the user's tenant and
 * as the user) that no earlier digest told about are counted per kind, and one message with the
 * counts and a link to "Mine opgaver" goes to the user's address. No personal data: no names, CPR
 * numbers or addresses of citizens, only counts and a link. Off while SMTP_URL is unset.
 */

/** The Danish heading of each kind of task in the digest; kinds not listed count as "Andre opgaver". */
export const DIGEST_KIND_LABELS: Readonly<Record<string, string>> = {
  user_locked: 'Brugere, der er låst ude',
  consent_expired: 'Samtykker, der er udløbet',
  subsidy_pool_ending: 'Huslejetilskudspuljer, der udløber',
  application_to_assess: 'Indstillinger, der skal vurderes',
  application_needs_info: 'Indstillinger, hvor anvisningen beder om flere oplysninger',
  application_pause_ended: 'Pauser på ventelisten, der er slut',
  offer_reply_due: 'Tilbud, hvis svarfrist nærmer sig',
  offer_reply_overdue: 'Tilbud, hvis svarfrist er overskredet',
  vacancy_deadline: 'Ledige boliger, hvis anvisningsfrist nærmer sig',
  vacancy_deadline_passed: 'Ledige boliger, hvis anvisningsfrist er overskredet',
  lease_missing: 'Lejekontrakter, der skal registreres',
  move_in_due: 'Indflytninger, der skal registreres',
  eviction_act_at_once: 'Udsættelsessager, hvor der skal handles straks (§ 5 a)',
  eviction_decide_no_help: 'Udsættelsessager, hvor der skal træffes afgørelse (§ 5 a)',
  eviction_fast_track: 'Svar fra Ydelseskontoret, der er forfaldne',
  consent_expiring: 'Samtykker, der snart udløber',
  application_approved: 'Indstillinger, der er godkendt',
  application_rejected: 'Indstillinger, der er afvist',
  offer_made: 'Boligtilbud, der er givet',
  offer_accepted: 'Boligtilbud, der er taget imod',
  offer_declined: 'Boligtilbud, der er sagt nej til',
  offer_expired: 'Boligtilbud, hvis svarfrist er udløbet',
  vacancy_new: 'Nye ledige boliger',
  vacancy_stalled: 'Ledige boliger uden tilbud tæt på anvisningsfristen',
  eviction_notice_paakrav: 'Påkrav, der er modtaget',
  eviction_notice_ophaevelse: 'Ophævelser, der er modtaget',
  eviction_notice_fogedsag: 'Fogedsager, der er modtaget',
  eviction_notice_udsaettelse: 'Varsler om udsættelse med dato, der er modtaget',
  eviction_date: 'Udsættelsesdatoer',
};
const NOTICES = 'Varsler om udsættelse, der er modtaget';
const OTHER_KINDS = 'Andre opgaver';

export interface DigestMessage {
  subject: string;
  text: string;
}

/**
 * The message of one digest: the new tasks counted per kind (in the order of the list, most urgent
 * first), how many wait in all, and the link to "Mine opgaver". Built from kinds and counts only.
 */
export function composeDigest(
  fresh: readonly Pick<Task, 'kind'>[],
  total: number,
  publicUrl: string,
): DigestMessage {
  const counts = new Map<string, number>();
  for (const { kind } of fresh) {
    const label = DIGEST_KIND_LABELS[kind] ?? (kind.startsWith('eviction_notice_') ? NOTICES : OTHER_KINDS);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const other = counts.get(OTHER_KINDS);
  counts.delete(OTHER_KINDS);
  if (other) counts.set(OTHER_KINDS, other);
  const n = fresh.length;
  const link = `${publicUrl.replace(/\/+$/, '')}/`;
  const text = [
    `Du har ${n} ${n === 1 ? 'ny opgave' : 'nye opgaver'} i Hjemvej:`,
    '',
    ...[...counts].map(([label, count]) => `- ${label}: ${count}`),
    '',
    `I alt venter ${total} ${total === 1 ? 'opgave' : 'opgaver'} på dig.`,
    '',
    `Se dem under "Mine opgaver": ${link}`,
    '',
    '-- ',
    'Du får denne e-mail, fordi du har bedt om en daglig oversigt over nye opgaver.',
    'Du kan slå den fra under "Mine opgaver" i Hjemvej.',
  ].join('\n');
  return { subject: `Hjemvej: ${n} ${n === 1 ? 'ny opgave' : 'nye opgaver'}`, text };
}

/** Sends one message; `close` ends the connection(s) after a run. */
export interface Mailer {
  send(to: string, message: DigestMessage): Promise<void>;
  close(): void;
}

/** The SMTP mailer of the configuration (nodemailer), or null while SMTP_URL is unset. */
export function smtpMailer(config: Config): Mailer | null {
  if (!config.SMTP_URL || !config.SMTP_FROM) return null;
  const transport = createTransport(config.SMTP_URL);
  const from = config.SMTP_FROM;
  return {
    async send(to, message) {
      await transport.sendMail({ from, to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}

export interface DigestRun {
  /** Users whose digest of the day ran (opted in, not disabled, not yet run that day). */
  users: number;
  /** Messages sent. */
  messages: number;
  /** New tasks told about, over all messages. */
  tasks: number;
  /** Messages that could not be sent; their tasks stay new for the next run. */
  failed: number;
}

export interface DigestOptions {
  config: Config;
  providers: readonly TaskProvider[];
  /** The day of the digest (Danish time); today by default. */
  date?: string;
  /** Only this municipality (an administrator's "send now"); every one by default. */
  municipalityId?: string;
  log?: FastifyBaseLogger;
}

interface Claimed {
  email: string;
  previousDay: string | null;
  fresh: Task[];
  total: number;
}

/**
 * Takes the user's digest of the day under the user's lock: the tasks of "Mine opgaver" not yet
 * told about are recorded as sent and the day as taken, in one transaction. Returns what to send,
 * or null when the day was taken already or nothing is new.
 */
async function claimDigest(
  trx: Tx,
  m: string,
  userId: string,
  date: string,
  providers: readonly TaskProvider[],
): Promise<Claimed | null> {
  await repo.lockUserDigest(trx, userId);
  const s = await repo.subscriber(trx, m, userId);
  if (!s || (s.last_digest_on !== null && s.last_digest_on >= date)) return null;
  // A disabled user gets nothing (and keeps the day open, should they be enabled again).
  const actor = await userActor(trx, userId);
  if (!actor) return null;
  await repo.setDigestDay(trx, m, userId, date);
  if (!actor.permissions.has('tasks.read')) return null;
  const tasks = await collectTasks(trx, actor, providers);
  const sent = new Set(await repo.sentTaskIds(trx, m, userId));
  const current = new Set(tasks.map((t) => t.id));
  const fresh = tasks.filter((t) => !sent.has(t.id));
  await repo.forgetSent(
    trx,
    m,
    userId,
    [...sent].filter((id) => !current.has(id)),
  );
  await repo.recordSent(
    trx,
    m,
    userId,
    fresh.map((t) => t.id),
    date,
  );
  if (fresh.length === 0) return null;
  return { email: s.email, previousDay: s.last_digest_on, fresh, total: tasks.length };
}

/**
 * Runs the day's digest for every municipality (or one) and every user who opted in. A user gets
 * at most one digest a day, and a task is told about once: what a digest sent is not new the next
 * day. A message that cannot be sent gives its tasks and the day back. Logs counts only.
 */
export async function runDigest(db: DatabaseHandles, options: DigestOptions): Promise<DigestRun> {
  const run: DigestRun = { users: 0, messages: 0, tasks: 0, failed: 0 };
  const mailer = smtpMailer(options.config);
  if (!mailer || !options.config.PUBLIC_URL) return run;
  const publicUrl = options.config.PUBLIC_URL;
  const date = options.date ?? today();
  const municipalities = options.municipalityId
    ? [{ id: options.municipalityId }]
    : await municipalityIds(db.owner);
  try {
    for (const { id: m } of municipalities) {
      const due = await withTenant(db.app, m, (trx) => repo.dueSubscribers(trx, m, date));
      for (const { user_id: userId } of due) {
        const claimed = await withTenant(db.app, m, (trx) =>
          claimDigest(trx, m, userId, date, options.providers),
        );
        run.users++;
        if (!claimed) continue;
        try {
          await mailer.send(claimed.email, composeDigest(claimed.fresh, claimed.total, publicUrl));
        } catch (error) {
          run.failed++;
          // The SMTP answer may quote the address: log its codes only.
          const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
          options.log?.warn({ code, responseCode }, 'task digest not sent; its tasks stay new');
          await withTenant(db.app, m, async (trx) => {
            await repo.unrecordSent(
              trx,
              m,
              userId,
              claimed.fresh.map((t) => t.id),
              date,
            );
            await repo.setDigestDay(trx, m, userId, claimed.previousDay);
          });
          continue;
        }
        run.messages++;
        run.tasks += claimed.fresh.length;
        await withTenant(db.app, m, (trx) =>
          recordAudit(trx, null, m, {
            action: 'tasks.digest_sent',
            entityType: 'app_user',
            entityId: userId,
            details: { tasks: claimed.fresh.length },
          }),
        );
      }
    }
  } finally {
    mailer.close();
  }
  return run;
}

const COPENHAGEN_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The hour of the day in Denmark (0–23). */
export const danishHour = (instant = new Date()): number => Number(COPENHAGEN_HOUR.format(instant));

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * The daily digest: checks every quarter of an hour from DIGEST_HOUR (Danish time) and sends each
 * user's digest of the day once (the day is recorded per user, under a lock, so several server
 * processes send it once). Does nothing while SMTP_URL is unset.
 */
export function digestJob(
  db: DatabaseHandles,
  log: FastifyBaseLogger,
  context: { config: Config; taskProviders: readonly TaskProvider[] },
): Job {
  const { config, taskProviders } = context;
  return intervalJob({
    everyMs: FIFTEEN_MINUTES,
    alone: { name: 'tasks.digest', db },
    enabled: () => Boolean(config.SMTP_URL),
    run: async () => {
      if (danishHour() < config.DIGEST_HOUR) return;
      const run = await runDigest(db, { config, providers: taskProviders, log });
      if (run.users > 0) log.info({ ...run }, 'task digest run');
    },
    onError: (error) => {
      const { code } = error as { code?: unknown };
      log.error({ code }, 'task digest failed');
    },
  });
}

// ---- the user's own opt-in ----

export interface DigestSettings {
  /** Whether this server sends e-mail at all (SMTP_URL set). */
  available: boolean;
  enabled: boolean;
  email: string | null;
}

export async function digestSettings(trx: Tx, actor: Actor, available: boolean): Promise<DigestSettings> {
  const s = await repo.findSubscription(trx, actor.municipalityId, actor.userId);
  return { available, enabled: s?.enabled ?? false, email: s?.email ?? null };
}

/**
 * Opts the acting user in (with the address to send to) or out; only the user's own setting. Out
 * without an address removes the address too. Audited without the address.
 */
export async function saveDigestSettings(
  trx: Tx,
  actor: Actor,
  input: { enabled: boolean; email: string },
  available: boolean,
): Promise<DigestSettings> {
  const m = actor.municipalityId;
  if (input.enabled || input.email !== '')
    await repo.saveSubscription(trx, m, actor.userId, { email: input.email, enabled: input.enabled });
  else await repo.deleteSubscription(trx, m, actor.userId);
  const settings = await digestSettings(trx, actor, available);
  await audit(trx, actor, 'tasks.digest_settings', 'app_user', actor.userId, { enabled: input.enabled });
  return settings;
}
