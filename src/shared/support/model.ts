/**
 * The support module's vocabulary (issue 15; domain.md §2 "Support methods", rules 16–18, §3 for
 * § 85 a): the methods of the catalogue, legal bases, contact kinds, CTI's phases and the dated
 * fidelity norms with their defaults.
 */

/** The methods of the catalogue. Every municipality has all of them; the norms are its own. */
export const METHODS = [
  'cti', // Critical Time Intervention: 3 phases × 3 months after a contact-building period (rule 16)
  'icm', // Intensive Case Management: no end date (rule 17)
  'act', // Assertive Community Treatment: a team that shares its caseload, no end date (rule 17)
  'spir', // SPIR: fleksibel døgnstøtte i egen bolig (HTK's own model, not a national method)
  'bostoette_85', // ordinary socialpædagogisk bostøtte, serviceloven § 85
  'stoettekontaktperson', // støttekontaktperson
  'treatment_substance', // behandling: misbrug
  'treatment_psychiatry', // behandling: psykiatri
] as const;
export type Method = (typeof METHODS)[number];

/** The legal basis of an enrollment's decision (afgørelse). */
export const LEGAL_BASES = ['s85', 's85a', 'other'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** How a contact took place; `missed` is a visit attempted where the citizen did not show up. */
export const CONTACT_KINDS = ['home_visit', 'phone', 'meeting', 'escort', 'missed'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** CTI's contact-building period and its three phases (rule 16). */
export const CTI_PHASES = ['contact_building', 'phase1', 'phase2', 'phase3'] as const;
export type CtiPhase = (typeof CTI_PHASES)[number];

/** Why an enrollment ended. */
export const END_REASONS = [
  'completed', // the planned course was completed (CTI after 9 months)
  'goals_met', // the need is met
  'moved_away', // moved to another municipality
  'declined', // the citizen no longer wants the support
  'lost_contact', // no contact could be kept (never because of missed contacts alone)
  'other_support', // another method or residential care took over
  'evicted', // lost the home
  'died',
  'other',
] as const;
export type EndReason = (typeof END_REASONS)[number];

/**
 * A method's norms as a municipality has set them from a date. History is kept: a change is a new
 * row with a later `validFrom`, never an overwrite.
 */
export interface MethodSettings {
  method: Method;
  validFrom: string;
  legalBasis: LegalBasis;
  /** Clients per full-time worker (per team member for ACT); null = no caseload norm. */
  caseloadNorm: number | null;
  /** CTI: days of the contact-building period before phase 1. */
  contactBuildingDays: number | null;
  /** CTI: the planned days between contacts in phases 1, 2 and 3 (weekly, every 2 weeks, monthly). */
  phaseIntervalDays: [number, number, number] | null;
  /** A signed lease or move-in is required before start (CTI, rule 16). */
  leaseRequired: boolean;
  /** What one citizen's support costs the municipality a month, in kr. */
  monthlyCost: number | null;
}

/** The date the shipped defaults apply from: § 85 a came into force 1 October 2023. */
export const DEFAULTS_FROM = '2023-10-01';

/** Months in each of CTI's three phases (rule 16). */
export const CTI_PHASE_MONTHS = 3;

/**
 * The shipped norms (rule 18: international fidelity norms, as the Danish manual numbers are not
 * verified; CTI ≤ 20 per full-time worker, ICM ≤ 20, ACT ≤ 10 per team member; CTI weekly, every
 * 2 weeks, monthly). The contact-building period (30 days) and the monthly costs are placeholders
 * for each municipality to set (Housing First support costs 40,000–130,000 kr. a year, domain.md §3).
 */
export const DEFAULT_METHOD_SETTINGS: Record<Method, Omit<MethodSettings, 'method' | 'validFrom'>> = {
  cti: {
    legalBasis: 's85a',
    caseloadNorm: 20,
    contactBuildingDays: 30,
    phaseIntervalDays: [7, 14, 30],
    leaseRequired: true,
    monthlyCost: 6000,
  },
  icm: {
    legalBasis: 's85a',
    caseloadNorm: 20,
    contactBuildingDays: null,
    phaseIntervalDays: null,
    leaseRequired: false,
    monthlyCost: 7500,
  },
  act: {
    legalBasis: 's85a',
    caseloadNorm: 10,
    contactBuildingDays: null,
    phaseIntervalDays: null,
    leaseRequired: false,
    monthlyCost: 10800,
  },
  spir: {
    legalBasis: 's85',
    caseloadNorm: null,
    contactBuildingDays: null,
    phaseIntervalDays: null,
    leaseRequired: false,
    monthlyCost: 10000,
  },
  bostoette_85: {
    legalBasis: 's85',
    caseloadNorm: null,
    contactBuildingDays: null,
    phaseIntervalDays: null,
    leaseRequired: false,
    monthlyCost: 3500,
  },
  stoettekontaktperson: {
    legalBasis: 'other',
    caseloadNorm: null,
    contactBuildingDays: null,
    phaseIntervalDays: null,
    leaseRequired: false,
    monthlyCost: 3000,
  },
  treatment_substance: {
    legalBasis: 'other',
    caseloadNorm: null,
    contactBuildingDays: null,
    phaseIntervalDays: null,
    leaseRequired: false,
    monthlyCost: null,
  },
  treatment_psychiatry: {
    legalBasis: 'other',
    caseloadNorm: null,
    contactBuildingDays: null,
    phaseIntervalDays: null,
    leaseRequired: false,
    monthlyCost: null,
  },
};

/** The municipality's dated setting of days without a contact before the worker gets a task. */
export interface ContactGapSetting {
  validFrom: string;
  days: number;
}

export const DEFAULT_CONTACT_GAP_DAYS = 14;

/** The months after move-in at which housing retention is measured (issue 15 §8). */
export const RETENTION_MONTHS = [3, 6, 12, 24] as const;
export type RetentionMonth = (typeof RETENTION_MONTHS)[number];
