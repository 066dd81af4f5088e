import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Housing allocation (GDPR art. 30): recommendations, the waiting list, offers and tenancies. */
export const allocationPersonalData: PersonalDataDeclaration = {
  subjects: ['citizens', 'household'],
  categories: ['identity', 'housing', 'economy', 'family', 'health', 'case_notes'],
  legalBases: ['gdpr_6_1_e', 'gdpr_9_2_b', 'almenboligloven', 'serviceloven'],
  recipients: ['housing_organisations'],
  tables: [
    {
      table: 'allocation_application',
      citizen: 'citizen_id',
      activity: ['submitted_at', 'updated_at', 'waiting_since'],
      // On the waiting list or being assessed: never due.
      open: [{ column: 'status', in: ['submitted', 'needs_info', 'approved', 'paused'] }],
      erase: 'delete',
    },
    {
      table: 'application_event',
      citizen: { via: 'allocation_application', column: 'application_id' },
      activity: ['at'],
      erase: 'delete',
    },
    {
      table: 'application_document',
      citizen: { via: 'allocation_application', column: 'application_id' },
      activity: ['uploaded_at'],
      erase: 'delete',
    },
    {
      table: 'census_entry',
      citizen: { via: 'allocation_application', column: 'application_id' },
      activity: ['census_date'],
      erase: 'delete',
    },
    {
      table: 'offer',
      citizen: { via: 'allocation_application', column: 'application_id' },
      activity: ['offered_at', 'responded_at'],
      open: [{ column: 'status', in: ['open'] }],
      erase: 'delete',
    },
    {
      table: 'tenancy',
      citizen: 'citizen_id',
      activity: ['accepted_on', 'lease_signed_on', 'moved_in_on', 'created_at'],
      open: [{ column: 'moved_in_on', when: 'null' }],
      erase: 'delete',
    },
  ],
};
