import type { PersonalDataDeclaration } from '../../platform/personal-data';

/**
 * The week-6 count (GDPR art. 30). A registration outlives its citizen anonymised — no link to the
 * by-name list, no initials or note, the birth date kept as its year — so the count's figures (67 in
 * 2022) stay what they were reported as.
 */
export const countPersonalData: PersonalDataDeclaration = {
  subjects: ['citizens'],
  categories: ['identity', 'whereabouts', 'economy', 'support'],
  legalBases: ['gdpr_6_1_e', 'serviceloven'],
  recipients: ['vive'],
  tables: [
    {
      table: 'count_registration',
      citizen: 'citizen_id',
      activity: ['registered_at', 'updated_at'],
      erase: { anonymise: { citizen_id: 'null', initials: 'dash', note: 'null', birth_date: 'year' } },
    },
  ],
};
