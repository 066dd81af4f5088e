import { type CodesOf, defineErrors } from '../error-codes';

/** The economics module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const ECONOMICS_ERRORS = defineErrors({
  ECONOMICS_YEAR_OUT_OF_RANGE: {
    status: 400,
    message: 'The year must be between 2015 and next year',
  },
  ECONOMICS_LIMIT_BEFORE_REFORM: {
    status: 400,
    message: 'A limit on refunded stay days can only apply from the reform (1 October 2023)',
  },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof ECONOMICS_ERRORS> {}
}
