import { z } from 'zod';
import { OFFER_KINDS, PARTICIPANT_KINDS } from '../../../shared/transitions/model';

const date = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
/** Free text that may be left empty (null or blank is "not given"). */
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const idParams = z.object({ id: z.uuid() });
export const createdResponse = z.object({ id: z.uuid() });
export const noContent = { 204: z.undefined().describe('No content') };

export const participantBody = z.strictObject({
  kind: z.enum(PARTICIPANT_KINDS),
  userId: z.uuid().nullable().optional(),
  name: optionalText(200),
  organisation: optionalText(200),
});

export const planBody = z.strictObject({
  citizenId: z.uuid(),
  startedOn: date,
  wishes: text(4000),
  goals: optionalText(4000),
  participants: z.array(participantBody).max(30),
});

/** The responsible participant and the due date are checked by the service (named errors). */
export const actionBody = z.strictObject({
  description: text(1000),
  responsibleId: z.uuid().nullable().optional(),
  dueOn: date.nullable().optional(),
});

export const meetingBody = z.strictObject({
  heldOn: date,
  attendeeIds: z.array(z.uuid()).max(30).optional(),
  youngPersonView: optionalText(4000),
  decisions: optionalText(4000),
  actions: z.array(actionBody).max(30).optional(),
});

export const recordBody = z.strictObject({
  attendeeIds: z.array(z.uuid()).max(30),
  youngPersonView: z.string().trim().max(4000),
  decisions: optionalText(4000),
  actions: z.array(actionBody).max(30).optional(),
});

export const doneBody = z.strictObject({ doneOn: date });
export const closeBody = z.strictObject({ closedOn: date });

export const offerBody = z.strictObject({
  kind: z.enum(OFFER_KINDS),
  name: text(200),
  provider: text(200),
  minAge: z.number().int().min(0).max(120),
  maxAge: z.number().int().min(0).max(120),
  contact: text(300),
  description: optionalText(2000),
});

export const planOfferBody = z.strictObject({
  offerId: z.uuid(),
  fromDate: date,
  toDate: date.nullable().optional(),
});
export const planOfferEndBody = z.strictObject({ toDate: date });

// ---- responses ----

export const staffResponse = z.array(z.object({ id: z.uuid(), displayName: z.string(), role: z.string() }));

export const plansResponse = z.array(
  z.object({
    id: z.uuid(),
    citizenId: z.uuid(),
    citizenName: z.string().nullable(),
    age: z.number(),
    startedOn: z.string(),
    nextMeetingOn: z.string().nullable(),
    openActions: z.number(),
    overdueActions: z.number(),
  }),
);

export const offerResponse = z.object({
  id: z.uuid(),
  kind: z.enum(OFFER_KINDS),
  name: z.string(),
  provider: z.string(),
  minAge: z.number(),
  maxAge: z.number(),
  contact: z.string(),
  description: z.string().nullable(),
});
export const offersResponse = z.array(offerResponse);

export const planResponse = z.object({
  id: z.uuid(),
  citizenId: z.uuid(),
  citizenName: z.string().nullable(),
  birthDate: z.string(),
  age: z.number(),
  startedOn: z.string(),
  closedOn: z.string().nullable(),
  wishes: z.string(),
  goals: z.string().nullable(),
  participants: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(PARTICIPANT_KINDS),
      userId: z.uuid().nullable(),
      name: z.string(),
      organisation: z.string().nullable(),
    }),
  ),
  meetings: z.array(
    z.object({
      id: z.uuid(),
      heldOn: z.string(),
      recorded: z.boolean(),
      youngPersonView: z.string().nullable(),
      decisions: z.string().nullable(),
      attendeeIds: z.array(z.uuid()),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.uuid(),
      meetingId: z.uuid().nullable(),
      description: z.string(),
      responsibleId: z.uuid(),
      responsibleName: z.string(),
      dueOn: z.string(),
      doneOn: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  offers: z.array(
    z.object({
      id: z.uuid(),
      offerId: z.uuid(),
      kind: z.enum(OFFER_KINDS),
      name: z.string(),
      provider: z.string(),
      fromDate: z.string(),
      toDate: z.string().nullable(),
      active: z.boolean(),
    }),
  ),
  canWrite: z.boolean(),
});
