import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CitizenStatus, InactiveReason } from '../../../shared/citizens/status';
import type { Situation } from '../../../shared/citizens/whereabouts';
import { api } from '../../api';
import { TASKS_KEY } from '../tasks';

export type { CitizenStatus, InactiveReason, Situation };

/** Why a user looks at a citizen; every view is logged with it. */
export const PURPOSES = [
  'casework',
  'allocation',
  'support',
  'prevention',
  'management',
  'data_request',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** The purposes a user can choose for viewing the citizen page (data requests go through the export). */
export const VIEW_PURPOSES = PURPOSES.filter((p) => p !== 'data_request');

/** The purpose a role looks at citizens for, unless the user chooses another. */
export function defaultPurpose(role: string | undefined): Purpose {
  switch (role) {
    case 'support':
      return 'support';
    case 'prevention':
      return 'prevention';
    case 'allocation':
      return 'allocation';
    case 'leader':
    case 'economy':
      return 'management';
    default:
      return 'casework';
  }
}

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

export const CONTACT_CHANNELS = ['meeting', 'phone', 'outreach', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONSENT_PURPOSES = [
  'share_housing_org',
  'cross_department',
  'share_shelter',
  'share_support_provider',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const HOUSEHOLD_KINDS = ['adult', 'child'] as const;
export type HouseholdKind = (typeof HOUSEHOLD_KINDS)[number];

/** A citizen in a list (search results, duplicate pairs). */
export interface CitizenSummary {
  id: string;
  name: string | null;
  initials: string | null;
  /** Masked, DDMMYY-XXXX; absent for a role that sees no CPR numbers (the leader). */
  cpr?: string | null;
  birthDate: string;
  age: number;
  sex: Sex | null;
  status: CitizenStatus;
  situation: Situation;
  inactiveReason: InactiveReason | null;
}

/** A page of citizens. */
export interface CitizenList {
  items: CitizenSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** The list's filters; empty strings mean "any". */
export interface CitizenFilter {
  q: string;
  status: string;
  situation: string;
  ageBand: string;
  sex: string;
  youth: boolean;
  /** Status pr. dato: the list as it stood on this date (åååå-mm-dd), or '' for today. */
  statusOn: string;
}

/** A whereabouts episode as it is recorded (POST /api/citizens/:id/episodes, or firstEpisode). */
export interface EpisodeInput {
  situation: Situation;
  fromDate: string;
  releaseDate?: string | null;
  housingSolution?: boolean | null;
  hasContract?: boolean | null;
  temporary?: boolean | null;
  becauseOfHomelessness?: boolean | null;
  note?: string | null;
}

export interface Episode {
  id: string;
  citizenId: string;
  situation: Situation;
  fromDate: string;
  releaseDate: string | null;
  housingSolution: boolean | null;
  hasContract: boolean | null;
  temporary: boolean | null;
  becauseOfHomelessness: boolean | null;
  /** Null without citizens.sensitive. */
  note: string | null;
  retractedAt: string | null;
  /** Null without citizens.sensitive. */
  retractReason: string | null;
  /** When the episode was recorded (a timestamp). */
  recordedAt: string;
}

export interface HouseholdMember {
  id: string;
  kind: HouseholdKind;
  name: string;
  birthDate: string;
  cpr: string | null;
  /** When the membership ended; ended members stay in the history. */
  endedOn: string | null;
}

export interface Consent {
  id: string;
  purpose: ConsentPurpose;
  givenOn: string;
  expiresOn: string | null;
  withdrawnOn: string | null;
  state: 'active' | 'expired' | 'withdrawn';
}

export interface Contact {
  id: string;
  contactOn: string;
  channel: ContactChannel;
  /** Null without citizens.sensitive. */
  note: string | null;
}

export interface SensitiveFlags {
  mentalIllness: boolean;
  substanceAbuse: boolean;
  formerlyPlaced: boolean;
}

export interface MergedRecord {
  mergeId: string;
  citizenId: string;
  name: string | null;
  birthDate: string;
}

export interface TimelineItem {
  date: string;
  kind: string;
  params: Record<string, string | number | null>;
}

/** GET /api/citizens/:id. */
export interface CitizenDetail {
  id: string;
  /** Masked, DDMMYY-XXXX (the full number through `useShowCpr`); absent for the leader. */
  cpr?: string | null;
  cprHistory: { oldCpr: string; newCpr: string; changedOn: string }[];
  givenName: string | null;
  familyName: string | null;
  name: string | null;
  initials: string | null;
  birthDate: string;
  age: number;
  sex: Sex | null;
  /** Phone, e-mail and address: absent for a role that sees no contact details (the leader). */
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  handlekommune: string | null;
  movedAwayOn: string | null;
  diedOn: string | null;
  status: CitizenStatus;
  situation: Situation;
  inactiveReason: InactiveReason | null;
  /** Absent for users without citizens.sensitive. */
  sensitive?: SensitiveFlags;
  household: HouseholdMember[];
  consents: Consent[];
  episodes: Episode[];
  contacts: Contact[];
  mergedFrom: MergedRecord[];
  timeline: TimelineItem[];
  /** What the user may do with this citizen (the server decides). */
  abilities: { write: boolean; sensitive: boolean; merge: boolean; showCpr: boolean };
}

/** Body of POST /api/citizens. */
export interface CreateCitizenInput {
  cpr?: string;
  birthDate?: string;
  sex?: Sex;
  initials?: string;
  givenName?: string;
  familyName?: string;
  phone?: string;
  email?: string;
  address?: string;
  handlekommune?: string;
  firstEpisode?: EpisodeInput;
}

/** A likely duplicate found when registering. */
export interface PossibleDuplicate {
  id: string;
  name: string | null;
  birthDate: string;
}

/** Answer of POST /api/citizens. */
export interface CreatedCitizen {
  id: string;
  duplicates: PossibleDuplicate[];
}

/** Body of PATCH /api/citizens/:id (null clears a field). */
export interface UpdateCitizenInput {
  givenName?: string | null;
  familyName?: string | null;
  initials?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  handlekommune?: string | null;
  movedAwayOn?: string | null;
  diedOn?: string | null;
}

export interface DuplicatePair {
  id: string;
  score: number;
  a: CitizenSummary;
  b: CitizenSummary;
}

/** Rows per page of the list. */
export const CITIZENS_PAGE_SIZE = 25;

/** Every cached answer about citizens starts with this key. */
export const CITIZENS_KEY = ['citizens'] as const;
const DUPLICATES_KEY = [...CITIZENS_KEY, 'duplicates'] as const;

const citizenPath = (id: string) => `/api/citizens/${encodeURIComponent(id)}`;

/** GET /api/citizens with filters and page. */
export function useCitizens(filter: CitizenFilter, page: number) {
  return useQuery({
    queryKey: [...CITIZENS_KEY, 'list', filter, page],
    queryFn: ({ signal }) => {
      const query = new URLSearchParams();
      if (filter.q !== '') query.set('q', filter.q);
      if (filter.status !== '') query.set('status', filter.status);
      if (filter.situation !== '') query.set('situation', filter.situation);
      if (filter.ageBand !== '') query.set('ageBand', filter.ageBand);
      if (filter.sex !== '') query.set('sex', filter.sex);
      if (filter.youth) query.set('youth', 'true');
      if (filter.statusOn !== '') query.set('statusOn', filter.statusOn);
      query.set('page', String(page));
      query.set('pageSize', String(CITIZENS_PAGE_SIZE));
      return api.get<CitizenList>(`/api/citizens?${query.toString()}`, { signal });
    },
    placeholderData: keepPreviousData,
  });
}

/** GET /api/citizens/:id?purpose=…; a new purpose is a new (logged) view. */
export function useCitizen(id: string, purpose: Purpose) {
  return useQuery({
    queryKey: [...CITIZENS_KEY, 'detail', id, purpose],
    queryFn: ({ signal }) =>
      api.get<CitizenDetail>(`${citizenPath(id)}?purpose=${encodeURIComponent(purpose)}`, { signal }),
    // While another purpose loads, keep showing the same citizen (never another citizen's data).
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === id ? previous : undefined),
  });
}

/** GET /api/citizens/duplicates (only for users with citizens.merge). */
export function useDuplicates(enabled = true) {
  return useQuery({
    queryKey: DUPLICATES_KEY,
    queryFn: ({ signal }) => api.get<{ items: DuplicatePair[] }>('/api/citizens/duplicates', { signal }),
    enabled,
  });
}

/** After any change: lists, pages, duplicates and tasks (expired consents) may all have changed. */
function useRefreshCitizens() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: CITIZENS_KEY }),
      queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
    ]);
  };
}

