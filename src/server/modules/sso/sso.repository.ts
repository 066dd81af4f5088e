import { sql } from 'kysely';
import type { RoleMapping } from '../../../shared/sso/api';
import type { Executor } from '../../db/database';

/** The municipalities with single sign-on on, across tenants (security-definer function). */
export async function loginChoices(db: Executor) {
  const { rows } = await sql<{ id: string; code: string; name: string }>`
    select * from sso_login_choices()`.execute(db);
  return rows;
}

export function findConfig(db: Executor, municipalityId: string) {
  return db
    .selectFrom('sso_config')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
}

export async function upsertConfig(
  db: Executor,
  config: {
    municipalityId: string;
    enabled: boolean;
    issuer: string;
    clientId: string;
    clientSecretSealed: string;
    roleClaim: string;
    usernameClaim: string;
    roleMappings: RoleMapping[];
    updatedBy: string;
  },
): Promise<void> {
  const values = {
    enabled: config.enabled,
    issuer: config.issuer,
    client_id: config.clientId,
    client_secret_sealed: config.clientSecretSealed,
    role_claim: config.roleClaim,
    username_claim: config.usernameClaim,
    role_mappings: JSON.stringify(config.roleMappings),
    updated_by: config.updatedBy,
    updated_at: new Date(),
  };
  await db
    .insertInto('sso_config')
    .values({ municipality_id: config.municipalityId, ...values })
    .onConflict((oc) => oc.column('municipality_id').doUpdateSet(values))
    .execute();
}

/** The Hjemvej user provisioned for a provider's user, if any. */
export async function findIdentityUser(
  db: Executor,
  municipalityId: string,
  issuer: string,
  subject: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('sso_identity')
    .select('user_id')
    .where('municipality_id', '=', municipalityId)
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row?.user_id;
}

export async function insertIdentity(
  db: Executor,
  identity: { municipalityId: string; issuer: string; subject: string; userId: string },
): Promise<void> {
  await db
    .insertInto('sso_identity')
    .values({
      municipality_id: identity.municipalityId,
      issuer: identity.issuer,
      subject: identity.subject,
      user_id: identity.userId,
    })
    .execute();
}

export async function insertSsoSession(
  db: Executor,
  session: { tokenHash: string; municipalityId: string; idTokenSealed: string },
): Promise<void> {
  await db
    .insertInto('sso_session')
    .values({
      token_hash: session.tokenHash,
      municipality_id: session.municipalityId,
      id_token_sealed: session.idTokenSealed,
    })
    .execute();
}

/** The sealed ID token of a session (undefined for a password session). */
export async function findSsoSession(db: Executor, municipalityId: string, tokenHash: string) {
  return db
    .selectFrom('sso_session')
    .select('id_token_sealed')
    .where('municipality_id', '=', municipalityId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}
