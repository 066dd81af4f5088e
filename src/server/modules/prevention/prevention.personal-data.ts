import type { PersonalDataDeclaration } from '../../platform/personal-data';

/**
 * Eviction prevention (GDPR art. 30). A case outlives its tenant anonymised, so the statistics per
 * housing organisation and department keep their counts; the tenant's name, address, CPR and notes go.
 */
export const preventionPersonalData: PersonalDataDeclaration = {
  subjects: ['tenants', 'citizens', 'children'],
  categories: ['identity', 'cpr', 'housing', 'economy', 'family', 'case_notes'],
  legalBases: ['gdpr_6_1_e', 'retssikkerhedsloven', 'serviceloven', 'almenboligloven'],
  recipients: ['housing_organisations'],
  tables: [
    {
      table: 'eviction_case',
      citizen: 'citizen_id',
      activity: ['opened_on', 'outcome_on', 'last_action_on', 'created_at'],
      open: [{ column: 'status', in: ['open'] }],
      erase: {
        anonymise: {
          citizen_id: 'null',
          tenant_name: 'dash',
          address: 'dash',
          tenancy_key: 'dash',
          outcome_note: 'null',
          no_help_reason: 'null',
        },
      },
    },
    {
      table: 'eviction_notice',
      citizen: { via: 'eviction_case', column: 'case_id' },
      activity: ['received_on', 'created_at'],
      erase: { anonymise: { tenant_cpr: 'null' } },
    },
    {
      table: 'eviction_action',
      citizen: { via: 'eviction_case', column: 'case_id' },
      activity: ['done_on', 'created_at'],
      erase: { anonymise: { result: 'null' } },
    },
  ],
};
