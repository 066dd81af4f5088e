import { describe, expect, it } from 'vitest';
import {
  actionOverdue,
  actionProblems,
  isYoungPerson,
  meetingRecordProblems,
  nextMeeting,
  offerActive,
  offerAgeProblems,
  offerFitsAge,
  participantProblems,
  pastDateProblems,
  planOfferProblems,
} from './rules';

describe('who a transition plan is for (issue 17: young people aged 15–29)', () => {
  it('counts a citizen as a young person from the 15th birthday to the day before the 30th', () => {
    expect(isYoungPerson('2011-06-01', '2026-05-31')).toBe(false);
    expect(isYoungPerson('2011-06-01', '2026-06-01')).toBe(true);
    expect(isYoungPerson('1996-06-01', '2026-05-31')).toBe(true);
    expect(isYoungPerson('1996-06-01', '2026-06-01')).toBe(false);
  });

  it('counts a 29 February birthday as passed on 1 March in a year without one', () => {
    expect(isYoungPerson('2012-02-29', '2027-02-28')).toBe(false);
    expect(isYoungPerson('2012-02-29', '2027-03-01')).toBe(true);
  });
});

describe('the participants of a transition plan (issue 17 §4)', () => {
  const young = { kind: 'young_person' as const };

  it('refuses a plan without the young person as participant, naming the list', () => {
    expect(participantProblems([{ kind: 'family', name: 'Mor' }])).toEqual([
      { field: 'participants', code: 'TRANSITION_YOUNG_PERSON_REQUIRED' },
    ]);
  });

  it('takes the young person once', () => {
    expect(participantProblems([young, young])).toEqual([
      { field: 'participants', code: 'TRANSITION_YOUNG_PERSON_TWICE' },
    ]);
  });

  it('needs a Hjemvej user for the child-area and adult-area caseworkers', () => {
    expect(participantProblems([young, { kind: 'child_caseworker', name: 'Ida' }])).toEqual([
      { field: 'participants.1.userId', code: 'TRANSITION_PARTICIPANT_USER_REQUIRED' },
    ]);
    expect(participantProblems([young, { kind: 'adult_caseworker', userId: 'u1' }])).toEqual([]);
  });

  it('needs a name for family, and a name and an organisation for guidance and external participants', () => {
    expect(
      participantProblems([
        young,
        { kind: 'family', name: ' ' },
        { kind: 'guidance', name: 'Kim', organisation: '' },
        { kind: 'external', name: 'Sara', organisation: 'Lejerbo' },
      ]),
    ).toEqual([
      { field: 'participants.1.name', code: 'TRANSITION_PARTICIPANT_NAME_REQUIRED' },
      { field: 'participants.2.organisation', code: 'TRANSITION_PARTICIPANT_ORGANISATION_REQUIRED' },
    ]);
  });

  it('takes a support worker either as a Hjemvej user or by name', () => {
    expect(participantProblems([young, { kind: 'support_worker', userId: 'u2' }])).toEqual([]);
    expect(participantProblems([young, { kind: 'support_worker', name: 'Ulla' }])).toEqual([]);
  });
});

describe('meetings and their record', () => {
  const today = '2026-12-05';

  it('lets a meeting be planned ahead of today without decisions', () => {
    expect(meetingRecordProblems({ heldOn: '2027-01-10' }, today)).toEqual([]);
  });

  it('refuses decisions for a meeting dated after today', () => {
    expect(
      meetingRecordProblems(
        { heldOn: '2026-12-06', youngPersonView: 'Jeg vil bo selv', decisions: 'Ansøg om ungebolig' },
        today,
      ),
    ).toEqual([{ field: 'heldOn', code: 'TRANSITION_MEETING_IN_FUTURE' }]);
    expect(
      meetingRecordProblems({ heldOn: today, youngPersonView: 'Jeg vil bo selv', decisions: 'x' }, today),
    ).toEqual([]);
  });

  it("records the young person's own view first: decisions without it are refused", () => {
    expect(meetingRecordProblems({ heldOn: today, decisions: 'Ansøg om ungebolig' }, today)).toEqual([
      { field: 'youngPersonView', code: 'TRANSITION_YOUNG_PERSON_VIEW_REQUIRED' },
    ]);
  });

  it('finds the next meeting: the earliest not recorded, today or later', () => {
    const meetings = [
      { id: 'a', heldOn: '2026-11-01', recorded: false },
      { id: 'b', heldOn: '2027-01-10', recorded: false },
      { id: 'c', heldOn: '2026-12-20', recorded: false },
      { id: 'd', heldOn: '2026-12-05', recorded: true },
    ];
    expect(nextMeeting(meetings, today)?.id).toBe('c');
    expect(nextMeeting([], today)).toBeNull();
  });
});

