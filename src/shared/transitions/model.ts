/**
 * Who takes part in a young person's transition plan (issue 17 §4). The young person is always one
 * of them; the child-area (børne- og ungeområdet) and adult-area (voksenområdet) caseworkers are
 * Hjemvej users; jobcenter/education guidance (UU, KUI), the support worker, family and external
 * participants are named with their organisation.
 */
export const PARTICIPANT_KINDS = [
  'young_person',
  'family',
  'child_caseworker',
  'adult_caseworker',
  'guidance',
  'support_worker',
  'external',
] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** The participants that are Hjemvej users (their actions go to "Mine opgaver"). */
export const USER_PARTICIPANT_KINDS: readonly ParticipantKind[] = ['child_caseworker', 'adult_caseworker'];

/** Participants named with their organisation (UU/KUI, an external partner). */
export const ORGANISATION_PARTICIPANT_KINDS: readonly ParticipantKind[] = ['guidance', 'external'];

/** The kinds of youth offers in the municipality's catalogue ("bedre overblik over tilbuddene"). */
export const OFFER_KINDS = [
  'ungeguide',
  'mentor',
  'stoettekontaktperson',
  'kui',
  'ungebolig',
  'cti',
  'behandling',
  'ungestoette',
  'other',
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
