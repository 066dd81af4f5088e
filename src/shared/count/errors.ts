import { type CodesOf, defineErrors } from '../error-codes';

/** The week-6 count's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const COUNT_ERRORS = defineErrors({
  COUNT_NOT_A_COUNT_YEAR: {
    status: 400,
    message:
      'The national count is held in week 6 of 2007–2019 (odd years), 2022, 2024 and every second year after',
  },
  COUNT_EXISTS: { status: 409, message: 'The count of that year exists already' },
  COUNT_NOT_STARTED: { status: 409, message: 'The count week has not begun yet' },
  COUNT_CLOSED: { status: 409, message: 'The count is closed' },
  COUNT_PERSON_COUNTED: { status: 409, message: 'The person is registered in this count already' },
  COUNT_PERSON_REQUIRED: {
    status: 400,
    message: 'A registration names a citizen of the by-name list, or initials and a birth date',
  },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof COUNT_ERRORS> {}
}
