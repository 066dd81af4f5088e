/** The youth module's vocabulary (issue 17): young people aged 15–29, their placements and supports. */

/** The youngest and oldest age (whole years) of a young person with a youth profile. */
export const YOUTH_MIN_AGE = 15;
export const YOUTH_MAX_AGE = 29;

/** Education status: in a youth education, planning one, having completed one, or none. */
export const EDUCATION_STATUSES = ['in_education', 'planned', 'completed', 'none'] as const;
export type EducationStatus = (typeof EDUCATION_STATUSES)[number];

/** KUI (kommunal ungeindsats) status: not enrolled, an active effort, or ended. */
export const KUI_STATUSES = ['none', 'active', 'ended'] as const;
export type KuiStatus = (typeof KUI_STATUSES)[number];

/**
 * The kind of a placement outside the home (anbringelse): family care (plejefamilie, incl.
 * netværkspleje), a residential institution (døgninstitution, opholdssted), an own room or
 * kollegium (eget værelse), other.
 */
export const PLACEMENT_TYPES = ['family_care', 'residential_institution', 'own_room', 'other'] as const;
export type YouthPlacementType = (typeof PLACEMENT_TYPES)[number];

/** The supports a young person can have (domain.md §6). */
export const SUPPORT_KINDS = [
  'ungestoette',
  'eftervaern',
  'mentor',
  'ungeguide',
  'stoettekontaktperson',
] as const;
export type YouthSupportKind = (typeof SUPPORT_KINDS)[number];

/** The outcome of the decision on youth support (Barnets Lov § 111). */
export const DECISION_OUTCOMES = ['granted', 'refused', 'not_relevant'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** A caseworker's service area: the child/youth area or the adult area. */
export const SERVICE_AREAS = ['born_unge', 'voksen'] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

/** The age (whole years) a pairing (parløb) starts from unless another is chosen. */
export const DEFAULT_PAIRING_FROM_AGE = 16;
