import type { Generated, Selectable } from 'kysely';
import type { DischargeDestination, ShelterKind } from '../../../shared/shelters/model';

export interface ShelterTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  kind: ShelterKind;
  places: number;
  on_tilbudsportalen: boolean;
  created_at: Generated<Date>;
}

/** A shelter's daily rate (takst) from a date: a dated setting, history kept. */
export interface ShelterRateTable {
  municipality_id: string;
  shelter_id: string;
  valid_from: string;
  daily_rate: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** The one shelter a `partner_shelter` user works at. */
export interface ShelterUserTable {
  user_id: string;
  municipality_id: string;
  shelter_id: string;
}

export interface ShelterStayTable {
  id: Generated<string>;
  municipality_id: string;
  shelter_id: string;
  citizen_id: string;
  admitted_on: string;
  admission_decided_on: string;
  /** The handlekommune's three-digit kommunekode. */
  handlekommune: string;
  notified_on: string | null;
  discharged_on: string | null;
  discharged_to: DischargeDestination | null;
  discharge_reason: string | null;
  municipal_discharge: Generated<boolean>;
  /** The day the handlekommune's § 141/§ 142 action plan was made (rule 11). */
  action_plan_on: Generated<string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
}

/**
 * A § 110 stk. 6 notification in the handlekommune's inbox (migration 0024): only the notified
 * facts, copied by `shelter_notification_send` from the sender's stay; `municipality_id` is the
 * recipient, `from_municipality_id` the shelter's municipality. The recipient acknowledges it and
 * may link it to a citizen of its own by-name list.
 */
export interface ShelterNotificationTable {
  id: Generated<string>;
  municipality_id: string;
  from_municipality_id: string;
  stay_id: string;
  shelter_name: string;
  from_municipality_name: string;
  cpr: string | null;
  birth_date: string | null;
  initials: string | null;
  given_name: string | null;
  family_name: string | null;
  admitted_on: string;
  admission_decided_on: string;
  notified_on: string;
  /** The citizen in the recipient's own by-name list, once linked. */
  citizen_id: string | null;
  acknowledged_on: string | null;
  acknowledged_by: string | null;
  created_at: Generated<Date>;
}

export type ShelterRow = Selectable<ShelterTable>;
export type ShelterNotificationRow = Selectable<ShelterNotificationTable>;
export type ShelterStayRow = Selectable<ShelterStayTable>;

declare module '../../db/schema' {
  /** The shelters module's tables. */
  interface Database {
    shelter: ShelterTable;
    shelter_rate: ShelterRateTable;
    shelter_user: ShelterUserTable;
    shelter_stay: ShelterStayTable;
    shelter_notification: ShelterNotificationTable;
  }
}
