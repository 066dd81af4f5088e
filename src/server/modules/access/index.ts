import '../../../shared/access/errors';
import type { Config } from '../../config';
import type { ServerModule } from '../../platform/module';
import { accessPersonalData } from './access.personal-data';
import { accessRoutes } from './access.routes';
import type { AccessSettings } from './access.service';
import { lockedUserTasks } from './access.tasks';
import * as m0020 from './migrations/2026-12-04-0020-access-session-touch-once-a-minute';
import * as m0040 from './migrations/2026-12-12-0040-access-totp';
import * as m0043 from './migrations/2026-12-13-0043-access-rate-limit';
import * as m0044 from './migrations/2026-12-13-0044-access-session-ended-notify';

/** The session and login rules of a running app, from its configuration. */
export function accessSettings(config: Config): AccessSettings {
  return {
    secret: config.SESSION_SECRET,
    idleMinutes: config.SESSION_IDLE_MINUTES,
    maxHours: config.SESSION_MAX_HOURS,
    maxFailures: config.LOGIN_MAX_FAILURES,
    lockMinutes: config.LOGIN_LOCK_MINUTES,
    failureMinMs: config.LOGIN_FAILURE_MIN_MS,
    sealingSecret: config.SECOND_FACTOR_KEY ?? config.SESSION_SECRET,
    sessionCacheSeconds: config.SESSION_CACHE_SECONDS,
  };
}

/** Municipalities, users, roles, sessions, login and passwords. */
export const module: ServerModule = {
  name: 'access',
  personalData: accessPersonalData,
  routes: (app, { config }) => accessRoutes(app, { settings: accessSettings(config) }),
  tasks: (config) => [lockedUserTasks(accessSettings(config))],
  migrations: {
    '2026-12-04-0020-access-session-touch-once-a-minute': m0020,
    '2026-12-12-0040-access-totp': m0040,
    '2026-12-13-0043-access-rate-limit': m0043,
    '2026-12-13-0044-access-session-ended-notify': m0044,
  },
};

export {
  countMunicipalities,
  findLoginUser,
  findMunicipalityByCode,
  municipalityIds,
  municipalityProfile,
  updateMunicipalityProfile,
} from './access.repository';
export {
  type AccessSettings,
  changeUser,
  createUser,
  logout,
  resolveSession,
  unlockUser,
  userActor,
} from './access.service';
export type { MunicipalityRow } from './access.table';
export { authPlugin, SESSION_COOKIE } from './auth.plugin';
export { truncateIp } from './client-ip';
export {
  EXTERNAL_PASSWORD_HASH,
  type ExternalUser,
  findExternalUser,
  openExternalSession,
  provisionExternalUser,
  setExternalUserRole,
  usernameTaken,
} from './external-login';
export { createMunicipality } from './municipality.service';
export { MIN_PASSWORD_LENGTH, passwordProblem } from './password';
export { sharedRateLimitStore } from './rate-limit-store';
export { seedSecondFactor } from './second-factor.service';
export { base32Decode, hotp, TOTP_STEP_SECONDS, timeStep, totp } from './totp';
