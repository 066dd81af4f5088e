import type { PersonalDataDeclaration } from '../../platform/personal-data';

/**
 * The audit log (GDPR art. 30, 32): who read or changed which record. Kept; when the retention
 * policy erases a citizen, the citizen's id in the log is replaced by a pseudonym (ADR 0021).
 */
export const auditPersonalData: PersonalDataDeclaration = {
  subjects: ['staff', 'citizens'],
  categories: ['usage'],
  legalBases: ['gdpr_6_1_c', 'databeskyttelsesloven'],
  recipients: ['none'],
  retention: 'audit_pseudonymised',
  tables: [],
};
