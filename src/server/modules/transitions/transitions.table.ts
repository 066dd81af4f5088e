import type { Generated, Selectable } from 'kysely';
import type { OfferKind, ParticipantKind } from '../../../shared/transitions/model';

/** A young person's transition plan (issue 17 §4): one open plan per young person. */
export interface TransitionPlanTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  started_on: string;
  /** The young person's wishes and dreams, in their own words. */
  wishes: string;
  goals: string | null;
  closed_on: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** A participant of a plan: the young person, a Hjemvej user or a named person with an organisation. */
export interface TransitionParticipantTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  kind: ParticipantKind;
  user_id: string | null;
  name: string | null;
  organisation: string | null;
  created_at: Generated<Date>;
}

/** A meeting: planned (no record yet) or recorded with the young person's view and the decisions. */
export interface TransitionMeetingTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  held_on: string;
  young_person_view: string | null;
  decisions: string | null;
  recorded_by: string | null;
  recorded_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface TransitionMeetingAttendeeTable {
  municipality_id: string;
  meeting_id: string;
  participant_id: string;
}

/** Who does what by when: a responsible participant and a due date. */
export interface TransitionActionTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  meeting_id: string | null;
  description: string;
  responsible_id: string;
  due_on: string;
  done_on: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** A youth offer of the municipality's catalogue, with its provider, age range and contact. */
export interface TransitionOfferTable {
  id: Generated<string>;
  municipality_id: string;
  kind: OfferKind;
  name: string;
  provider: string;
  min_age: number;
  max_age: number;
  contact: string;
  description: string | null;
  created_at: Generated<Date>;
}

/** An offer a young person has, from a date to an optional end. */
export interface TransitionPlanOfferTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  offer_id: string;
  from_date: string;
  to_date: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export type TransitionPlanRow = Selectable<TransitionPlanTable>;

declare module '../../db/schema' {
  /** The transitions module's tables. */
  interface Database {
    transition_plan: TransitionPlanTable;
    transition_participant: TransitionParticipantTable;
    transition_meeting: TransitionMeetingTable;
    transition_meeting_attendee: TransitionMeetingAttendeeTable;
    transition_action: TransitionActionTable;
    transition_offer: TransitionOfferTable;
    transition_plan_offer: TransitionPlanOfferTable;
  }
}
