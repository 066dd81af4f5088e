import { type CodesOf, defineErrors } from '../error-codes';

/** The youth module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const YOUTH_ERRORS = defineErrors({
  YOUTH_AGE_OUTSIDE: { status: 400, message: 'The citizen is not aged 15–29' },
  YOUTH_PLACEMENT_END_BEFORE_START: { status: 400, message: 'The placement cannot end before it starts' },
  YOUTH_SUPPORT_END_BEFORE_START: { status: 400, message: 'The support cannot end before it starts' },
  YOUTH_UNGESTOETTE_AGE: {
    status: 400,
    message: 'Ungestøtte is for ages 18–22 (it cannot run past the 23rd birthday)',
  },
  YOUTH_DATE_IN_FUTURE: { status: 400, message: 'The date is in the future' },
  YOUTH_PAIRING_AREA: {
    status: 400,
    message: 'The pair needs one caseworker from the child/youth area and one from the adult area',
  },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof YOUTH_ERRORS> {}
}
