import type { QueryClient } from '@tanstack/react-query';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api } from './api';

/** The municipality (tenant) a user belongs to. */
export interface Municipality {
  id: string;
  name: string;
  /** The responsible authority shown in the footer, e.g. "Høje-Taastrup Kommune". */
  authority: string;
}

/** The signed-in user as the server describes it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  permissions: string[];
  municipality: Municipality;
}

/** GET /api/session and POST /api/session/login answer with this. */
export interface Session {
  user: SessionUser;
  csrfToken: string;
}

/** Query key of the session; `null` data means "not signed in". */
export const SESSION_KEY = ['session'] as const;

async function fetchSession({ signal }: { signal: AbortSignal }): Promise<Session | null> {
  try {
    return await api.get<Session>('/api/session', { skipAuthRedirect: true, signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The session check: asked once, kept until a login or logout replaces it (main.tsx starts it early). */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: fetchSession,
  staleTime: Number.POSITIVE_INFINITY,
});

/** The current session (`data` is `null` when nobody is signed in). */
export function useSession() {
  return useQuery(sessionQuery);
}

/** Whether the user holds a permission; the server decides, the client only hides what it may not use. */
export function hasPermission(user: SessionUser | null | undefined, permission: string): boolean {
  return user?.permissions.includes(permission) ?? false;
}

/** Forgets every cached answer except the session itself (another user may sign in next). */
export function clearUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

/** What the password leads to when a second factor is needed (202): a code, or enrolment first. */
export interface SecondStepAnswer {
  secondStep: 'totp' | 'enrol';
}

/**
 * Signs in with username and password: the session, stored (earlier users' data dropped), or the
 * second step the server asks for before there is one (issue 20 §3).
 */
export async function login(
  queryClient: QueryClient,
  username: string,
  password: string,
): Promise<Session | SecondStepAnswer> {
  const answer = await api.post<Session | SecondStepAnswer>(
    '/api/session/login',
    { username, password },
    { skipAuthRedirect: true },
  );
  if ('secondStep' in answer) return answer;
  startSession(queryClient, answer);
  return answer;
}

/** Stores a new session and drops the earlier user's data. */
export function startSession(queryClient: QueryClient, session: Session): void {
  clearUserData(queryClient);
  queryClient.setQueryData(SESSION_KEY, session);
}

/**
 * Signs out on the server (an already expired session counts as signed out) and forgets local
 * state. For a single sign-on session the answer is the provider's logout address, where the
 * browser goes next (RP-initiated logout); otherwise null.
 */
export async function logout(queryClient: QueryClient): Promise<string | null> {
  try {
    const { redirectTo } = await api.post<{ redirectTo: string | null }>('/api/sso/logout', undefined, {
      skipAuthRedirect: true,
    });
    return redirectTo;
  } finally {
    queryClient.setQueryData(SESSION_KEY, null);
    clearUserData(queryClient);
  }
}
