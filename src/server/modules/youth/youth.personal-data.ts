import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Young people 15–29 (GDPR art. 30): profile, placements outside the home, supports, § 111 decisions. */
export const youthPersonalData: PersonalDataDeclaration = {
  subjects: ['citizens', 'children'],
  categories: ['identity', 'education', 'support', 'family', 'case_notes'],
  legalBases: ['gdpr_6_1_e', 'gdpr_9_2_b', 'serviceloven'],
  recipients: ['none'],
  tables: [
    { table: 'youth_profile', citizen: 'citizen_id', activity: ['updated_at'], erase: 'delete' },
    {
      table: 'youth_placement',
      citizen: 'citizen_id',
      activity: ['from_date', 'to_date', 'created_at'],
      erase: 'delete',
    },
    {
      table: 'youth_support',
      citizen: 'citizen_id',
      activity: ['from_date', 'to_date', 'created_at'],
      open: [{ column: 'to_date', when: 'null_or_future' }],
      erase: 'delete',
    },
    {
      table: 'youth_decision',
      citizen: 'citizen_id',
      activity: ['decided_on', 'created_at'],
      erase: 'delete',
    },
    { table: 'youth_pairing', citizen: 'citizen_id', activity: ['updated_at'], erase: 'delete' },
  ],
};
