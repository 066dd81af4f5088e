import { ROLES, type Role } from '../../shared/permissions';
import type { DatabaseHandles } from '../db/database';
import { withTenant } from '../db/database';
import { countMunicipalities } from '../modules/access/access.repository';
import { createUser } from '../modules/access/access.service';
import { createMunicipality } from '../modules/access/municipality.service';
import { seedDemoCitizens } from '../modules/citizens/citizens.seed';
import { seedDemoHousing } from '../modules/housing/housing.seed';

/** The demo tenant: modelled on the plan of Høje-Taastrup (kommunekode 169), with fictitious people only. */
export const DEMO_MUNICIPALITY = {
  code: '169',
  name: 'Høje-Taastrup Kommune (demo)',
  authority: 'Høje-Taastrup Kommune, Social og Sundhed (demo)',
  contactEmail: 'hjemvej-demo@example.invalid',
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

/**
 * Creates the demo municipality and one user per role when the database has no municipality yet.
 * Returns the usernames created, or an empty list when there was data already.
 */
export async function seedDemo(db: DatabaseHandles, password: string): Promise<string[]> {
  if ((await countMunicipalities(db.owner)) > 0) return [];
  const municipality = await createMunicipality(db.owner, DEMO_MUNICIPALITY);
  const created: string[] = [];
  await withTenant(db.owner, municipality.id, async (trx) => {
    const ids: Partial<Record<Role, string>> = {};
    for (const role of ROLES) {
      const user = await createUser(trx, null, municipality.id, {
        username: demoUsername(role),
        displayName: DEMO_NAMES[role],
        role,
        password,
      });
      ids[role] = user.id;
      created.push(user.username);
    }
    // The housing supply is kept by the demo allocation officer.
    await seedDemoHousing(trx, {
      userId: ids.allocation ?? '',
      username: demoUsername('allocation'),
      municipalityId: municipality.id,
      role: 'allocation',
      permissions: new Set(['housing.read', 'housing.manage']),
      clientIp: null,
    });
    // The demo housing-organisation user reports vacancies for the first organisation.
    const firstOrganisation = await trx
      .selectFrom('housing_organisation')
      .select('id')
      .where('municipality_id', '=', municipality.id)
      .orderBy('name')
      .executeTakeFirst();
    if (firstOrganisation && ids.partner_housing)
      await trx
        .insertInto('housing_organisation_contact')
        .values({
          municipality_id: municipality.id,
          organisation_id: firstOrganisation.id,
          user_id: ids.partner_housing,
        })
        .execute();
    // The by-name list is registered by the demo caseworker.
    await seedDemoCitizens(trx, {
      userId: ids.caseworker ?? '',
      username: demoUsername('caseworker'),
      municipalityId: municipality.id,
      role: 'caseworker',
      permissions: new Set(['citizens.read', 'citizens.write', 'citizens.sensitive']),
      clientIp: null,
    });
  });
  return created;
}
