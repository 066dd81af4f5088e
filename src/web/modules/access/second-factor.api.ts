import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { Session } from '../../session';
import { USERS_KEY } from './users.api';

/** A new secret to add to an authenticator app: shown until the user confirms it, never after. */
export interface EnrolmentStart {
  secret: string;
  otpauthUri: string;
  /** The QR code of `otpauthUri`, an SVG data URL. */
  qrCode: string;
}

/** GET /api/account/second-factor. */
export interface SecondFactorStatus {
  enrolled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

const STATUS_KEY = ['account', 'second-factor'] as const;
const ROLES_KEY = ['admin', 'second-factor-roles'] as const;

// ---- during login (the pending-login cookie carries who) ----

/** POST /api/session/second-factor: a TOTP code or a recovery code. */
export const sendLoginCode = (code: string) =>
  api.post<Session>('/api/session/second-factor', { code }, { skipAuthRedirect: true });

/** POST /api/session/enrolment. */
export const startLoginEnrolment = () =>
  api.post<EnrolmentStart>('/api/session/enrolment', undefined, { skipAuthRedirect: true });

/** POST /api/session/enrolment/confirm: the session and the recovery codes. */
export const confirmLoginEnrolment = (code: string) =>
  api.post<Session & { recoveryCodes: string[] }>(
    '/api/session/enrolment/confirm',
    { code },
    { skipAuthRedirect: true },
  );

// ---- the logged-in user's own second factor ----

export function useSecondFactorStatus() {
  return useQuery({
    queryKey: STATUS_KEY,
    queryFn: ({ signal }) => api.get<SecondFactorStatus>('/api/account/second-factor', { signal }),
  });
}

export const startOwnEnrolment = () => api.post<EnrolmentStart>('/api/account/second-factor/enrolment');

export function useConfirmOwnEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api.post<{ recoveryCodes: string[] }>('/api/account/second-factor/confirm', { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
  });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api.post<{ recoveryCodes: string[] }>('/api/account/second-factor/recovery-codes', { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
  });
}

// ---- the administrator ----

/** POST /api/admin/users/:id/second-factor/reset. */
export function useResetSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ username: string }>(`/api/admin/users/${id}/second-factor/reset`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** GET /api/admin/second-factor-roles. */
export function useSecondFactorRoles() {
  return useQuery({
    queryKey: ROLES_KEY,
    queryFn: ({ signal }) => api.get<{ roles: string[] }>('/api/admin/second-factor-roles', { signal }),
  });
}

/** PUT /api/admin/second-factor-roles. */
export function useSaveSecondFactorRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (roles: string[]) =>
      api.put<{ roles: string[] }>('/api/admin/second-factor-roles', { roles }),
    onSuccess: (saved) => queryClient.setQueryData(ROLES_KEY, saved),
  });
}
