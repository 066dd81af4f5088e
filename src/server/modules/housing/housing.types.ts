import type { AreaStatus, UnitType } from '../../../shared/housing/supply';

/** Units per type, as counted in a department or expected from it. */
export type UnitCounts = Record<UnitType, number>;

/** The dialogue-meeting report of one organisation for a period (issue 4 §4). */
export interface DialogueReport {
  organisation: { id: string; name: string };
  municipality: { name: string; authority: string };
  from: string;
  to: string;
  departments: {
    departmentId: string;
    number: string;
    name: string;
    areaStatus: AreaStatus | null;
    expected: number;
    received: number;
    used: number;
    returnedUnused: number;
    /** Days the units available in the period stood empty, and the rent paid meanwhile (tomgangsleje). */
    emptyDays: number;
    emptyRent: number;
  }[];
  totals: {
    expected: number;
    received: number;
    used: number;
    returnedUnused: number;
    emptyDays: number;
    emptyRent: number;
  };
  returnedReasons: { reason: string; count: number }[];
  /** True since the allocation module records vacancies (kept for report consumers that label missing data). */
  vacancyDataAvailable: boolean;
}

/** Everything the housing module holds, for the XLSX export (issue 4 §8). */
export interface HousingExport {
  municipality: { name: string };
  organisations: {
    name: string;
    address: string | null;
    contactEmail: string | null;
    contactPhone: string | null;
  }[];
  departments: {
    organisation: string;
    number: string;
    name: string;
    address: string | null;
    units: UnitCounts;
    turnoverPercent: number;
    areaStatus: AreaStatus | null;
  }[];
  areaStatuses: {
    organisation: string;
    number: string;
    status: AreaStatus;
    validFrom: string;
    combinedLetting: boolean;
    section51c: boolean;
  }[];
  agreements: {
    organisation: string;
    name: string;
    validFrom: string;
    validTo: string | null;
    quotas: { number: string; unitType: UnitType; quotaPercent: number; rehousingPercent: number }[];
  }[];
  expected: {
    year: number;
    lines: {
      organisation: string;
      number: string;
      unitType: UnitType;
      units: number;
      turnoverPercent: number;
      quotaPercent: number;
      perYear: number;
    }[];
  };
  pools: {
    name: string;
    validFrom: string;
    validTo: string | null;
    budget: number;
    monthlyReduction: number;
    rentMin: number;
    rentMax: number;
    remaining: number;
    units: { address: string; department: string; rent: number; boundFrom: string; boundTo: string | null }[];
  }[];
  pipeline: {
    name: string;
    organisation: string | null;
    kind: string;
    unitType: UnitType;
    units: number;
    readyDate: string;
    allocationPercent: number;
  }[];
}

/** One row of a department import file, as read (strings), with its line number in the file. */
export interface DepartmentImportRow {
  line: number;
  organisation: string;
  number: string;
  name: string;
  address: string;
  family: string;
  youth: string;
  elderly: string;
  alternative: string;
  turnoverPercent: string;
}
