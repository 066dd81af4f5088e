import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../shared/permissions';
import { backupDatabase, restoreDatabase } from './backup';
import { openConfiguredDatabase } from './boot';
import { ConfigError, loadConfig } from './config';
import { type DatabaseHandles, withTenant } from './db/database';
import { AppError } from './errors';
import {
  accessSettings,
  changeUser,
  createMunicipality,
  createUser,
  findLoginUser,
  findMunicipalityByCode,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  unlockUser,
} from './modules/access';
import { verifyAllChains } from './modules/audit';
import type { Actor } from './platform/actor';

const HELP = `Hjemvej — kommandolinje

  npm run hjemvej -- <kommando> [tilvalg]

Kommandoer:
  migrate                                   kør databasemigreringer
  municipality:create --code 169 --name "…" --authority "…" [--email …]
  user:create --municipality 169 --username navn --name "Fulde Navn" --role admin [--password …]
                                            (uden --password dannes en midlertidig adgangskode)
  user:set-role --username navn --role caseworker
  user:disable --username navn
  user:enable --username navn
  user:unlock --username navn
  audit:verify                              kontrollér revisionsloggens hash-kæde i alle kommuner
  backup --file sti                         tag en sikkerhedskopi af hele databasen (PostgreSQL: pg_dump;
                                            indbygget database: datamappen som .tar.gz)
  restore --file sti --yes                  erstat databasen med sikkerhedskopien (stop serveren først ved
                                            indbygget database); kontrollerer revisionsloggen bagefter

Roller: ${ROLES.join(', ')}
`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    code: { type: 'string' },
    name: { type: 'string' },
    authority: { type: 'string' },
    email: { type: 'string' },
    municipality: { type: 'string' },
    username: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
    file: { type: 'string' },
    yes: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

class UsageError extends Error {}

