import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Housing support (GDPR art. 30): enrollments with their decisions, phases and contacts. */
export const supportPersonalData: PersonalDataDeclaration = {
  subjects: ['citizens'],
  categories: ['identity', 'support', 'health', 'substance_abuse', 'case_notes'],
  legalBases: ['gdpr_6_1_e', 'gdpr_9_2_b', 'gdpr_9_2_h', 'serviceloven'],
  recipients: ['none'],
  tables: [
    {
      table: 'support_enrollment',
      citizen: 'citizen_id',
      activity: ['decision_on', 'start_on', 'end_on', 'created_at'],
      // An enrollment without an end, or ending today or later, is an open case.
      open: [{ column: 'end_on', when: 'null_or_future' }],
      erase: 'delete',
    },
    {
      table: 'support_contact',
      citizen: { via: 'support_enrollment', column: 'enrollment_id' },
      activity: ['contact_on', 'created_at'],
      erase: 'delete',
    },
    {
      table: 'support_phase_change',
      citizen: { via: 'support_enrollment', column: 'enrollment_id' },
      activity: ['from_on', 'recorded_at'],
      erase: 'delete',
    },
  ],
};
