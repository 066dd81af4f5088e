/** The departments that own actions in a coherent plan (sammenhængende borgerforløb). */
export const DEPARTMENTS = [
  'jobcenter',
  'ydelse',
  'psykiatri',
  'misbrugsbehandling',
  'sundhed',
  'bolig',
  'forebyggelse',
  'socialafdeling',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Why a coherent plan was closed; `other` needs a note. */
export const CLOSE_REASONS = ['goals_met', 'citizen_declined', 'moved', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** How the citizen took part in the plan. */
export const PARTICIPATION_WAYS = [
  'meeting',
  'phone',
  'home_visit',
  'written',
  'network_meeting',
  'other',
] as const;
export type ParticipationWay = (typeof PARTICIPATION_WAYS)[number];

/** A benefit sanction (sanktion) or stop (ophør af ydelse) reported by the benefits office. */
export const SANCTION_KINDS = ['sanction', 'stop'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/** How a sanction reached Hjemvej. */
export const SANCTION_SOURCES = ['form', 'import'] as const;
export type SanctionSource = (typeof SANCTION_SOURCES)[number];

/** A deposit loan (depositumslån, almenboligloven § 59 stk. 3 / aktivloven § 81) or other § 81 help. */
export const DEPOSIT_CASE_KINDS = ['deposit_loan', 'section_81'] as const;
export type DepositCaseKind = (typeof DEPOSIT_CASE_KINDS)[number];

export const DEPOSIT_OUTCOMES = ['granted', 'refused'] as const;
export type DepositOutcome = (typeof DEPOSIT_OUTCOMES)[number];

/** The fast-track limit when the municipality has set none: 10 Danish working days. */
export const DEFAULT_FAST_TRACK_WORKING_DAYS = 10;
