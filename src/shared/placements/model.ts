import type { Situation } from '../citizens/whereabouts';

/** Residential care: serviceloven § 107 (temporary) and § 108 (long-term). */
export const PLACEMENT_KINDS = ['s107', 's108'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

/** Where a citizen goes when a placement or a skæv bolig tenancy ends: their whereabouts from then. */
export const SITUATIONS_AFTER = [
  'housed',
  'institution',
  'shelter',
  'street',
  'family_friends',
  'other',
  'unknown',
] as const satisfies readonly Situation[];
export type SituationAfter = (typeof SITUATIONS_AFTER)[number];
