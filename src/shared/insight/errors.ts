import { type CodesOf, defineErrors } from '../error-codes';

/** The insight module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const INSIGHT_ERRORS = defineErrors({
  INSIGHT_SUPPRESSION_LIMIT_TOO_LOW: {
    status: 400,
    message: 'The limit for small numbers (suppressionLimit) must be a whole number of at least 3',
  },
  INSIGHT_INHABITANTS_REQUIRED: {
    status: 400,
    message: "Sharing needs the municipality's number of inhabitants (inhabitants)",
  },
  INSIGHT_NOT_SHARING: {
    status: 409,
    message: 'The municipality does not share its figures; opt in to sharing first',
  },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof INSIGHT_ERRORS> {}
}