/** POST /api/citizens. */
export function useCreateCitizen() {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: (input: CreateCitizenInput) => api.post<CreatedCitizen>('/api/citizens', input),
    onSuccess: refresh,
  });
}

/** PATCH /api/citizens/:id. */
export function useUpdateCitizen(id: string) {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: (input: UpdateCitizenInput) => api.patch<CitizenDetail>(citizenPath(id), input),
    onSuccess: refresh,
  });
}

/**
 * GET /api/citizens/:id/cpr: the full CPR number, asked for by a click and logged with the purpose on
 * the server (a mutation, so that it is never fetched again by itself).
 */
export function useShowCpr(id: string, purpose: Purpose) {
  return useMutation({
    mutationFn: () =>
      api.get<{ cpr: string | null }>(`${citizenPath(id)}/cpr?purpose=${encodeURIComponent(purpose)}`),
  });
}

/** POST /api/citizens/:id/cpr. */
export function useChangeCpr(id: string) {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: (input: { newCpr: string; changedOn: string }) =>
      api.post<unknown>(`${citizenPath(id)}/cpr`, input),
    onSuccess: refresh,
  });
}

/** PUT /api/citizens/:id/sensitive. */
export function useSaveSensitive(id: string) {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: (input: SensitiveFlags) => api.put<void>(`${citizenPath(id)}/sensitive`, input),
    onSuccess: refresh,
  });
}

