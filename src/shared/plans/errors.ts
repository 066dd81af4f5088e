import { type CodesOf, defineErrors } from '../error-codes';

/** The plans module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const PLANS_ERRORS = defineErrors({
  PLAN_EXISTS: { status: 409, message: 'The citizen already has a coherent plan with a coordinator' },
  PLAN_CLOSED: { status: 409, message: 'The plan is closed' },
  PLAN_COORDINATOR_UNKNOWN: { status: 400, message: 'The coordinator is not a user of the municipality' },
  PLAN_ACTION_OWNER_REQUIRED: { status: 400, message: 'An action needs a responsible person' },
  PLAN_ACTION_DUE_REQUIRED: { status: 400, message: 'An action needs a due date' },
  PLAN_ACTION_DUE_BEFORE_START: { status: 400, message: 'The due date is before the plan starts' },
  PLAN_REVIEW_BEFORE_START: { status: 400, message: 'The review date is before the plan starts' },
  PLAN_DATE_BEFORE_START: { status: 400, message: 'The date is before the plan starts' },
  PLAN_DATE_IN_FUTURE: { status: 400, message: 'The date is in the future' },
  PLAN_CLOSE_NOTE_REQUIRED: { status: 400, message: 'Closing a plan for another reason needs a note' },
  PLAN_GOAL_UNKNOWN: { status: 400, message: 'The goal is not part of this plan' },
  PLAN_ALREADY_SHARED: { status: 409, message: 'The plan is already shared with this department' },
  ALERT_NOTE_REQUIRED: { status: 400, message: 'Acknowledging an alert needs a note' },
  ALERT_ALREADY_HANDLED: { status: 409, message: 'The alert has already been handled' },
  CITIZEN_UNKNOWN_CPR: { status: 400, message: 'No citizen with this CPR number is registered' },
  DEPOSIT_CASE_DECIDED: { status: 409, message: 'The case has already been decided' },
  DEPOSIT_DECISION_BEFORE_OPENED: { status: 400, message: 'The decision date is before the case was opened' },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof PLANS_ERRORS> {}
}
