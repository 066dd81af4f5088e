import { type CodesOf, defineErrors } from '../error-codes';

/** Single sign-on's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const SSO_ERRORS = defineErrors({
  SSO_NOT_AVAILABLE: { status: 404, message: 'Single sign-on is not set up for this municipality' },
  SSO_SECRET_REQUIRED: {
    status: 400,
    message: 'A client secret is needed the first time single sign-on is set up',
  },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof SSO_ERRORS> {}
}
