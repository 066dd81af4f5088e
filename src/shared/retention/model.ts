/**
 * The vocabulary of the declaration of personal data (GDPR art. 30(1)) that each server module
 * makes, and the retention policy's bounds (GDPR art. 5(1)(e)). Codes here, words in the web
 * catalogues (`retention.category.<code>` …), Danish first.
 */

/** Categories of data subjects (art. 30(1)(c)). */
export const DATA_SUBJECTS = ['citizens', 'household', 'children', 'tenants', 'staff'] as const;
export type DataSubject = (typeof DATA_SUBJECTS)[number];

/** Categories of personal data (art. 30(1)(c)); `health`, `substance_abuse` and `criminal` are art. 9/10 data. */
export const DATA_CATEGORIES = [
  'identity',
  'cpr',
  'contact',
  'whereabouts',
  'housing',
  'economy',
  'family',
  'health',
  'substance_abuse',
  'criminal',
  'education',
  'support',
  'case_notes',
  'consent',
  'usage',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Legal bases (art. 6 and 9 GDPR and the Danish acts the processing carries out). */
export const LEGAL_BASES = [
  'gdpr_6_1_c',
  'gdpr_6_1_e',
  'gdpr_9_2_b',
  'gdpr_9_2_h',
  'gdpr_10',
  'serviceloven',
  'almenboligloven',
  'retssikkerhedsloven',
  'lov_om_social_service_110',
  'databeskyttelsesloven',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Recipients (art. 30(1)(d)). */
export const RECIPIENTS = [
  'none',
  'housing_organisations',
  'other_municipalities',
  'shelters',
  'vive',
  'danmarks_statistik',
  'departments',
] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** How long the data is kept (art. 30(1)(f)). */
export const RETENTION_RULES = ['policy', 'while_user', 'audit_pseudonymised', 'anonymised'] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];

/** The retention policy's bounds: whole years after a citizen's last activity. */
export const RETENTION_YEARS_MIN = 1;
export const RETENTION_YEARS_MAX = 30;
/** The default, as the design names it (design.md §3: "e.g. 5 years after the last activity"). */
export const RETENTION_YEARS_DEFAULT = 5;

/** The date `years` whole years before `today` (ISO dates; 29 February → 28 February). */
export function retentionCutoff(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
