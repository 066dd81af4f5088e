import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ActionInput, TransitionMeeting } from '../../../shared/transitions/api';
import { PARTICIPANT_KINDS, type ParticipantKind } from '../../../shared/transitions/model';
import { offerFitsAge } from '../../../shared/transitions/rules';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { notInFuture, optionalText, readDate } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useConfirmedMutation } from '../../components/use-confirmed-mutation';
import { useForm } from '../../components/use-form';
import { isoToDanishDate, todayIso, todayText } from '../../i18n/format';
import { PageTasks } from '../tasks';
import { Checklist } from './checklist';
import {
  type TransitionPlanDetail,
  useAddMeeting,
  useAddParticipant,
  useAddPlanOffer,
  useClosePlan,
  useEndPlanOffer,
  useMarkActionDone,
  useRecordMeeting,
  useTransitionPlan,
  useTransitionStaff,
  useYouthOffers,
} from './transitions.api';

type OnDone = (notice: Notice) => void;
type Plan = TransitionPlanDetail;

const USER_KINDS: readonly ParticipantKind[] = ['child_caseworker', 'adult_caseworker', 'support_worker'];

/** Who attended and the actions' responsible persons are chosen among the plan's participants. */
function participantOptions(t: (key: string) => string, plan: Plan) {
  return plan.participants.map((p) => ({
    value: p.id,
    label: `${p.name} (${t(`transitions.kinds.${p.kind}`)})`,
  }));
}

/** The action agreed at a meeting (optional): what, who and by when. */
function actionFrom(
  values: { actionDescription: string; actionResponsible: string; actionDue: string },
  problems: FieldError[],
): ActionInput[] {
  const description = optionalText(values.actionDescription);
  if (!description) return [];
  const dueOn = readDate(values.actionDue, 'actions.0.dueOn', problems, true);
  if (!values.actionResponsible) problems.push({ path: 'actions.0.responsibleId', code: 'required' });
  return [{ description, responsibleId: values.actionResponsible || null, dueOn: dueOn ?? null }];
}

const meetingFields = (t: (key: string) => string, prefix: string) => ({
  heldOn: { id: `${prefix}-held`, label: t('transitions.meeting.heldOn') },
  attendeeIds: { id: `${prefix}-attendees`, label: t('transitions.meeting.attendees') },
  youngPersonView: { id: `${prefix}-view`, label: t('transitions.meeting.youngPersonView') },
  decisions: { id: `${prefix}-decisions`, label: t('transitions.meeting.decisions') },
  'actions.0.description': { id: `${prefix}-action`, label: t('transitions.action.description') },
  'actions.0.responsibleId': { id: `${prefix}-responsible`, label: t('transitions.action.responsible') },
  'actions.0.dueOn': { id: `${prefix}-due`, label: t('transitions.action.dueOn') },
});

const meetingErrors = {
  TRANSITION_MEETING_IN_FUTURE: { path: 'heldOn', code: 'future' },
  TRANSITION_YOUNG_PERSON_VIEW_REQUIRED: { path: 'youngPersonView', code: 'required' },
};

/** The meeting's record fields: who attended, the young person's own view first, decisions, an action. */
function RecordFields({ form, plan }: { form: ReturnType<typeof useMeetingForm>; plan: Plan }) {
  const { t } = useTranslation();
  const options = participantOptions(t, plan);
  return (
    <>
      <Checklist {...form.checkboxList('attendeeIds')} options={options} />
      <TextAreaField
        {...form.field('youngPersonView')}
        hint={t('transitions.meeting.youngPersonViewHint')}
        rows={3}
      />
      <TextAreaField {...form.field('decisions')} rows={3} />
      <fieldset>
        <legend className="h4">{t('transitions.meeting.actionLegend')}</legend>
        <TextField {...form.field('actionDescription', { path: 'actions.0.description' })} />
        <SelectField
          {...form.field('actionResponsible', { path: 'actions.0.responsibleId' })}
          placeholder={t('transitions.action.responsiblePlaceholder')}
          options={options}
        />
        <DateField {...form.field('actionDue', { path: 'actions.0.dueOn' })} />
      </fieldset>
    </>
  );
}

