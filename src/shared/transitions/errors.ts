import { type CodesOf, defineErrors } from '../error-codes';

/** The transitions module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const TRANSITIONS_ERRORS = defineErrors({
  TRANSITION_AGE_OUT_OF_RANGE: {
    status: 400,
    message: 'A transition plan is for a young person aged 15 to 29',
  },
  TRANSITION_PLAN_EXISTS: { status: 409, message: 'The young person already has an open transition plan' },
  TRANSITION_PLAN_CLOSED: { status: 409, message: 'The transition plan is closed' },
  TRANSITION_YOUNG_PERSON_REQUIRED: {
    status: 400,
    message: 'The young person must be a participant of the plan',
  },
  TRANSITION_YOUNG_PERSON_TWICE: { status: 400, message: 'The young person is a participant once' },
  TRANSITION_PARTICIPANT_USER_REQUIRED: {
    status: 400,
    message: 'A caseworker participant must be a user of Hjemvej',
  },
  TRANSITION_PARTICIPANT_USER_UNKNOWN: {
    status: 400,
    message: 'The user is not an active staff member of the municipality',
  },
  TRANSITION_PARTICIPANT_NAME_REQUIRED: { status: 400, message: 'The participant needs a name' },
  TRANSITION_PARTICIPANT_ORGANISATION_REQUIRED: {
    status: 400,
    message: 'The participant needs an organisation',
  },
  TRANSITION_MEETING_IN_FUTURE: {
    status: 400,
    message: 'Decisions can only be recorded for a meeting held today or earlier',
  },
  TRANSITION_MEETING_RECORDED: { status: 409, message: 'The meeting has been recorded already' },
  TRANSITION_YOUNG_PERSON_VIEW_REQUIRED: {
    status: 400,
    message: "The young person's own view is recorded first",
  },
  TRANSITION_ATTENDEE_UNKNOWN: { status: 400, message: 'An attendee is not a participant of the plan' },
  TRANSITION_ACTION_RESPONSIBLE_REQUIRED: {
    status: 400,
    message: 'An action needs a responsible participant',
  },
  TRANSITION_RESPONSIBLE_UNKNOWN: {
    status: 400,
    message: 'The responsible person is not a participant of the plan',
  },
  TRANSITION_ACTION_DUE_REQUIRED: { status: 400, message: 'An action needs a due date' },
  TRANSITION_ACTION_DONE: { status: 409, message: 'The action has been marked done already' },
  TRANSITION_DATE_IN_FUTURE: { status: 400, message: 'The date is in the future' },
  TRANSITION_DATE_BEFORE_START: { status: 400, message: 'The date is before the plan starts' },
  TRANSITION_OFFER_AGE_RANGE: { status: 400, message: 'The lowest age cannot be above the highest' },
  TRANSITION_OFFER_NAME_TAKEN: { status: 409, message: 'An offer of that name exists already' },
  TRANSITION_OFFER_UNKNOWN: { status: 400, message: 'The offer is not in the catalogue' },
  TRANSITION_OFFER_END_BEFORE_START: { status: 400, message: 'The offer cannot end before it starts' },
  TRANSITION_OFFER_ENDED: { status: 409, message: 'The offer has ended already' },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof TRANSITIONS_ERRORS> {}
}
