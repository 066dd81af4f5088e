/**
 * The vocabulary of housing allocation (boligsocial anvisning, issue 5): statuses, actions, codes.
 * Shared by server and web; the web translates every code under `allocation.*` in its catalogues.
 */

/** Why the citizen is in the target group (almenboligloven § 59 stk. 1: pressing social housing need). */
export const TARGET_GROUNDS = ['special_social', 'reduced_function'] as const;
export type TargetGround = (typeof TARGET_GROUNDS)[number];

/** The caseworker's area (indstillingskompetence): adults or children and families. */
export const CASEWORKER_AREAS = ['adult', 'child'] as const;
export type CaseworkerArea = (typeof CASEWORKER_AREAS)[number];

export const APPLICATION_STATUSES = [
  'submitted',
  'needs_info',
  'approved',
  'paused',
  'rejected',
  'removed',
  'housed',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Statuses in which an application is on the waiting list. */
export const WAITING_STATUSES: readonly ApplicationStatus[] = ['approved', 'paused'];
/** Statuses in which an application is still open (a citizen has at most one). */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'needs_info', 'approved', 'paused'];

/** There is no queue number: the officer sets an urgency level with a written reason (domain.md rule 20). */
export const PRIORITIES = ['acute', 'high', 'normal'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const MEMBER_ROLES = ['applicant', 'spouse', 'partner', 'child', 'other_adult'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const CITIZENSHIPS = ['danish', 'eu_eea_ch', 'other'] as const;
export type Citizenship = (typeof CITIZENSHIPS)[number];

/** Benefits the § 59 stk. 6–7 criteria name (domain.md §4). */
export const BENEFITS = [
  'selvforsoergelse_hjemrejse',
  'overgangsydelse',
  'uddannelseshjaelp',
  'kontanthjaelp',
  'foertidspension',
  'dagpenge',
  'sygedagpenge',
  'ressourceforloeb',
] as const;
export type Benefit = (typeof BENEFITS)[number];

/** What can happen to an application; who may do it is decided by permission (see ACTION_PERMISSION). */
export const APPLICATION_ACTIONS = [
  'approve',
  'reject',
  'request_info',
  'resubmit',
  'pause',
  'resume',
  'remove',
  'withdraw',
  'house',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** Actions the allocation officer takes in an assessment (the rest are the caseworker's or the system's). */
export const ASSESSMENT_ACTIONS = ['approve', 'reject', 'request_info', 'pause', 'resume', 'remove'] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

export const UNIT_TYPES_ALLOCATED = ['family', 'youth', 'elderly', 'alternative'] as const;

/** Where a vacancy comes from (issue 5 §4). */
export const VACANCY_ORIGINS = [
  'agreement_quota',
  'youth_quota',
  'rehousing',
  'subsidy_pool',
  'new_build',
] as const;
export type VacancyOrigin = (typeof VACANCY_ORIGINS)[number];

/** open: no tenant yet (may carry a live offer); let: a tenancy exists; returned: given back unused. */
/** `withdrawn`: the housing organisation took its report back before any offer (issue 14 §3). */
export const VACANCY_STATUSES = ['open', 'let', 'returned', 'withdrawn'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

/** Why a unit went back to the housing organisation unused. */
export const RETURN_REASONS = [
  'no_candidate',
  'declined_by_all',
  'deadline_passed',
  'unit_unsuitable',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const OFFER_STATUSES = ['open', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Why an applicant declined; the municipality configures which count as a refusal without reasonable cause. */
export const DECLINE_REASONS = [
  'no_reason',
  'personal',
  'too_expensive',
  'size',
  'area',
  'accessibility',
  'health',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** What happens when an applicant reaches the refusal limit (local policy; domain.md rule 25). */
export const REFUSAL_CONSEQUENCES = ['warn', 'pause', 'remove'] as const;
export type RefusalConsequence = (typeof REFUSAL_CONSEQUENCES)[number];

/** The municipality's allocation policy (issue 5 §6); every value is local policy, none is national law. */
export interface AllocationSettings {
  /** Days an applicant has to answer an offer. */
  replyDays: number;
  /** Days before the reply deadline when the officer gets a reminder. */
  reminderDays: number;
  /** Live offers an applicant may hold at once. */
  maxLiveOffers: number;
  /** Refusals without reasonable cause that trigger the consequence (Albertslund: 1). */
  refusalLimit: number;
  refusalConsequence: RefusalConsequence;
  /** Days a pause lasts when the consequence is a pause. */
  pauseDays: number;
  /** Decline reasons that count as a refusal without reasonable cause. */
  refusalReasons: DeclineReason[];
  /** Whether no answer by the deadline counts as a refusal. */
  noReplyCountsAsRefusal: boolean;
  /** Youth units: applicants must be younger than this (HTK uses < 30; domain.md rule 26). */
  youthAgeLimit: number;
  /**
   * Kroner a month each adult and child must keep after rent and fixed costs (rådighedsbeløb; the
   * municipality's own norm). See DEFAULT_DISPOSABLE for the shipped default and its basis.
   */
  disposablePerAdult: number;
  disposablePerChild: number;
  /**
   * Whether the municipality has explicitly confirmed a rådighedsbeløb of 0 kr. (per adult or per
   * child): without it, 0 is refused, since the rent check would then pass a rent up to the
   * household's whole income after fixed costs.
   */
  disposableZeroConfirmed: boolean;
  /** Default days from the available date to the municipality's deadline to name a tenant. */
  nameDeadlineDays: number;
}

/**
 * The shipped rådighedsbeløb (issue 14 §3; docs/allocation-settings.md): a municipal "vejledende
 * rådighedsbeløb", the amount a household must keep each month for food, clothes, transport and the
 * like after rent and fixed costs. Municipalities set one for help in special cases (aktivloven) and
 * some also use it before allocating a unit under the quarter rule — Dragør, for example: 3 600 kr.
 * for a single person and 1 300 kr. per child. Each adult is counted as a single person would be.
 */
export const DEFAULT_DISPOSABLE = { perAdult: 3_600, perChild: 1_300 } as const;

export const DEFAULT_ALLOCATION_SETTINGS: AllocationSettings = {
  replyDays: 7,
  reminderDays: 2,
  maxLiveOffers: 1,
  refusalLimit: 2,
  refusalConsequence: 'pause',
  pauseDays: 90,
  refusalReasons: ['no_reason', 'personal', 'other'],
  noReplyCountsAsRefusal: true,
  youthAgeLimit: 30,
  disposablePerAdult: DEFAULT_DISPOSABLE.perAdult,
  disposablePerChild: DEFAULT_DISPOSABLE.perChild,
  disposableZeroConfirmed: false,
  nameDeadlineDays: 14,
};

/** Age bands of the waiting-list report (the count's bands, domain.md rule 8). */
export const WAITING_AGE_BANDS = ['under18', '18-24', '25-29', '30-39', '40-49', '50-59', '60+'] as const;
export type WaitingAgeBand = (typeof WAITING_AGE_BANDS)[number];
export const HOUSEHOLD_SIZES = ['1', '2', '3', '4+'] as const;
export type HouseholdSizeBand = (typeof HOUSEHOLD_SIZES)[number];
export const WAITING_BANDS = ['0-3m', '3-6m', '6-12m', '12m+'] as const;
export type WaitingBand = (typeof WAITING_BANDS)[number];
