/** Who runs a shelter (boform efter serviceloven § 110). */
export const SHELTER_KINDS = ['municipal', 'independent'] as const;
export type ShelterKind = (typeof SHELTER_KINDS)[number];

/**
 * Where a resident went at discharge (the Danmarks Statistik stay report asks how and where the
 * resident moved out).
 */
export const DISCHARGE_DESTINATIONS = [
  'own_home',
  'care_107_108',
  'other_shelter',
  'street',
  'hospital_prison',
  'family_friends',
  'unknown',
] as const;
export type DischargeDestination = (typeof DISCHARGE_DESTINATIONS)[number];
