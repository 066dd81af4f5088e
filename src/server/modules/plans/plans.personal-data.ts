import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Coherent plans (GDPR art. 30): the plan, its goals, actions, reviews, sharing, and cross-sector alerts. */
export const plansPersonalData: PersonalDataDeclaration = {
  subjects: ['citizens'],
  categories: ['identity', 'support', 'economy', 'health', 'substance_abuse', 'case_notes', 'consent'],
  legalBases: ['gdpr_6_1_e', 'gdpr_9_2_b', 'gdpr_9_2_h', 'serviceloven', 'retssikkerhedsloven'],
  recipients: ['departments'],
  tables: [
    {
      table: 'coherent_plan',
      citizen: 'citizen_id',
      activity: ['started_on', 'closed_on', 'created_at'],
      open: [{ column: 'status', in: ['active'] }],
      erase: 'delete',
    },
    {
      table: 'plan_goal',
      citizen: { via: 'coherent_plan', column: 'plan_id' },
      activity: ['created_at', 'achieved_on'],
      erase: 'delete',
    },
    {
      table: 'plan_action',
      citizen: { via: 'coherent_plan', column: 'plan_id' },
      activity: ['created_at', 'done_on'],
      erase: 'delete',
    },
    {
      table: 'plan_review',
      citizen: { via: 'coherent_plan', column: 'plan_id' },
      activity: ['held_on', 'created_at'],
      erase: 'delete',
    },
    {
      table: 'plan_participation',
      citizen: { via: 'coherent_plan', column: 'plan_id' },
      activity: ['participated_on', 'recorded_at'],
      erase: 'delete',
    },
    {
      table: 'plan_share',
      citizen: { via: 'coherent_plan', column: 'plan_id' },
      activity: ['shared_at'],
      erase: 'delete',
    },
    {
      table: 'benefit_sanction',
      citizen: 'citizen_id',
      activity: ['effective_on', 'recorded_on', 'handled_on', 'created_at'],
      open: [{ column: 'handled_on', when: 'null' }],
      erase: 'delete',
    },
    {
      table: 'deposit_case',
      citizen: 'citizen_id',
      activity: ['opened_on', 'decided_on', 'handled_on', 'created_at'],
      open: [{ column: 'handled_on', when: 'null' }],
      erase: 'delete',
    },
  ],
};
