import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** The by-name registry (GDPR art. 30): the citizen, whereabouts, household, consent, sensitive flags. */
export const citizensPersonalData: PersonalDataDeclaration = {
  subjects: ['citizens', 'household', 'children'],
  categories: [
    'identity',
    'cpr',
    'contact',
    'whereabouts',
    'family',
    'health',
    'substance_abuse',
    'consent',
    'case_notes',
  ],
  legalBases: ['gdpr_6_1_e', 'gdpr_9_2_b', 'gdpr_9_2_h', 'serviceloven', 'retssikkerhedsloven'],
  recipients: ['none'],
  tables: [
    {
      table: 'citizen',
      citizen: 'id',
      activity: ['registered_on', 'last_contact_on', 'created_at', 'updated_at', 'moved_away_on'],
      erase: 'delete',
    },
    {
      table: 'whereabouts_episode',
      citizen: 'citizen_id',
      activity: ['from_date', 'recorded_at', 'retracted_at'],
      erase: 'delete',
    },
    {
      table: 'citizen_contact',
      citizen: 'citizen_id',
      activity: ['contact_on', 'recorded_at'],
      erase: 'delete',
    },
    {
      table: 'citizen_cpr_change',
      citizen: 'citizen_id',
      activity: ['changed_on', 'recorded_at'],
      erase: 'delete',
    },
    { table: 'citizen_sensitive', citizen: 'citizen_id', activity: ['updated_at'], erase: 'delete' },
    { table: 'household_member', citizen: 'citizen_id', activity: ['added_on', 'ended_on'], erase: 'delete' },
    {
      table: 'consent',
      citizen: 'citizen_id',
      activity: ['given_on', 'withdrawn_on', 'recorded_at'],
      erase: 'delete',
    },
    {
      table: 'duplicate_candidate',
      citizen: ['citizen_a', 'citizen_b'],
      activity: ['created_at', 'resolved_at'],
      erase: 'delete',
    },
    {
      table: 'citizen_merge',
      citizen: ['survivor_id', 'merged_id'],
      activity: ['merged_at', 'undone_at'],
      erase: 'delete',
    },
  ],
};
