import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Transition plans of young people (GDPR art. 30): wishes, participants, meetings, actions, offers. */
export const transitionsPersonalData: PersonalDataDeclaration = {
  subjects: ['citizens', 'children'],
  categories: ['identity', 'education', 'support', 'case_notes'],
  legalBases: ['gdpr_6_1_e', 'gdpr_9_2_b', 'serviceloven'],
  recipients: ['departments'],
  tables: [
    {
      table: 'transition_plan',
      citizen: 'citizen_id',
      activity: ['started_on', 'closed_on', 'created_at'],
      open: [{ column: 'closed_on', when: 'null' }],
      erase: 'delete',
    },
    {
      table: 'transition_participant',
      citizen: { via: 'transition_plan', column: 'plan_id' },
      activity: ['created_at'],
      erase: 'delete',
    },
    {
      table: 'transition_meeting',
      citizen: { via: 'transition_plan', column: 'plan_id' },
      activity: ['held_on', 'recorded_at', 'created_at'],
      erase: 'delete',
    },
    {
      table: 'transition_meeting_attendee',
      citizen: { via: 'transition_meeting', column: 'meeting_id' },
      erase: 'delete',
    },
    {
      table: 'transition_action',
      citizen: { via: 'transition_plan', column: 'plan_id' },
      activity: ['done_on', 'created_at'],
      erase: 'delete',
    },
    {
      table: 'transition_plan_offer',
      citizen: { via: 'transition_plan', column: 'plan_id' },
      activity: ['from_date', 'to_date', 'created_at'],
      erase: 'delete',
    },
  ],
};
