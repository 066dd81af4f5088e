import { type CodesOf, defineErrors } from '../error-codes';

/** The planning module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const PLANNING_ERRORS = defineErrors({
  PLANNING_NOT_FOUND: { status: 404, message: 'The scenario was not found' },
  PLANNING_UNKNOWN_ORGANISATION: {
    status: 400,
    message:
      'A quota names an organisation without a quota in the agreements in force (scenario.quotaPercent)',
  },
  PLANNING_TOO_MANY_RUNNING: {
    status: 409,
    message: 'Three forecasts are already running for the municipality; wait for one to finish',
  },
  PLANNING_NOT_DONE: {
    status: 409,
    message: 'Only a finished forecast can be added to the committee report',
  },
  PLANNING_RUN_FAILED: { status: 500, message: 'The forecast could not be run' },
  /** Not answered by a route: the error a run shows when its process stopped before it was done. */
  PLANNING_INTERRUPTED: {
    status: 409,
    message: 'The forecast stopped before it was done (the server restarted); run the scenario again',
  },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof PLANNING_ERRORS> {}
}
