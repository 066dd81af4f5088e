import type { OfferKind, ParticipantKind } from './model';

/** A Hjemvej user who may take part in a plan (a caseworker of the child or adult area, a support worker). */
export interface TransitionStaff {
  id: string;
  displayName: string;
  role: string;
}

export interface ParticipantInput {
  kind: ParticipantKind;
  userId?: string | null;
  name?: string | null;
  organisation?: string | null;
}

export interface TransitionPlanInput {
  citizenId: string;
  startedOn: string;
  /** The young person's wishes and dreams, in their own words (required). */
  wishes: string;
  goals?: string | null;
  participants: ParticipantInput[];
}

export interface Participant {
  id: string;
  kind: ParticipantKind;
  userId: string | null;
  /** The young person's name for `young_person`, the user's for a Hjemvej user, else as given. */
  name: string;
  organisation: string | null;
}

export interface TransitionAction {
  id: string;
  meetingId: string | null;
  description: string;
  responsibleId: string;
  responsibleName: string;
  dueOn: string;
  doneOn: string | null;
  overdue: boolean;
}

export interface TransitionMeeting {
  id: string;
  heldOn: string;
  recorded: boolean;
  youngPersonView: string | null;
  decisions: string | null;
  attendeeIds: string[];
}

export interface PlanOffer {
  id: string;
  offerId: string;
  kind: OfferKind;
  name: string;
  provider: string;
  fromDate: string;
  toDate: string | null;
  active: boolean;
}

export interface TransitionPlanDetail {
  id: string;
  citizenId: string;
  citizenName: string | null;
  birthDate: string;
  age: number;
  startedOn: string;
  closedOn: string | null;
  wishes: string;
  goals: string | null;
  participants: Participant[];
  meetings: TransitionMeeting[];
  actions: TransitionAction[];
  offers: PlanOffer[];
  canWrite: boolean;
}

/** One line of the overview of plans. */
export interface TransitionPlanSummary {
  id: string;
  citizenId: string;
  citizenName: string | null;
  age: number;
  startedOn: string;
  nextMeetingOn: string | null;
  openActions: number;
  overdueActions: number;
}

export interface MeetingInput {
  heldOn: string;
  attendeeIds?: string[];
  youngPersonView?: string | null;
  decisions?: string | null;
  actions?: ActionInput[];
}

export interface MeetingRecordInput {
  attendeeIds: string[];
  youngPersonView: string;
  decisions?: string | null;
  actions?: ActionInput[];
}

export interface ActionInput {
  description: string;
  responsibleId?: string | null;
  dueOn?: string | null;
}

export interface YouthOffer {
  id: string;
  kind: OfferKind;
  name: string;
  provider: string;
  minAge: number;
  maxAge: number;
  contact: string;
  description: string | null;
}

export interface YouthOfferInput {
  kind: OfferKind;
  name: string;
  provider: string;
  minAge: number;
  maxAge: number;
  contact: string;
  description?: string | null;
}

export interface PlanOfferInput {
  offerId: string;
  fromDate: string;
  toDate?: string | null;
}
