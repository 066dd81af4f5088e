import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcknowledgeLink,
  AdmissionInput,
  DischargeConditions,
  Residents,
  ShelterInput,
  ShelterNotification,
  ShelterSummary,
  Stay,
} from '../../../shared/shelters/api';
import type { DischargeDestination } from '../../../shared/shelters/model';
import { api } from '../../api';
import { CITIZENS_KEY } from '../citizens';
import { TASKS_KEY } from '../tasks';

export type { DischargeConditions, Residents, ShelterNotification, ShelterSummary, Stay };

/** Every shelters query starts with this key, so any change refreshes the lists. */
export const SHELTERS_KEY = ['shelters'] as const;

const enc = encodeURIComponent;

export function useResidents() {
  return useQuery({
    queryKey: [...SHELTERS_KEY, 'mine'],
    queryFn: ({ signal }) => api.get<Residents>('/api/shelters/mine', { signal }),
  });
}

export function useShelters() {
  return useQuery({
    queryKey: [...SHELTERS_KEY, 'list'],
    queryFn: ({ signal }) => api.get<ShelterSummary[]>('/api/shelters', { signal }),
  });
}

function useSheltersMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await Promise.all(
        [SHELTERS_KEY, CITIZENS_KEY, TASKS_KEY].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export const useAdmit = () =>
  useSheltersMutation((input: AdmissionInput) =>
    api.post<{ id: string; citizenId: string }>('/api/shelters/stays', input),
  );

export const useNotify = () =>
  useSheltersMutation(({ stayId, notifiedOn }: { stayId: string; notifiedOn: string }) =>
    api.post<{ inbox: boolean }>(`/api/shelters/stays/${enc(stayId)}/notify`, { notifiedOn }),
  );

/** The notification letter (PDF) to a handlekommune outside this deployment. */
export const notificationLetterHref = (stayId: string) =>
  `/api/shelters/stays/${enc(stayId)}/notification-letter`;

/** The municipality's inbox of notifications from shelters (§ 110 stk. 6). */
export function useNotifications() {
  return useQuery({
    queryKey: [...SHELTERS_KEY, 'notifications'],
    queryFn: ({ signal }) => api.get<ShelterNotification[]>('/api/shelters/notifications', { signal }),
  });
}

export const useAcknowledge = () =>
  useSheltersMutation(({ id, link }: { id: string; link: AcknowledgeLink }) =>
    api.post<{ citizenId: string | null }>(`/api/shelters/notifications/${enc(id)}/acknowledge`, { link }),
  );

/** The conditions of a municipal discharge today (§ 110 stk. 5), loaded when asked for. */
export function useDischargeConditions(stayId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...SHELTERS_KEY, 'discharge-conditions', stayId],
    queryFn: ({ signal }) =>
      api.get<DischargeConditions>(`/api/shelters/stays/${enc(stayId)}/discharge-conditions`, { signal }),
    enabled,
  });
}

export const useMunicipalDischarge = () =>
  useSheltersMutation(
    ({
      stayId,
      ...body
    }: {
      stayId: string;
      dischargedOn: string;
      dischargedTo: DischargeDestination;
      reason?: string;
    }) => api.post<void>(`/api/shelters/stays/${enc(stayId)}/municipal-discharge`, body),
  );

export const useDischarge = () =>
  useSheltersMutation(
    ({
      stayId,
      ...body
    }: {
      stayId: string;
      dischargedOn: string;
      dischargedTo: DischargeDestination;
      reason?: string;
    }) => api.post<void>(`/api/shelters/stays/${enc(stayId)}/discharge`, body),
  );

export const useCreateShelter = () =>
  useSheltersMutation((input: ShelterInput) => api.post<{ id: string }>('/api/shelters', input));

/** A citizen in a shelter the municipality is handlekommune for, with the action plan status. */
export interface HandlekommuneResident {
  id: string;
  citizenId: string;
  name: string | null;
  shelterName: string;
  admittedOn: string;
  notifiedOn: string | null;
  actionPlanOn: string | null;
  plan: 'action_plan' | 'coherent_plan' | 'missing';
}

export function useHandlekommuneResidents() {
  return useQuery({
    queryKey: [...SHELTERS_KEY, 'handlekommune'],
    queryFn: ({ signal }) => api.get<HandlekommuneResident[]>('/api/shelters/residents', { signal }),
  });
}

export const useActionPlan = () =>
  useSheltersMutation(({ stayId, madeOn }: { stayId: string; madeOn: string }) =>
    api.post<void>(`/api/shelters/stays/${enc(stayId)}/action-plan`, { madeOn }),
  );

export interface ShelterUser {
  id: string;
  displayName: string;
  username: string;
  shelterId: string | null;
}

export function useShelterUsers() {
  return useQuery({
    queryKey: [...SHELTERS_KEY, 'users'],
    queryFn: ({ signal }) => api.get<ShelterUser[]>('/api/shelters/users', { signal }),
  });
}

export const useSetRate = () =>
  useSheltersMutation(({ shelterId, ...body }: { shelterId: string; validFrom: string; dailyRate: number }) =>
    api.put<void>(`/api/shelters/${enc(shelterId)}/rates`, body),
  );

export const useLinkUser = () =>
  useSheltersMutation(({ shelterId, userId }: { shelterId: string; userId: string }) =>
    api.put<void>(`/api/shelters/${enc(shelterId)}/users`, { userId }),
  );
