import type { ColumnType, Generated, Selectable } from 'kysely';

/** A municipality (kommune): the tenant every personal record belongs to. */
export interface MunicipalityTable {
  id: Generated<string>;
  /** Three-digit kommunekode, e.g. 169 for Høje-Taastrup. */
  code: string;
  name: string;
  /** The responsible authority (ansvarlig myndighed) shown in the footer. */
  authority: string;
  contact_email: string | null;
  created_at: Generated<Date>;
  /**
   * The suppression limit of figures that leave case work (rule 33: default 5, never below 3; added
   * by the insight module's migration 0034).
   */
  suppression_limit: ColumnType<number, number | undefined, number>;
  /** Inhabitants, the basis of rates per 10,000 (added by the insight module's migration 0034). */
  inhabitants: ColumnType<number | null, number | null | undefined, number | null>;
  /** Roles that must log in with a second factor (issue 20 §3; migration 0040: admin and auditor). */
  second_factor_roles: ColumnType<string[], string[] | undefined, string[]>;
}

export interface RoleTable {
  code: string;
  sort_order: number;
}

export interface RolePermissionTable {
  role_code: string;
  permission: string;
}

export interface AppUserTable {
  id: Generated<string>;
  municipality_id: string;
  username: string;
  display_name: string;
  role_code: string;
  password_hash: string;
  disabled_at: Date | null;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  /** The caseworker's service area, child/youth or adult (added by the youth module's migration 0028). */
  service_area: ColumnType<'born_unge' | 'voksen' | null, 'born_unge' | 'voksen' | null | undefined>;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  municipality_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
}

export interface LoginThrottleTable {
  username_key: string;
  failures: number;
  last_failure_at: Generated<Date>;
  locked_until: Date | null;
}

/** Requests of one client on one rate-limited route in the current window (migration 0043, ADR 0023). */
export interface RateLimitTable {
  route: string;
  /** HMAC of the client's key (its address): the table names no address. */
  client_key: string;
  window_start: Date;
  window_ms: number;
  hits: number;
}

/** A user's TOTP secret, sealed; `confirmed_at` null while enrolment is in progress (migration 0040). */
export interface UserSecondFactorTable {
  user_id: string;
  municipality_id: string;
  secret_sealed: string;
  confirmed_at: Date | null;
  /** The last time step accepted: a code of this step or an earlier one is refused (replay). */
  last_step: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Generated<Date>;
}

/** One of a user's one-time recovery codes, argon2id-hashed (migration 0040). */
export interface UserRecoveryCodeTable {
  id: Generated<string>;
  user_id: string;
  municipality_id: string;
  code_hash: string;
  used_at: Date | null;
  created_at: Generated<Date>;
}

export type MunicipalityRow = Selectable<MunicipalityTable>;
export type AppUserRow = Selectable<AppUserTable>;

declare module '../../db/schema' {
  /** The access module's tables. */
  interface Database {
    municipality: MunicipalityTable;
    role: RoleTable;
    role_permission: RolePermissionTable;
    app_user: AppUserTable;
    session: SessionTable;
    login_throttle: LoginThrottleTable;
    rate_limit: RateLimitTable;
    user_second_factor: UserSecondFactorTable;
    user_recovery_code: UserRecoveryCodeTable;
  }
}
