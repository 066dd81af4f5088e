import type { Permission, Role } from '../../shared/permissions';

/** Who is acting, for whom, from where: passed to every service call that reads or changes data. */
export interface Actor {
  userId: string;
  username: string;
  municipalityId: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  /** Truncated client address for the audit log. */
  clientIp: string | null;
}

/** The logged-in user of a request, with what the web needs to render the shell. */
export interface AuthContext extends Actor {
  displayName: string;
  municipality: { id: string; code: string; name: string; authority: string };
  csrfToken: string;
  sessionTokenHash: string;
}
