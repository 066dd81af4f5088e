import type { ColumnType, Generated, Selectable } from 'kysely';
import type { RoleMapping } from '../../../shared/sso/api';

/** A municipality's OpenID Connect provider (one per municipality). */
export interface SsoConfigTable {
  municipality_id: string;
  enabled: boolean;
  issuer: string;
  client_id: string;
  /** The client secret, sealed (sso.crypto.ts); never leaves the server. */
  client_secret_sealed: string;
  role_claim: string;
  username_claim: string;
  role_mappings: ColumnType<RoleMapping[], string, string>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A provider's user (issuer + subject) and the Hjemvej user provisioned for it. */
export interface SsoIdentityTable {
  municipality_id: string;
  issuer: string;
  subject: string;
  user_id: string;
  created_at: Generated<Date>;
}

/** The sealed ID token of a single sign-on session: the id_token_hint of its logout. */
export interface SsoSessionTable {
  token_hash: string;
  municipality_id: string;
  id_token_sealed: string;
  created_at: Generated<Date>;
}

export type SsoConfigRow = Selectable<SsoConfigTable>;

declare module '../../db/schema' {
  /** The single sign-on module's tables. */
  interface Database {
    sso_config: SsoConfigTable;
    sso_identity: SsoIdentityTable;
    sso_session: SsoSessionTable;
  }
}
