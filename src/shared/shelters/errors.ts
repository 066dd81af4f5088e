import { type CodesOf, defineErrors } from '../error-codes';

/** The shelters module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const SHELTERS_ERRORS = defineErrors({
  SHELTER_USER_UNLINKED: { status: 403, message: 'The user is not linked to a shelter' },
  SHELTER_NAME_TAKEN: { status: 409, message: 'The municipality already has a shelter of that name' },
  STAY_ALREADY_OPEN: { status: 409, message: 'The citizen already has an open stay at this shelter' },
  STAY_CITIZEN_REQUIRED: {
    status: 400,
    message: 'An admission needs the CPR number, or the birth date and initials',
  },
  STAY_HANDLEKOMMUNE_REQUIRED: { status: 400, message: 'An admission needs the handlekommune' },
  STAY_DISCHARGE_BEFORE_ADMISSION: { status: 400, message: 'The discharge date is before the admission' },
  STAY_DECISION_AFTER_ADMISSION: {
    status: 400,
    message: 'The admission decision cannot be after the admission date',
  },
  STAY_DATE_IN_FUTURE: { status: 400, message: 'The date is in the future' },
  STAY_CLOSED: { status: 409, message: 'The stay has ended' },
  STAY_ALREADY_NOTIFIED: { status: 409, message: 'The handlekommune has already been notified' },
  STAY_DISCHARGE_CONDITIONS: {
    status: 409,
    message: 'The conditions for a municipal discharge (§ 110 stk. 5) are not met',
  },
  SHELTER_NOTIFICATION_ACKNOWLEDGED: {
    status: 409,
    message: 'The notification has already been acknowledged',
  },
  SHELTER_NOTIFICATION_NO_MATCH: {
    status: 409,
    message: 'No citizen in the by-name list has the CPR number of the notification',
  },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof SHELTERS_ERRORS> {}
}
