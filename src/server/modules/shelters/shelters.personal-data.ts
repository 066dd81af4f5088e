import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** § 110 shelters (GDPR art. 30): stays and the notifications of the handlekommune. */
export const sheltersPersonalData: PersonalDataDeclaration = {
  subjects: ['citizens'],
  categories: ['identity', 'cpr', 'whereabouts', 'support'],
  legalBases: ['gdpr_6_1_e', 'gdpr_9_2_b', 'serviceloven', 'lov_om_social_service_110'],
  recipients: ['other_municipalities', 'danmarks_statistik'],
  tables: [
    {
      table: 'shelter_notification',
      citizen: 'citizen_id',
      activity: ['admitted_on', 'notified_on', 'acknowledged_on', 'created_at'],
      erase: 'delete',
    },
    {
      table: 'shelter_stay',
      citizen: 'citizen_id',
      activity: ['admitted_on', 'notified_on', 'action_plan_on', 'discharged_on', 'created_at'],
      open: [{ column: 'discharged_on', when: 'null' }],
      erase: 'delete',
    },
  ],
};