function useMeetingForm(prefix: string, formKey: string) {
  const { t } = useTranslation();
  return useForm({
    formKey,
    initial: () => ({
      heldOn: todayText(),
      attendeeIds: [] as string[],
      youngPersonView: '',
      decisions: '',
      actionDescription: '',
      actionResponsible: '',
      actionDue: '',
    }),
    fields: meetingFields(t, prefix),
    serverErrors: meetingErrors,
  });
}

/** A meeting: planned ahead (a date only) or recorded at once, held today or earlier. */
function NewMeetingForm({ plan, onDone }: { plan: Plan; onDone: OnDone }) {
  const { t } = useTranslation();
  const add = useAddMeeting();
  const form = useMeetingForm('meeting-new', 'transitions.meeting');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const problems: FieldError[] = [];
    const { values } = form;
    const heldOn = readDate(values.heldOn, 'heldOn', problems, true);
    const youngPersonView = optionalText(values.youngPersonView);
    const decisions = optionalText(values.decisions);
    const actions = actionFrom(values, problems);
    if (form.failed(problems) || !heldOn) return;
    settle(
      add,
      {
        planId: plan.id,
        heldOn,
        attendeeIds: values.attendeeIds,
        ...(youngPersonView ? { youngPersonView } : {}),
        ...(decisions ? { decisions } : {}),
        actions,
      },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({
            kind: 'success',
            key:
              youngPersonView || decisions ? 'transitions.meeting.recorded' : 'transitions.meeting.planned',
          });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('transitions.meeting.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('heldOn')} hint={t('transitions.meeting.heldOnHint')} />
        <RecordFields form={form} plan={plan} />
        <button type="submit" className="button button-primary">
          {t('transitions.meeting.submit')}
        </button>
        {add.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** The record of a planned meeting, once it has been held. */
function RecordMeetingForm({
  plan,
  meeting,
  onDone,
}: {
  plan: Plan;
  meeting: TransitionMeeting;
  onDone: OnDone;
}) {
  const { t } = useTranslation();
  const record = useRecordMeeting();
  const form = useMeetingForm(`meeting-${meeting.id}`, 'transitions.meeting');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    const problems: FieldError[] = [];
    const { values } = form;
    const youngPersonView = optionalText(values.youngPersonView);
    if (!youngPersonView) problems.push({ path: 'youngPersonView', code: 'required' });
    const decisions = optionalText(values.decisions);
    const actions = actionFrom(values, problems);
    if (form.failed(problems) || !youngPersonView) return;
    settle(
      record,
      {
        meetingId: meeting.id,
        attendeeIds: values.attendeeIds,
        youngPersonView,
        ...(decisions ? { decisions } : {}),
        actions,
      },
      {
        onSuccess: () => {
          form.clear();
          onDone({ kind: 'success', key: 'transitions.meeting.recorded' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('transitions.meeting.recordSummary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <RecordFields form={form} plan={plan} />
        <button type="submit" className="button button-primary">
          {t('transitions.meeting.recordSubmit')}
        </button>
      </form>
    </FormDetails>
  );
}

function Meetings({ plan, onDone }: { plan: Plan; onDone: OnDone }) {
  const { t } = useTranslation();
  const names = new Map(plan.participants.map((p) => [p.id, p.name]));
  const today = todayIso();
  if (plan.meetings.length === 0) return <p>{t('transitions.meeting.none')}</p>;
  return (
    <>
      {plan.meetings.map((m) => {
        const actions = plan.actions.filter((a) => a.meetingId === m.id);
        return (
          <article key={m.id} className="transition-meeting">
            <h3>
              {t(m.recorded ? 'transitions.meeting.heldHeading' : 'transitions.meeting.plannedHeading')}{' '}
              <DateText value={m.heldOn} />
            </h3>
            {m.recorded ? (
              <dl>
                <dt>{t('transitions.meeting.youngPersonView')}</dt>
                <dd>{m.youngPersonView}</dd>
                <dt>{t('transitions.meeting.decisions')}</dt>
                <dd>{m.decisions ?? <NoValue />}</dd>
                <dt>{t('transitions.meeting.attendees')}</dt>
                <dd>
                  {m.attendeeIds.length > 0 ? (
                    m.attendeeIds.map((id) => names.get(id) ?? '').join(', ')
                  ) : (
                    <NoValue />
                  )}
                </dd>
                {actions.length > 0 ? (
                  <>
                    <dt>{t('transitions.meeting.actions')}</dt>
                    <dd>{actions.map((a) => `${a.description} (${a.responsibleName})`).join('; ')}</dd>
                  </>
                ) : null}
              </dl>
            ) : plan.canWrite && m.heldOn <= today ? (
              <RecordMeetingForm plan={plan} meeting={m} onDone={onDone} />
            ) : (
              <p>{t('transitions.meeting.notYet')}</p>
            )}
          </article>
        );
      })}
    </>
  );
}

function ActionsTable({ plan, onDone }: { plan: Plan; onDone: OnDone }) {
  const { t } = useTranslation();
  const done = useMarkActionDone();
  const caption = t('transitions.action.caption');
  if (plan.actions.length === 0) return <p>{t('transitions.action.none')}</p>;
  return (
    <TableScroll label={caption}>
      <table className="table table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transitions.action.description')}</th>
            <th scope="col">{t('transitions.action.responsible')}</th>
            <th scope="col">{t('transitions.action.dueOn')}</th>
            <th scope="col">{t('transitions.action.state')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.actions.map((a) => (
            <tr key={a.id}>
              <td>{a.description}</td>
              <td>{a.responsibleName}</td>
              <td>
                <DateText value={a.dueOn} />
              </td>
              <td>
                {a.doneOn ? (
                  <>
                    {t('transitions.action.done')} <DateText value={a.doneOn} />
                  </>
                ) : (
                  <>
                    {a.overdue ? (
                      <span className="text-error">{t('transitions.action.overdue')}</span>
                    ) : (
                      t('transitions.action.open')
                    )}
                    {plan.canWrite ? (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="button button-unstyled"
                          disabled={done.isPending}
                          onClick={() =>
                            settle(
                              done,
                              { actionId: a.id, doneOn: todayIso() },
                              {
                                onSuccess: () =>
                                  onDone({
                                    kind: 'success',
                                    key: 'transitions.action.markedDone',
                                    params: { action: a.description },
                                  }),
                                onError: (error) => onDone({ kind: 'error', error }),
                              },
                            )
                          }
                        >
                          {t('transitions.action.markDone', { action: a.description })}
                        </button>
                      </>
                    ) : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Another participant: a Hjemvej user (caseworker, support worker) or a named person with an organisation. */
function AddParticipantForm({ plan, onDone }: { plan: Plan; onDone: OnDone }) {
  const { t } = useTranslation();
  const add = useAddParticipant();
  const staff = useTransitionStaff();
  const form = useForm({
    formKey: 'transitions.participant',
    initial: () => ({ kind: '', userId: '', name: '', organisation: '' }),
    fields: {
      kind: { id: 'participant-kind', label: t('transitions.participant.kind') },
      userId: { id: 'participant-user', label: t('transitions.participant.user') },
      name: { id: 'participant-name', label: t('transitions.participant.name') },
      organisation: { id: 'participant-organisation', label: t('transitions.participant.organisation') },
    },
  });
  const { values } = form;
  const kind = PARTICIPANT_KINDS.find((k) => k === values.kind && k !== 'young_person');
  const userKind = kind !== undefined && USER_KINDS.includes(kind);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const problems: FieldError[] = [];
    if (!kind) problems.push({ path: 'kind', code: 'required' });
    if (form.failed(problems) || !kind) return;
    const name = optionalText(values.name);
    const organisation = optionalText(values.organisation);
    settle(
      add,
      {
        planId: plan.id,
        kind,
        ...(userKind && values.userId ? { userId: values.userId } : {}),
        ...(name && !(userKind && values.userId) ? { name } : {}),
        ...(organisation ? { organisation } : {}),
      },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'transitions.participant.done' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('transitions.participant.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('kind')}
          placeholder={t('transitions.participant.kindPlaceholder')}
          options={PARTICIPANT_KINDS.filter((k) => k !== 'young_person').map((k) => ({
            value: k,
            label: t(`transitions.kinds.${k}`),
          }))}
        />
        {userKind ? (
          <SelectField
            {...form.field('userId')}
            placeholder={t('transitions.fields.nobody')}
            options={(staff.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            hint={t('transitions.participant.userHint')}
          />
        ) : null}
        <TextField {...form.field('name')} />
        <TextField {...form.field('organisation')} hint={t('transitions.fields.guidanceHint')} />
        <button type="submit" className="button button-primary">
          {t('transitions.participant.submit')}
        </button>
      </form>
    </FormDetails>
  );
}

/** An offer of the catalogue the young person gets, from a date. */
function AddOfferForm({ plan, onDone }: { plan: Plan; onDone: OnDone }) {
  const { t } = useTranslation();
  const add = useAddPlanOffer();
  const offers = useYouthOffers();
  const form = useForm({
    formKey: 'transitions.offers',
    initial: () => ({ offerId: '', fromDate: todayText(), toDate: '' }),
    fields: {
      offerId: { id: 'plan-offer', label: t('transitions.offers.offer') },
      fromDate: { id: 'plan-offer-from', label: t('transitions.offers.fromDate') },
      toDate: { id: 'plan-offer-to', label: t('transitions.offers.toDate') },
    },
    serverErrors: { TRANSITION_OFFER_END_BEFORE_START: { path: 'toDate', code: 'before_start' } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const problems: FieldError[] = [];
    if (!form.values.offerId) problems.push({ path: 'offerId', code: 'required' });
    const fromDate = readDate(form.values.fromDate, 'fromDate', problems, true);
    const toDate = readDate(form.values.toDate, 'toDate', problems);
    if (fromDate && toDate && toDate < fromDate) problems.push({ path: 'toDate', code: 'before_start' });
    if (form.failed(problems) || !fromDate) return;
    settle(
      add,
      { planId: plan.id, offerId: form.values.offerId, fromDate, ...(toDate ? { toDate } : {}) },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'transitions.offers.done' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('transitions.offers.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('offerId')}
          placeholder={t('transitions.offers.offerPlaceholder')}
          options={[...(offers.data ?? [])]
            // The offers for the young person's age first; the others are marked.
            .map((o) => ({ o, fits: offerFitsAge(o, plan.birthDate, todayIso()) }))
            .sort((a, b) => Number(b.fits) - Number(a.fits))
            .map(({ o, fits }) => ({
              value: o.id,
              label: `${o.name} – ${o.provider} (${t('transitions.offers.ages', { min: o.minAge, max: o.maxAge })})${fits ? '' : ` – ${t('transitions.offers.outsideAge')}`}`,
            }))}
        />
        <DateField {...form.field('fromDate')} />
        <DateField {...form.field('toDate')} hint={t('transitions.offers.toDateHint')} />
        <button type="submit" className="button button-primary">
          {t('transitions.offers.submit')}
        </button>
      </form>
    </FormDetails>
  );
}

/** The end of an offer the young person has (one still running). */
function EndOfferForm({ plan, onDone }: { plan: Plan; onDone: OnDone }) {
  const { t } = useTranslation();
  const end = useEndPlanOffer();
  const running = plan.offers.filter((o) => o.toDate === null);
  const form = useForm({
    formKey: 'transitions.offers',
    initial: () => ({ planOfferId: '', toDate: todayText() }),
    fields: {
      planOfferId: { id: 'plan-offer-end', label: t('transitions.offers.endOffer') },
      toDate: { id: 'plan-offer-end-date', label: t('transitions.offers.endDate') },
    },
    serverErrors: {
      TRANSITION_OFFER_END_BEFORE_START: { path: 'toDate', code: 'before_start' },
      TRANSITION_OFFER_ENDED: { path: 'planOfferId', code: 'ended' },
    },
  });
  if (running.length === 0) return null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (end.isPending) return;
    const problems: FieldError[] = [];
    const chosen = running.find((o) => o.id === form.values.planOfferId);
    if (!chosen) problems.push({ path: 'planOfferId', code: 'required' });
    const toDate = readDate(form.values.toDate, 'toDate', problems, true);
    if (chosen && toDate && toDate < chosen.fromDate) problems.push({ path: 'toDate', code: 'before_start' });
    if (form.failed(problems) || !chosen || !toDate) return;
    settle(
      end,
      { planOfferId: chosen.id, toDate },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'transitions.offers.ended' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('transitions.offers.endSummary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('planOfferId')}
          placeholder={t('transitions.offers.endPlaceholder')}
          options={running.map((o) => ({
            value: o.id,
            label: `${o.name} – ${o.provider} (${t('transitions.offers.fromDate')} ${isoToDanishDate(o.fromDate)})`,
          }))}
        />
        <DateField {...form.field('toDate')} />
        <button type="submit" className="button button-secondary">
          {t('transitions.offers.endSubmit')}
        </button>
        {end.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** Closing the plan: a date, then a confirmation (nothing can be added after). */
function ClosePlanForm({ plan, onDone }: { plan: Plan; onDone: OnDone }) {
  const { t } = useTranslation();
  const close = useClosePlan();
  const form = useForm({
    formKey: 'transitions.close',
    initial: () => ({ closedOn: todayText() }),
    fields: { closedOn: { id: 'transition-close-on', label: t('transitions.close.closedOn') } },
    serverErrors: {
      TRANSITION_DATE_BEFORE_START: { path: 'closedOn', code: 'before_start' },
      TRANSITION_DATE_IN_FUTURE: { path: 'closedOn', code: 'future_date' },
    },
  });
  const confirm = useConfirmedMutation(close, {
    onSuccess: () => {
      form.clear();
      onDone({ kind: 'success', key: 'transitions.close.done' });
    },
    onError: form.reportError,
  });
  const openActions = plan.actions.filter((a) => !a.doneOn).length;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const closedOn = readDate(form.values.closedOn, 'closedOn', problems, true);
    notInFuture(closedOn, 'closedOn', problems);
    if (closedOn && closedOn < plan.startedOn) problems.push({ path: 'closedOn', code: 'before_start' });
    if (form.failed(problems) || !closedOn) return;
    confirm.ask({ planId: plan.id, closedOn });
  };
  return (
    <FormDetails summary={t('transitions.close.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('closedOn')} />
        <button type="submit" className="button button-secondary">
          {t('transitions.close.submit')}
        </button>
      </form>
      <ConfirmDialog
        {...confirm.dialog}
        heading={t('transitions.close.confirmHeading')}
        confirmLabel={t('transitions.close.confirm')}
        cancelLabel={t('common.cancel')}
      >
        <p>
          {t('transitions.close.confirmText', {
            date: confirm.pending ? isoToDanishDate(confirm.pending.closedOn) : '',
          })}
        </p>
        {openActions > 0 ? <p>{t('transitions.close.openActions', { count: openActions })}</p> : null}
      </ConfirmDialog>
    </FormDetails>
  );
}

function PlanView({ plan, onDone }: { plan: Plan; onDone: OnDone }) {
  const { t } = useTranslation();
  const participantsCaption = t('transitions.participant.caption');
  const offersCaption = t('transitions.offers.caption');
  return (
    <>
      <Section id="transition-wishes" heading={t('transitions.plan.wishesHeading')}>
        <blockquote className="transition-wishes">
          <p>{plan.wishes}</p>
        </blockquote>
        <h3>{t('transitions.fields.goals')}</h3>
        <p>{plan.goals ?? <NoValue />}</p>
        <p>
          {t('transitions.plan.facts', { age: plan.age })} <DateText value={plan.startedOn} />
          {plan.closedOn ? (
            <>
              {' '}
              {t('transitions.plan.closedOn')} <DateText value={plan.closedOn} />
            </>
          ) : null}
        </p>
      </Section>
      <Section id="transition-participants" heading={t('transitions.participant.heading')}>
        <TableScroll label={participantsCaption}>
          <table className="table table--compact">
            <caption className="sr-only">{participantsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('transitions.participant.kind')}</th>
                <th scope="col">{t('transitions.participant.name')}</th>
                <th scope="col">{t('transitions.participant.organisation')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.participants.map((p) => (
                <tr key={p.id}>
                  <td>{t(`transitions.kinds.${p.kind}`)}</td>
                  <td>{p.name}</td>
                  <td>{p.organisation ?? <NoValue />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {plan.canWrite ? <AddParticipantForm plan={plan} onDone={onDone} /> : null}
      </Section>
      <Section id="transition-meetings" heading={t('transitions.meeting.heading')}>
        {plan.canWrite ? <NewMeetingForm plan={plan} onDone={onDone} /> : null}
        <Meetings plan={plan} onDone={onDone} />
      </Section>
      <Section id="transition-actions" heading={t('transitions.action.heading')}>
        <ActionsTable plan={plan} onDone={onDone} />
      </Section>
      <Section id="transition-offers" heading={t('transitions.offers.heading')}>
        {plan.offers.length === 0 ? (
          <p>{t('transitions.offers.none')}</p>
        ) : (
          <TableScroll label={offersCaption}>
            <table className="table table--compact">
              <caption className="sr-only">{offersCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('transitions.offers.offer')}</th>
                  <th scope="col">{t('transitions.offers.provider')}</th>
                  <th scope="col">{t('transitions.offers.fromDate')}</th>
                  <th scope="col">{t('transitions.offers.toDate')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.offers.map((o) => (
                  <tr key={o.id}>
                    <td>{o.name}</td>
                    <td>{o.provider}</td>
                    <td>
                      <DateText value={o.fromDate} />
                    </td>
                    <td>{o.toDate ? <DateText value={o.toDate} /> : <NoValue />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {plan.canWrite ? (
          <>
            <AddOfferForm plan={plan} onDone={onDone} />
            <EndOfferForm plan={plan} onDone={onDone} />
          </>
        ) : null}
        <p>
          <Link to="/ungetilbud">{t('transitions.list.offersLink')}</Link>
        </p>
      </Section>
      {plan.closedOn ? (
        <p>{t('transitions.close.closedNote')}</p>
      ) : plan.canWrite ? (
        <Section id="transition-close" heading={t('transitions.close.heading')}>
          <ClosePlanForm plan={plan} onDone={onDone} />
        </Section>
      ) : null}
    </>
  );
}

/** /overgange/:planId: the young person's plan — wishes and dreams first, participants, meetings, actions, offers. */
export function TransitionPlanPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const query = useTransitionPlan(planId);
  const [notice, setNotice] = useState<Notice | null>(null);
  const name = query.data?.citizenName ?? t('transitions.unnamed');
  return (
    <Page title={query.data ? t('transitions.plan.title', { name }) : t('transitions.plan.titleLoading')}>
      <p>
        <Link to="/overgange">{t('transitions.plan.back')}</Link>
      </p>
      <NoticeArea notice={notice} headingLevel={2} />
      <PageTasks />
      <QueryState query={query} loadingText={t('transitions.loading')}>
        {(plan) => <PlanView plan={plan} onDone={setNotice} />}
      </QueryState>
    </Page>
  );
}