describe('actions: who does what by when', () => {
  it('needs a responsible participant and a due date', () => {
    expect(actionProblems({})).toEqual([
      { field: 'responsibleId', code: 'TRANSITION_ACTION_RESPONSIBLE_REQUIRED' },
      { field: 'dueOn', code: 'TRANSITION_ACTION_DUE_REQUIRED' },
    ]);
    expect(actionProblems({ responsibleId: 'p1', dueOn: '2026-12-24' })).toEqual([]);
    expect(actionProblems({ dueOn: '2026-12-24' }, 'actions.0.')).toEqual([
      { field: 'actions.0.responsibleId', code: 'TRANSITION_ACTION_RESPONSIBLE_REQUIRED' },
    ]);
  });

  it('flags an action overdue the day after its due date, until it is done', () => {
    expect(actionOverdue({ dueOn: '2026-12-01', doneOn: null }, '2026-12-01')).toBe(false);
    expect(actionOverdue({ dueOn: '2026-12-01', doneOn: null }, '2026-12-02')).toBe(true);
    expect(actionOverdue({ dueOn: '2026-12-01', doneOn: '2026-12-03' }, '2026-12-04')).toBe(false);
  });

  it('marks an action done on a day from the plan start to today', () => {
    expect(pastDateProblems('2026-12-06', 'doneOn', '2026-01-01', '2026-12-05')).toEqual([
      { field: 'doneOn', code: 'TRANSITION_DATE_IN_FUTURE' },
    ]);
    expect(pastDateProblems('2025-12-31', 'doneOn', '2026-01-01', '2026-12-05')).toEqual([
      { field: 'doneOn', code: 'TRANSITION_DATE_BEFORE_START' },
    ]);
    expect(pastDateProblems('2026-12-05', 'doneOn', '2026-01-01', '2026-12-05')).toEqual([]);
  });
});

describe('the overview of youth offers ("bedre overblik over tilbuddene")', () => {
  it('refuses an age range whose lowest age is above the highest', () => {
    expect(offerAgeProblems(23, 18)).toEqual([{ field: 'maxAge', code: 'TRANSITION_OFFER_AGE_RANGE' }]);
    expect(offerAgeProblems(18, 23)).toEqual([]);
  });

  it('tells whether an offer fits the young person (CTI for 18–23 in aftercare)', () => {
    const cti = { minAge: 18, maxAge: 23 };
    expect(offerFitsAge(cti, '2009-01-01', '2026-12-05')).toBe(false);
    expect(offerFitsAge(cti, '2008-12-05', '2026-12-05')).toBe(true);
    expect(offerFitsAge(cti, '2002-12-05', '2026-12-05')).toBe(false);
  });

  it('runs an offer the young person has from its start to its end, which is not before the start', () => {
    expect(planOfferProblems('2026-06-01', '2026-05-31')).toEqual([
      { field: 'toDate', code: 'TRANSITION_OFFER_END_BEFORE_START' },
    ]);
    expect(planOfferProblems('2026-06-01', null)).toEqual([]);
    expect(offerActive({ fromDate: '2026-06-01', toDate: null }, '2026-12-05')).toBe(true);
    expect(offerActive({ fromDate: '2026-06-01', toDate: '2026-12-04' }, '2026-12-05')).toBe(false);
    expect(offerActive({ fromDate: '2027-01-01', toDate: null }, '2026-12-05')).toBe(false);
  });
});
