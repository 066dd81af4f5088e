import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { TASKS_KEY } from '../tasks';

/** A user as the administration page sees it. */
export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  /** The housing organisation a housing-organisation user acts for. */
  organisationId: string | null;
  /** Whether the user has set up a second factor. */
  secondFactor: boolean;
}

/** The role whose users act for one housing organisation, chosen when the role is given. */
export const PARTNER_ROLE = 'partner_housing';

/** A housing organisation a housing-organisation user can act for. */
export interface OrganisationChoice {
  id: string;
  name: string;
}

/** A role and what it may do. */
export interface Role {
  code: string;
  permissions: string[];
}

/** Body of POST /api/admin/users. */
export interface CreateUserInput {
  username: string;
  displayName: string;
  role: string;
  password: string;
  organisationId?: string;
}

/** Body of PATCH /api/admin/users/:id. */
export interface UpdateUserInput {
  role?: string;
  disabled?: boolean;
  displayName?: string;
  organisationId?: string;
}

/** Query key of the user list. */
export const USERS_KEY = ['admin', 'users'] as const;

/** GET /api/admin/users. */
export function useUsers() {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) => api.get<{ items: AdminUser[] }>('/api/admin/users', { signal }),
  });
}

/** GET /api/admin/housing-organisations: the organisations to choose for a housing-organisation user. */
export function useHousingOrganisations() {
  return useQuery({
    queryKey: [...USERS_KEY, 'housing-organisations'],
    queryFn: ({ signal }) =>
      api.get<{ items: OrganisationChoice[] }>('/api/admin/housing-organisations', { signal }),
  });
}

/** GET /api/roles (role codes never change while the page is open). */
export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => api.get<{ items: Role[] }>('/api/roles', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function useRefreshUsers() {
  const queryClient = useQueryClient();
  return async () => {
    // A locked user is also a task ("Brugeren … er midlertidigt låst"), so both lists change.
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: USERS_KEY }),
      queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
    ]);
  };
}

/** POST /api/admin/users. */
export function useCreateUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<AdminUser>('/api/admin/users', input),
    onSuccess: refresh,
  });
}

/** PATCH /api/admin/users/:id. */
export function useUpdateUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: string }) =>
      api.patch<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}`, input),
    onSuccess: refresh,
  });
}

/** POST /api/admin/users/:id/unlock. */
export function useUnlockUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (id: string) => api.post<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}/unlock`),
    onSuccess: refresh,
  });
}
