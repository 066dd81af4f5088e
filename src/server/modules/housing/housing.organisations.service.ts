/**
 * Housing organisations and the partner users who act for them (their contacts). One function per
 * use case, each audited in the caller's transaction.
 */
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { assertContacts, assertOrganisationNameFree, rethrowTaken } from './housing.policy';
import * as repo from './housing.repository';

export interface OrganisationInput {
  name: string;
  address: string | null;
  contactEmail?: string | null | undefined;
  contactPhone: string | null;
}

export async function listOrganisations(trx: Tx, actor: Actor) {
  const rows = await repo.listOrganisations(trx, actor.municipalityId);
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    address: o.address,
    contactEmail: o.contact_email,
    contactPhone: o.contact_phone,
    departmentCount: Number(o.department_count ?? 0),
  }));
}

/** Creates (id null) or changes an organisation; the name is unique in the municipality. */
export async function saveOrganisation(trx: Tx, actor: Actor, id: string | null, input: OrganisationInput) {
  const values = {
    name: input.name,
    address: input.address,
    contact_email: input.contactEmail ?? null,
    contact_phone: input.contactPhone,
  };
  assertOrganisationNameFree(await repo.findOrganisationByName(trx, actor.municipalityId, input.name), id);
  try {
    if (id) {
      const row = await repo.updateOrganisation(trx, actor.municipalityId, id, values);
      if (!row) throw new AppError('NOT_FOUND');
      await audit(trx, actor, 'housing.organisation_update', 'housing_organisation', row.id);
      return row.id;
    }
    const created = await repo.insertOrganisation(trx, actor.municipalityId, values);
    await audit(trx, actor, 'housing.organisation_create', 'housing_organisation', created);
    return created;
  } catch (error) {
    return rethrowTaken(error, 'HOUSING_NAME_TAKEN', 'name');
  }
}

/** Changes an organisation and answers it as the list shows it. */
export async function updateOrganisation(trx: Tx, actor: Actor, id: string, input: OrganisationInput) {
  await saveOrganisation(trx, actor, id, input);
  const organisation = (await listOrganisations(trx, actor)).find((o) => o.id === id);
  if (!organisation) throw new AppError('NOT_FOUND');
  return organisation;
}

const presentContact = (r: { id: string; username: string; display_name: string }) => ({
  userId: r.id,
  username: r.username,
  displayName: r.display_name,
});

/** The partner users (role partner_housing) who act for an organisation. */
export async function listContacts(trx: Tx, actor: Actor, organisationId: string) {
  if (!(await repo.findOrganisation(trx, actor.municipalityId, organisationId)))
    throw new AppError('NOT_FOUND');
  return (await repo.listContacts(trx, actor.municipalityId, organisationId)).map(presentContact);
}

/** The municipality's users with the housing-organisation role (candidates for contacts). */
export async function listPartnerUsers(trx: Tx, actor: Actor) {
  return (await repo.listPartnerUsers(trx, actor.municipalityId)).map(presentContact);
}

/**
 * Sets who acts for an organisation. Only the municipality's users with the housing-organisation
 * role can be contacts; they will see and report for this organisation's departments only.
 */
export async function setContacts(trx: Tx, actor: Actor, organisationId: string, userIds: string[]) {
  if (!(await repo.findOrganisation(trx, actor.municipalityId, organisationId)))
    throw new AppError('NOT_FOUND');
  const unique = [...new Set(userIds)];
  assertContacts(unique, await repo.findUsersByIds(trx, actor.municipalityId, unique));
  await repo.replaceContacts(trx, actor.municipalityId, organisationId, unique);
  await audit(trx, actor, 'housing.contacts_set', 'housing_organisation', organisationId, {
    contacts: unique.length,
  });
  return listContacts(trx, actor, organisationId);
}
