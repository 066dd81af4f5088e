import { type CodesOf, defineErrors } from '../error-codes';

/** The placements module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const PLACEMENTS_ERRORS = defineErrors({
  PLACEMENT_MOVE_IN_BEFORE_DECISION: {
    status: 400,
    message: 'The planned move-in cannot be before the decision',
  },
  PLACEMENT_PLANNED_END_BEFORE_MOVE_IN: {
    status: 400,
    message: 'The planned end cannot be before the planned move-in',
  },
  PLACEMENT_START_BEFORE_DECISION: { status: 400, message: 'The start cannot be before the decision' },
  PLACEMENT_END_BEFORE_START: { status: 400, message: 'The end cannot be before the start' },
  PLACEMENT_DATE_IN_FUTURE: { status: 400, message: 'The date is in the future' },
  PLACEMENT_OVERLAP: {
    status: 409,
    message: 'The citizen has another placement in the same period',
  },
  PLACEMENT_STARTED: { status: 409, message: 'The placement has started already' },
  PLACEMENT_ENDED: { status: 409, message: 'The placement has ended' },
  SKAEV_UNIT_NAME_TAKEN: { status: 409, message: 'A unit of that name exists already' },
  SKAEV_UNIT_LET: { status: 409, message: 'The unit has a tenant' },
  SKAEV_CITIZEN_HAS_TENANCY: { status: 409, message: 'The citizen already rents a skæv bolig' },
  SKAEV_TENANCY_ENDED: { status: 409, message: 'The tenancy has ended' },
  SKAEV_END_BEFORE_START: { status: 400, message: 'The tenancy cannot end before it starts' },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof PLACEMENTS_ERRORS> {}
}
