import type { Generated, Selectable } from 'kysely';
import type { PlacementKind } from '../../../shared/placements/model';

/** A skæv bolig (almenboligloven § 149 a): a unit for a citizen who cannot live in ordinary housing. */
export interface SkaevBoligTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  address: string;
  /** The project the unit belongs to, e.g. "Thorsholm". */
  project: string;
  rooms: number;
  monthly_rent: string;
  /** Whether the unit has a social caretaker (social vicevært). */
  social_caretaker: boolean;
  created_at: Generated<Date>;
}

/** A tenancy of a skæv bolig: one open tenancy per unit and per citizen. */
export interface SkaevTenancyTable {
  id: Generated<string>;
  municipality_id: string;
  unit_id: string;
  citizen_id: string;
  from_date: string;
  to_date: string | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** A § 107 (temporary) or § 108 (long-term) residential care placement (serviceloven). */
export interface CarePlacementTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  kind: PlacementKind;
  /** The provider or institution (botilbud). */
  provider: string;
  decided_on: string;
  planned_move_in_on: string;
  /** When a temporary (§ 107) stay is planned to end; null when open-ended. */
  planned_end_on: string | null;
  started_on: string | null;
  ended_on: string | null;
  end_reason: string | null;
  monthly_cost: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export type SkaevBoligRow = Selectable<SkaevBoligTable>;
export type SkaevTenancyRow = Selectable<SkaevTenancyTable>;
export type CarePlacementRow = Selectable<CarePlacementTable>;

declare module '../../db/schema' {
  /** The placements module's tables. */
  interface Database {
    skaev_bolig: SkaevBoligTable;
    skaev_tenancy: SkaevTenancyTable;
    care_placement: CarePlacementTable;
  }
}