/** POST /api/citizens/:id/household. */
export function useAddHouseholdMember(id: string) {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: (input: { kind: HouseholdKind; name: string; birthDate: string; cpr?: string }) =>
      api.post<unknown>(`${citizenPath(id)}/household`, input),
    onSuccess: refresh,
  });
}

/** DELETE /api/citizens/:id/household/:memberId (ends the membership; history is kept). */
export function useEndHouseholdMember(id: string) {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: (memberId: string) =>
      api.delete<void>(`${citizenPath(id)}/household/${encodeURIComponent(memberId)}`),
    onSuccess: refresh,
  });
}

/** POST /api/citizens/:id/episodes. */
export function useAddEpisode(id: string) {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: (input: EpisodeInput) => api.post<unknown>(`${citizenPath(id)}/episodes`, input),
    onSuccess: refresh,
  });
}

/** POST /api/citizens/:id/episodes/:episodeId/retract. */
export function useRetractEpisode(id: string) {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: ({ episodeId, reason }: { episodeId: string; reason: string }) =>
      api.post<void>(`${citizenPath(id)}/episodes/${encodeURIComponent(episodeId)}/retract`, { reason }),
    onSuccess: refresh,
  });
}

/** POST /api/citizens/:id/contacts. */
export function useAddContact(id: string) {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: (input: { contactOn: string; channel: ContactChannel; note?: string }) =>
      api.post<unknown>(`${citizenPath(id)}/contacts`, input),
    onSuccess: refresh,
  });
}

/** POST /api/citizens/:id/consents. */
export function useAddConsent(id: string) {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: (input: { purpose: ConsentPurpose; givenOn: string; expiresOn?: string }) =>
      api.post<unknown>(`${citizenPath(id)}/consents`, input),
    onSuccess: refresh,
  });
}

/** POST /api/citizens/:id/consents/:consentId/withdraw. */
export function useWithdrawConsent(id: string) {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: ({ consentId, withdrawnOn }: { consentId: string; withdrawnOn: string }) =>
      api.post<void>(`${citizenPath(id)}/consents/${encodeURIComponent(consentId)}/withdraw`, {
        withdrawnOn,
      }),
    onSuccess: refresh,
  });
}

/** POST /api/citizens/duplicates/:id/merge. */
export function useMergeDuplicate() {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: ({ pairId, survivorId }: { pairId: string; survivorId: string }) =>
      api.post<{ mergeId: string; survivorId: string }>(
        `/api/citizens/duplicates/${encodeURIComponent(pairId)}/merge`,
        { survivorId },
      ),
    // A refusal (already resolved, already undone) means the queue is stale: refresh it either way.
    onSettled: refresh,
  });
}

/** POST /api/citizens/duplicates/:id/dismiss. */
export function useDismissDuplicate() {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: (pairId: string) =>
      api.post<void>(`/api/citizens/duplicates/${encodeURIComponent(pairId)}/dismiss`),
    // A refusal (already resolved, already undone) means the queue is stale: refresh it either way.
    onSettled: refresh,
  });
}

/** POST /api/citizens/merges/:mergeId/undo. */
export function useUndoMerge() {
  const refresh = useRefreshCitizens();
  return useMutation({
    mutationFn: (mergeId: string) =>
      api.post<void>(`/api/citizens/merges/${encodeURIComponent(mergeId)}/undo`),
    // A refusal (already resolved, already undone) means the queue is stale: refresh it either way.
    onSettled: refresh,
  });
}

/** The export of everything about a citizen (GDPR art. 15), a server-rendered HTML document. */
export function exportHref(id: string): string {
  return `${citizenPath(id)}/export?purpose=data_request`;
}
