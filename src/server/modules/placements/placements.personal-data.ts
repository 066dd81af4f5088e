import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Alternative housing (GDPR art. 30): skæve boliger tenancies and § 107/108 residential care. */
export const placementsPersonalData: PersonalDataDeclaration = {
  subjects: ['citizens'],
  categories: ['identity', 'housing', 'health', 'substance_abuse', 'economy'],
  legalBases: ['gdpr_6_1_e', 'gdpr_9_2_b', 'serviceloven', 'almenboligloven'],
  recipients: ['none'],
  tables: [
    {
      table: 'skaev_tenancy',
      citizen: 'citizen_id',
      activity: ['from_date', 'to_date', 'created_at'],
      open: [{ column: 'to_date', when: 'null_or_future' }],
      erase: 'delete',
    },
    {
      table: 'care_placement',
      citizen: 'citizen_id',
      activity: ['decided_on', 'started_on', 'ended_on', 'created_at'],
      open: [{ column: 'ended_on', when: 'null_or_future' }],
      erase: 'delete',
    },
  ],
};
