/**
 * The vocabulary of eviction prevention (issue 6): where a notice comes from, the steps of an
 * eviction for rent arrears, the help the municipality gives and how a case ends. Law and clocks:
 * domain.md §5 and rules 27–30. The web translates every code under `prevention.*`.
 */

/** Public-housing landlords must notify; private ones may; the bailiff's court notifies too (rule 29). */
export const NOTICE_SOURCES = ['public_landlord', 'private_landlord', 'bailiff_court'] as const;
export type NoticeSource = (typeof NOTICE_SOURCES)[number];

/** The steps of an eviction for rent arrears, in order (domain.md §5 "Process"). */
export const EVICTION_STEPS = ['paakrav', 'ophaevelse', 'fogedsag', 'udsaettelse'] as const;
export type EvictionStep = (typeof EVICTION_STEPS)[number];

export const ACTION_KINDS = [
  'contact_phone',
  'contact_letter',
  'home_visit',
  'debt_advice',
  'help_81',
  'help_81a',
  'payment_plan',
  'deposit_loan',
  'fast_track',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Help that counts as "help given" for retssikkerhedsloven § 5 a (no separate no-help decision is then due). */
export const HELP_KINDS: readonly ActionKind[] = ['help_81', 'help_81a', 'payment_plan', 'deposit_loan'];

export const OUTCOMES = ['averted_paid', 'averted_plan', 'averted_help', 'moved', 'evicted'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const AVERTED: readonly Outcome[] = ['averted_paid', 'averted_plan', 'averted_help'];

export const REPORTED_VIA = ['form', 'import', 'partner'] as const;
export type ReportedVia = (typeof REPORTED_VIA)[number];

/** Deposit-loan (beboerindskudslån) mandatory-loan income limit for a year (rule 30; yearly-indexed setting). */
export interface DepositLoanLimit {
  year: number;
  /** Household income at or below this is a mandatory loan (flats). */
  base: number;
  perChild: number;
  maxChildren: number;
}

/** The 2023 figures of domain.md §5; later years are added by the administrator. */
export const DEFAULT_DEPOSIT_LOAN_LIMITS: DepositLoanLimit[] = [
  { year: 2023, base: 268_556, perChild: 47_100, maxChildren: 4 },
];
