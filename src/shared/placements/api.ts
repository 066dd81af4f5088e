import type { PlacementKind, SituationAfter } from './model';

/** A skæv bolig with its tenant now, if let. */
export interface SkaevUnit {
  id: string;
  name: string;
  address: string;
  project: string;
  rooms: number;
  monthlyRent: number;
  socialCaretaker: boolean;
  tenancy: { id: string; citizenId: string; name: string | null; fromDate: string } | null;
}

export interface EndedTenancy {
  id: string;
  unitId: string;
  unitName: string;
  citizenId: string;
  name: string | null;
  fromDate: string;
  toDate: string;
  endReason: string | null;
}

export interface SkaevBoliger {
  units: SkaevUnit[];
  ended: EndedTenancy[];
}

export interface UnitInput {
  name: string;
  address: string;
  project: string;
  rooms: number;
  monthlyRent: number;
  socialCaretaker: boolean;
}

export interface TenancyInput {
  citizenId: string;
  fromDate: string;
}

export interface TenancyEndInput {
  toDate: string;
  situationAfter: SituationAfter;
  reason?: string;
}

/** A § 107 / § 108 placement as the caseworker lists it. */
export interface Placement {
  id: string;
  citizenId: string;
  name: string | null;
  birthDate: string;
  kind: PlacementKind;
  provider: string;
  decidedOn: string;
  plannedMoveInOn: string;
  plannedEndOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  endReason: string | null;
  monthlyCost: number;
  /** Whether the citizen needs a next step (a § 107 stay ending within 30 days). */
  needsNextStep: boolean;
  moveInOverdue: boolean;
}

export interface PlacementInput {
  citizenId: string;
  kind: PlacementKind;
  provider: string;
  decidedOn: string;
  plannedMoveInOn: string;
  plannedEndOn?: string;
  startedOn?: string;
  monthlyCost: number;
}

export interface PlacementEndInput {
  endedOn: string;
  situationAfter: SituationAfter;
  reason?: string;
}