function need(key: keyof typeof values): string {
  const value = values[key];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Mangler --${key}`);
  return value.trim();
}

function role(): Role {
  const value = need('role');
  if (!(ROLES as readonly string[]).includes(value))
    throw new UsageError(`Ukendt rolle "${value}". Roller: ${ROLES.join(', ')}`);
  return value as Role;
}

/** The CLI acts as a system actor named after the OS user, so its changes are attributed in the audit log. */
function cliActor(municipalityId: string, userId: string): Actor {
  return {
    userId,
    username: `cli:${process.env.USER ?? 'system'}`,
    municipalityId,
    role: 'admin',
    permissions: new Set(['users.manage']),
    clientIp: null,
  };
}

async function userByName(db: DatabaseHandles) {
  const user = await findLoginUser(db.owner, need('username'));
  if (!user) throw new UsageError(`Ingen bruger hedder "${values.username}"`);
  return user;
}

async function run(command: string | undefined, db: DatabaseHandles): Promise<number> {
  const config = loadConfig();
  const settings = accessSettings(config);
  switch (command) {
    case 'migrate':
      console.log('Databasen er migreret.');
      return 0;
    case 'municipality:create': {
      const m = await createMunicipality(db.owner, {
        code: need('code'),
        name: need('name'),
        authority: need('authority'),
        contactEmail: values.email ?? null,
      });
      console.log(`Kommune oprettet: ${m.code} ${m.name} (${m.id})`);
      return 0;
    }
    case 'user:create': {
      const m = await findMunicipalityByCode(db.owner, need('municipality'));
      if (!m) throw new UsageError(`Ingen kommune med kode ${values.municipality}`);
      const password = values.password ?? randomBytes(12).toString('base64url');
      const problem = passwordProblem(password, [need('username'), need('name')]);
      if (problem)
        throw new UsageError(
          problem === 'password_common'
            ? 'Adgangskoden er for let at gætte (en almindelig adgangskode, et ord med tal eller dit navn); brug fx en sætning på flere ord'
            : `Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn og ikke kun mellemrum`,
        );
      const user = await withTenant(db.owner, m.id, (trx) =>
        createUser(trx, null, m.id, {
          username: need('username'),
          displayName: need('name'),
          role: role(),
          password,
        }),
      );
      console.log(`Bruger oprettet: ${user.username} (${user.role}) i ${m.name}`);
      if (!values.password) console.log(`Midlertidig adgangskode: ${password}`);
      return 0;
    }
    case 'user:set-role':
    case 'user:disable':
    case 'user:enable': {
      const user = await userByName(db);
      const change =
        command === 'user:set-role' ? { role: role() } : { disabled: command === 'user:disable' };
      const updated = await withTenant(db.owner, user.municipality_id, (trx) =>
        changeUser(
          trx,
          settings,
          cliActor(user.municipality_id, '00000000-0000-0000-0000-000000000000'),
          user.id,
          change,
        ),
      );
      console.log(
        `${updated.username}: rolle ${updated.role}, ${updated.disabled ? 'deaktiveret' : 'aktiv'}`,
      );
      return 0;
    }
    case 'user:unlock': {
      const user = await userByName(db);
      await withTenant(db.owner, user.municipality_id, (trx) =>
        unlockUser(
          trx,
          settings,
          cliActor(user.municipality_id, '00000000-0000-0000-0000-000000000000'),
          user.id,
        ),
      );
      console.log(`${values.username} er låst op.`);
      return 0;
    }
    case 'audit:verify': {
      const reports = await verifyAllChains(db.owner);
      let ok = true;
      for (const r of reports) {
        if (r.ok) {
          console.log(`Kommune ${r.municipality}: OK, ${r.checked} rækker, hoved ${r.headHash ?? '(tom)'}`);
        } else {
          ok = false;
          console.log(
            `Kommune ${r.municipality}: BRUDT ved række ${r.brokenAt?.seq} (${r.brokenAt?.reason}) efter ${r.checked} gyldige rækker`,
          );
        }
      }
      if (reports.length === 0) console.log('Ingen kommuner.');
      return ok ? 0 : 2;
    }
    default:
      console.log(HELP);
      return command === undefined || values.help ? 0 : 1;
  }
}

/** `backup` and `restore`: they open the database themselves (a restore replaces it). */
async function backupOrRestore(command: 'backup' | 'restore'): Promise<number> {
  try {
    const config = loadConfig();
    const file = need('file');
    if (command === 'backup') {
      await backupDatabase(config, file);
      console.log(`Sikkerhedskopi skrevet: ${file}`);
      return 0;
    }
    if (!values.yes) {
      console.error(
        `restore erstatter HELE databasen med sikkerhedskopien ${file}; alt registreret siden kopien går tabt. ` +
          'Gentag med --yes for at fortsætte.',
      );
      return 2;
    }
    const report = await restoreDatabase(config, file);
    if (report.movedAside) console.log(`Den tidligere datamappe er gemt i ${report.movedAside}`);
    console.log(`Databasen er genskabt fra ${file}: ${report.municipalities} kommune(r).`);
    if (report.broken.length > 0) {
      console.error(`Revisionsloggen er BRUDT i kommune(rne) ${report.broken.join(', ')}`);
      return 2;
    }
    console.log('Revisionsloggens hash-kæde er intakt i alle kommuner.');
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) console.error(error.message);
    else console.error(`${command} mislykkedes: ${(error as Error).message}`);
    return 1;
  }
}

async function main(): Promise<number> {
  const command = positionals[0];
  if (!command || values.help) {
    console.log(HELP);
    return 0;
  }
  if (command === 'backup' || command === 'restore') return backupOrRestore(command);
  let db: DatabaseHandles;
  try {
    db = await openConfiguredDatabase(loadConfig());
  } catch (error) {
    console.error(
      error instanceof ConfigError ? error.message : `Kan ikke åbne databasen: ${(error as Error).message}`,
    );
    return 1;
  }
  try {
    return await run(command, db);
  } catch (error) {
    if (error instanceof UsageError) console.error(error.message);
    else if (error instanceof AppError) console.error(`${error.code}: ${error.message}`);
    else console.error(error);
    return 1;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
