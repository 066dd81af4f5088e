import { ROLES, type Role } from '../../shared/permissions';
import type { DatabaseHandles } from '../db/database';
import { withTenant } from '../db/database';
import { serverModules } from '../modules';
import { countMunicipalities, createMunicipality, createUser, seedSecondFactor } from '../modules/access';
import type { DemoContext } from '../platform/module';

/** The demo tenant: modelled on the plan of Høje-Taastrup (kommunekode 169), with fictitious people only. */
export const DEMO_MUNICIPALITY = {
  code: '169',
  name: 'Høje-Taastrup Kommune (demo)',
  authority: 'Høje-Taastrup Kommune, Social og Sundhed (demo)',
  contactEmail: 'hjemvej-demo@example.invalid',
  // Høje-Taastrup's inhabitants (Danmarks Statistik, early 2025, rounded): the basis of rates per 10,000.
  inhabitants: 58_000,
} as const;

const DEMO_NAMES: Record<Role, string> = {
  admin: 'Anne Admin',
  caseworker: 'Søren Sagsbehandler',
  allocation: 'Anja Anvisning',
  support: 'Birgit Bostøtte',
  prevention: 'Frederik Forebyggelse',
  leader: 'Lene Leder',
  economy: 'Øjvind Økonomi',
  partner_housing: 'Bo Boligorganisation',
  partner_shelter: 'Herdis Herberg',
  auditor: 'Rikke Revisor',
};

/** Demo username of a role, e.g. `demo.caseworker`. */
export const demoUsername = (role: Role) => `demo.${role}`;

/** The demo's roles that log in with a second factor: the roles that must (migration 0040's default). */
export const DEMO_SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'auditor'];

/**
 * Creates the demo municipality and one user per role when the database has no municipality yet,
 * then lets every module add its demo data (in the order of the module list). Returns the usernames
 * created, or an empty list when there was data already.
 *
 * With `secondFactor`, the administrator and the auditor — roles that must use a second factor —
 * are enrolled already with that TOTP secret (sealed with `sealingSecret`, the running app's), so
 * that the demo can be used at once: the start-up message prints the secret beside the password.
 * Without it they set one up at their first login.
 */
export async function seedDemo(
  db: DatabaseHandles,
  password: string,
  secondFactor?: { secret: string; sealingSecret: string },
): Promise<string[]> {
  if ((await countMunicipalities(db.owner)) > 0) return [];
  const municipality = await createMunicipality(db.owner, DEMO_MUNICIPALITY);
  const created: string[] = [];
  await withTenant(db.owner, municipality.id, async (trx) => {
    const ids = new Map<Role, string>();
    for (const role of ROLES) {
      const user = await createUser(trx, null, municipality.id, {
        username: demoUsername(role),
        displayName: DEMO_NAMES[role],
        role,
        password,
      });
      ids.set(role, user.id);
      created.push(user.username);
      if (secondFactor && DEMO_SECOND_FACTOR_ROLES.includes(role))
        await seedSecondFactor(
          trx,
          secondFactor.sealingSecret,
          { id: user.id, municipalityId: municipality.id },
          secondFactor.secret,
        );
    }
    const demo: DemoContext = {
      municipalityId: municipality.id,
      userIdOf: (role) => ids.get(role) ?? '',
      actorOf: (role, permissions) => ({
        userId: ids.get(role) ?? '',
        username: demoUsername(role),
        municipalityId: municipality.id,
        role,
        permissions: new Set(permissions),
        clientIp: null,
      }),
    };
    for (const module of serverModules) await module.seedDemo?.(trx, demo);
  });
  return created;
}
