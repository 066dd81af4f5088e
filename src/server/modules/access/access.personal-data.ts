import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Users and login (GDPR art. 30): staff and partners' users; kept while the user exists. */
export const accessPersonalData: PersonalDataDeclaration = {
  subjects: ['staff'],
  categories: ['identity', 'contact', 'usage'],
  legalBases: ['gdpr_6_1_c', 'gdpr_6_1_e', 'databeskyttelsesloven'],
  recipients: ['none'],
  retention: 'while_user',
  tables: [],
};
