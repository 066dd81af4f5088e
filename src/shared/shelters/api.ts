import type { DischargeDestination, ShelterKind } from './model';
import type { NotificationStatus } from './rules';

/** A shelter as the administrator lists it. */
export interface ShelterSummary {
  id: string;
  name: string;
  kind: ShelterKind;
  places: number;
  onTilbudsportalen: boolean;
  /** The daily rate (takst) in force today, kroner. */
  dailyRate: number | null;
  residents: number;
}

export interface ShelterInput {
  name: string;
  kind: ShelterKind;
  places: number;
  onTilbudsportalen: boolean;
  dailyRate: number;
  rateFrom: string;
}

/** One stay as the shelter's staff see it. */
export interface Stay {
  id: string;
  citizenId: string;
  name: string | null;
  birthDate: string | null;
  admittedOn: string;
  admissionDecidedOn: string;
  handlekommune: string;
  /** The last day to notify the handlekommune (§ 110 stk. 6). */
  notifyBy: string;
  notifiedOn: string | null;
  notification: NotificationStatus;
  dischargedOn: string | null;
  dischargedTo: DischargeDestination | null;
  dischargeReason: string | null;
  municipalDischarge: boolean;
}

export interface Residents {
  shelter: { id: string; name: string; places: number };
  residents: Stay[];
  discharged: Stay[];
}

export interface AdmissionInput {
  cpr?: string;
  birthDate?: string;
  initials?: string;
  givenName?: string;
  familyName?: string;
  admittedOn: string;
  admissionDecidedOn: string;
  handlekommune: string;
}
