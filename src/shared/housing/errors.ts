import { type CodesOf, defineErrors } from '../error-codes';

/** The housing module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const HOUSING_ERRORS = defineErrors({
  HOUSING_NAME_TAKEN: { status: 409, message: 'A housing organisation with this name exists' },
  DEPARTMENT_NUMBER_TAKEN: { status: 409, message: 'The organisation has a department with this number' },
  AREA_STATUS_DATE_TAKEN: { status: 409, message: 'The department has an area status from this date' },
  AGREEMENT_OVERLAP: {
    status: 409,
    message: 'A department has quotas in another agreement for an overlapping period',
  },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof HOUSING_ERRORS> {}
}
