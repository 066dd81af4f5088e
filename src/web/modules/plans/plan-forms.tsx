/** The forms of a coherent plan: goals, actions, reviews, participation, sharing, alerts. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Department,
  DepositCaseKind,
  DepositOutcome,
  ParticipationWay,
} from '../../../shared/plans/model';
import {
  CLOSE_REASONS,
  DEPARTMENTS,
  DEPOSIT_CASE_KINDS,
  DEPOSIT_OUTCOMES,
  PARTICIPATION_WAYS,
} from '../../../shared/plans/model';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import type { Notice } from '../../components/notice-area';
import { notInFuture, optionalText, readDate } from '../../components/read-field';
import { FormDetails } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useConfirmedMutation } from '../../components/use-confirmed-mutation';
import { useForm } from '../../components/use-form';
import { isoToDanishDate, todayIso, todayText } from '../../i18n/format';
import {
  type PlanDetail,
  useAddAction,
  useAddGoal,
  useAddReview,
  useClosePlan,
  useCompleteAction,
  useCreateDepositCase,
  useDecideDepositCase,
  useHandleDepositCase,
  useHandleSanction,
  useHoldReview,
  useRecordParticipation,
  useSharePlan,
  useStaff,
} from './plans.api';

export type OnDone = (notice: Notice) => void;

export function GoalForm({ plan, onDone }: { plan: PlanDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const add = useAddGoal(plan.id);
  const form = useForm({
    formKey: 'plan.goal',
    initial: { text: '' },
    fields: { text: { id: 'goal-text', label: t('plan.goal.text') } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const text = form.values.text.trim();
    if (form.failed(text ? [] : [{ path: 'text', code: 'required' }])) return;
    settle(add, text, {
      onSuccess: () => {
        form.clear();
        form.reset();
        onDone({ kind: 'success', key: 'plan.goal.done' });
      },
      onError: form.reportError,
    });
  };
  return (
    <FormDetails summary={t('plan.goal.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextAreaField {...form.field('text')} hint={t('plan.goal.hint')} rows={2} />
        <button type="submit" className="button button-primary">
          {t('plan.goal.submit')}
        </button>
        {add.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

export function ActionForm({ plan, onDone }: { plan: PlanDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const add = useAddAction(plan.id);
  const staff = useStaff();
  const form = useForm({
    formKey: 'plan.action',
    initial: () => ({
      department: '',
      description: '',
      ownerUserId: '',
      ownerName: '',
      dueOn: '',
      goalId: '',
    }),
    fields: {
      department: { id: 'action-department', label: t('plan.action.department') },
      description: { id: 'action-description', label: t('plan.action.description') },
      ownerUserId: { id: 'action-owner-user', label: t('plan.action.ownerUserId') },
      ownerName: { id: 'action-owner-name', label: t('plan.action.ownerName') },
      dueOn: { id: 'action-due', label: t('plan.action.dueOn') },
      goalId: { id: 'action-goal', label: t('plan.action.goalId') },
    },
    serverErrors: {
      PLAN_ACTION_OWNER_REQUIRED: { path: 'ownerName', code: 'owner_required' },
      PLAN_ACTION_DUE_REQUIRED: { path: 'dueOn', code: 'required' },
      PLAN_ACTION_DUE_BEFORE_START: { path: 'dueOn', code: 'before_start' },
    },
  });
  const { values } = form;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const problems: FieldError[] = [];
    if (!values.department) problems.push({ path: 'department', code: 'required' });
    if (!values.description.trim()) problems.push({ path: 'description', code: 'required' });
    if (!values.ownerUserId && !values.ownerName.trim())
      problems.push({ path: 'ownerName', code: 'owner_required' });
    const dueOn = readDate(values.dueOn, 'dueOn', problems, true);
    if (dueOn && dueOn < plan.startedOn) problems.push({ path: 'dueOn', code: 'before_start' });
    if (form.failed(problems) || !dueOn) return;
    const department = values.department as Department;
    settle(
      add,
      {
        department,
        description: values.description.trim(),
        ownerUserId: values.ownerUserId || null,
        ownerName: optionalText(values.ownerName) ?? null,
        dueOn,
        goalId: values.goalId || null,
      },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({
            kind: 'success',
            key: 'plan.action.done',
            params: { department: t(`plans.departments.${department}`) },
          });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('plan.action.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('department')}
          placeholder={t('plan.action.departmentPlaceholder')}
          options={DEPARTMENTS.map((d) => ({ value: d, label: t(`plans.departments.${d}`) }))}
        />
        <TextAreaField {...form.field('description')} rows={2} />
        <SelectField
          {...form.field('ownerUserId')}
          hint={t('plan.action.ownerUserHint')}
          placeholder={t('plan.action.ownerUserPlaceholder')}
          options={(staff.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
        />
        <TextField {...form.field('ownerName')} hint={t('plan.action.ownerNameHint')} />
        <DateField {...form.field('dueOn')} />
        {plan.goals.length > 0 ? (
          <SelectField
            {...form.field('goalId')}
            placeholder={t('plan.action.goalPlaceholder')}
            options={plan.goals.map((g) => ({ value: g.id, label: g.text }))}
          />
        ) : null}
        <button type="submit" className="button button-primary">
          {t('plan.action.submit')}
        </button>
        {add.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** "Udført": one open action done today (or the date given). */
export function CompleteActionButton({
  plan,
  actionId,
  label,
  onDone,
}: {
  plan: PlanDetail;
  actionId: string;
  label: string;
  onDone: OnDone;
}) {
  const { t } = useTranslation();
  const complete = useCompleteAction(plan.id);
  const [error, setError] = useState(false);
  const onClick = () => {
    if (complete.isPending) return;
    const doneOn = todayIso();
    settle(
      complete,
      { actionId, doneOn },
      {
        onSuccess: () =>
          onDone({ kind: 'success', key: 'plan.actions.completed', params: { action: label } }),
        onError: () => setError(true),
      },
    );
  };
  return (
    <>
      <button type="button" className="button button-secondary button-small" onClick={onClick}>
        {t('plan.actions.complete')}
        <span className="sr-only">: {label}</span>
      </button>
      {error ? <span className="form-error-message">{t('errors.UNKNOWN')}</span> : null}
    </>
  );
}

export function ReviewForm({ plan, onDone }: { plan: PlanDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const add = useAddReview(plan.id);
  const form = useForm({
    formKey: 'plan.review',
    initial: { reviewOn: '' },
    fields: { reviewOn: { id: 'review-on', label: t('plan.review.reviewOn') } },
    serverErrors: { PLAN_REVIEW_BEFORE_START: { path: 'reviewOn', code: 'before_start' } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const problems: FieldError[] = [];
    const reviewOn = readDate(form.values.reviewOn, 'reviewOn', problems, true);
    if (reviewOn && reviewOn < plan.startedOn) problems.push({ path: 'reviewOn', code: 'before_start' });
    if (form.failed(problems) || !reviewOn) return;
    settle(add, reviewOn, {
      onSuccess: () => {
        form.clear();
        form.reset();
        onDone({ kind: 'success', key: 'plan.review.done', params: { date: isoToDanishDate(reviewOn) } });
      },
      onError: form.reportError,
    });
  };
  return (
    <FormDetails summary={t('plan.review.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('reviewOn')} />
        <button type="submit" className="button button-primary">
          {t('plan.review.submit')}
        </button>
        {add.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

export function HeldForm({
  plan,
  reviewId,
  reviewOn,
  onDone,
}: {
  plan: PlanDetail;
  reviewId: string;
  reviewOn: string;
  onDone: OnDone;
}) {
  const { t } = useTranslation();
  const hold = useHoldReview(plan.id);
  const prefix = `held-${reviewId}`;
  const form = useForm({
    formKey: 'plan.held',
    initial: () => ({ heldOn: todayText(), note: '' }),
    fields: {
      heldOn: { id: `${prefix}-on`, label: t('plan.held.heldOn') },
      note: { id: `${prefix}-note`, label: t('plan.held.note') },
    },
    serverErrors: { PLAN_DATE_BEFORE_START: { path: 'heldOn', code: 'before_start' } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (hold.isPending) return;
    const problems: FieldError[] = [];
    const heldOn = readDate(form.values.heldOn, 'heldOn', problems, true);
    notInFuture(heldOn, 'heldOn', problems);
    if (form.failed(problems) || !heldOn) return;
    settle(
      hold,
      { reviewId, heldOn, note: optionalText(form.values.note) ?? null },
      {
        onSuccess: () => {
          form.clear();
          onDone({ kind: 'success', key: 'plan.held.done' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('plan.held.summary', { date: isoToDanishDate(reviewOn) })}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('heldOn')} />
        <TextAreaField {...form.field('note')} rows={2} />
        <button type="submit" className="button button-primary">
          {t('plan.held.submit')}
        </button>
        {hold.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

export function ParticipationForm({ plan, onDone }: { plan: PlanDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const record = useRecordParticipation(plan.id);
  const form = useForm({
    formKey: 'plan.participation',
    initial: () => ({ participatedOn: todayText(), how: '', note: '' }),
    fields: {
      participatedOn: { id: 'participation-on', label: t('plan.participation.participatedOn') },
      how: { id: 'participation-how', label: t('plan.participation.how') },
      note: { id: 'participation-note', label: t('plan.participation.note') },
    },
    serverErrors: { PLAN_DATE_BEFORE_START: { path: 'participatedOn', code: 'before_start' } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    const problems: FieldError[] = [];
    const participatedOn = readDate(form.values.participatedOn, 'participatedOn', problems, true);
    notInFuture(participatedOn, 'participatedOn', problems);
    if (!form.values.how) problems.push({ path: 'how', code: 'required' });
    if (form.failed(problems) || !participatedOn) return;
    settle(
      record,
      {
        participatedOn,
        how: form.values.how as ParticipationWay,
        note: optionalText(form.values.note) ?? null,
      },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'plan.participation.done' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('plan.participation.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('participatedOn')} />
        <SelectField
          {...form.field('how')}
          placeholder={t('plan.participation.howPlaceholder')}
          options={PARTICIPATION_WAYS.map((w) => ({ value: w, label: t(`plans.participationWays.${w}`) }))}
        />
        <TextAreaField {...form.field('note')} rows={2} />
        <button type="submit" className="button button-primary">
          {t('plan.participation.submit')}
        </button>
        {record.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

export function ShareForm({ plan, onDone }: { plan: PlanDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const share = useSharePlan(plan.id);
  const form = useForm({
    formKey: 'plan.share',
    initial: { department: '' },
    fields: { department: { id: 'share-department', label: t('plan.share.department') } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (share.isPending) return;
    if (form.failed(form.values.department ? [] : [{ path: 'department', code: 'required' }])) return;
    const department = form.values.department as Department;
    settle(share, department, {
      onSuccess: () => {
        form.clear();
        form.reset();
        onDone({
          kind: 'success',
          key: 'plan.share.done',
          params: { department: t(`plans.departments.${department}`) },
        });
      },
      onError: form.reportError,
    });
  };
  return (
    <FormDetails summary={t('plan.share.summary')}>
      <p>{t('plan.share.intro')}</p>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('department')}
          placeholder={t('plan.action.departmentPlaceholder')}
          options={DEPARTMENTS.map((d) => ({ value: d, label: t(`plans.departments.${d}`) }))}
        />
        <button type="submit" className="button button-primary">
          {t('plan.share.submit')}
        </button>
        {share.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** Acknowledge an alert (a sanction or a deposit-loan case) with a note; the task then disappears. */
export function HandleAlertForm({
  kind,
  id,
  label,
  onDone,
}: {
  kind: 'sanction' | 'deposit';
  id: string;
  label: string;
  onDone: OnDone;
}) {
  const { t } = useTranslation();
  const sanction = useHandleSanction();
  const deposit = useHandleDepositCase();
  const mutation = kind === 'sanction' ? sanction : deposit;
  const form = useForm({
    formKey: 'plan.handle',
    initial: { note: '' },
    fields: { note: { id: `handle-${id}`, label: t('plan.handle.note') } },
    serverErrors: { ALERT_NOTE_REQUIRED: { path: 'note', code: 'required' } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const note = form.values.note.trim();
    if (form.failed(note ? [] : [{ path: 'note', code: 'required' }])) return;
    settle(
      mutation,
      { id, note },
      {
        onSuccess: () => {
          form.clear();
          onDone({ kind: 'success', key: 'plan.handle.done' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('plan.handle.summary', { alert: label })}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextAreaField {...form.field('note')} rows={2} />
        <button type="submit" className="button button-primary">
          {t('plan.handle.submit')}
        </button>
        {mutation.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

export function DepositCaseForm({ citizenId, onDone }: { citizenId: string; onDone: OnDone }) {
  const { t } = useTranslation();
  const create = useCreateDepositCase();
  const form = useForm({
    formKey: 'plan.deposit',
    initial: () => ({ kind: '', openedOn: todayText() }),
    fields: {
      kind: { id: 'deposit-kind', label: t('plan.deposit.kind') },
      openedOn: { id: 'deposit-opened', label: t('plan.deposit.openedOn') },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const problems: FieldError[] = [];
    if (!form.values.kind) problems.push({ path: 'kind', code: 'required' });
    const openedOn = readDate(form.values.openedOn, 'openedOn', problems, true);
    notInFuture(openedOn, 'openedOn', problems);
    if (form.failed(problems) || !openedOn) return;
    settle(
      create,
      { citizenId, kind: form.values.kind as DepositCaseKind, openedOn },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'plan.deposit.done' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('plan.deposit.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('kind')}
          placeholder={t('plan.deposit.kindPlaceholder')}
          options={DEPOSIT_CASE_KINDS.map((k) => ({ value: k, label: t(`plans.depositKinds.${k}`) }))}
        />
        <DateField {...form.field('openedOn')} />
        <button type="submit" className="button button-primary">
          {t('plan.deposit.submit')}
        </button>
        {create.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

export function DecisionForm({
  id,
  openedOn,
  label,
  onDone,
}: {
  id: string;
  openedOn: string;
  label: string;
  onDone: OnDone;
}) {
  const { t } = useTranslation();
  const decide = useDecideDepositCase();
  const form = useForm({
    formKey: 'plan.decision',
    initial: () => ({ decidedOn: todayText(), outcome: '' }),
    fields: {
      decidedOn: { id: `decision-${id}-on`, label: t('plan.decision.decidedOn') },
      outcome: { id: `decision-${id}-outcome`, label: t('plan.decision.outcome') },
    },
    serverErrors: { DEPOSIT_DECISION_BEFORE_OPENED: { path: 'decidedOn', code: 'before_opened' } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (decide.isPending) return;
    const problems: FieldError[] = [];
    const decidedOn = readDate(form.values.decidedOn, 'decidedOn', problems, true);
    notInFuture(decidedOn, 'decidedOn', problems);
    if (decidedOn && decidedOn < openedOn) problems.push({ path: 'decidedOn', code: 'before_opened' });
    if (!form.values.outcome) problems.push({ path: 'outcome', code: 'required' });
    if (form.failed(problems) || !decidedOn) return;
    settle(
      decide,
      { id, decidedOn, outcome: form.values.outcome as DepositOutcome },
      {
        onSuccess: () => {
          form.clear();
          onDone({ kind: 'success', key: 'plan.decision.done' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('plan.decision.summary', { case: label })}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('decidedOn')} />
        <SelectField
          {...form.field('outcome')}
          placeholder={t('plan.decision.outcomePlaceholder')}
          options={DEPOSIT_OUTCOMES.map((o) => ({ value: o, label: t(`plans.depositOutcomes.${o}`) }))}
        />
        <button type="submit" className="button button-primary">
          {t('plan.decision.submit')}
        </button>
        {decide.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/**
 * Closes the plan with the date and reason, after a confirmation that says how many actions are
 * still open (they stay in the plan and leave their owners' tasks).
 */
export function ClosePlanForm({ plan, onDone }: { plan: PlanDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const close = useClosePlan(plan.id);
  const form = useForm({
    formKey: 'plan.close',
    initial: () => ({ closedOn: todayText(), reason: '', note: '' }),
    fields: {
      closedOn: { id: 'plan-close-on', label: t('plan.close.closedOn') },
      reason: { id: 'plan-close-reason', label: t('plan.close.reason') },
      note: { id: 'plan-close-note', label: t('plan.close.note') },
    },
    serverErrors: {
      PLAN_DATE_BEFORE_START: { path: 'closedOn', code: 'before_start' },
      PLAN_DATE_IN_FUTURE: { path: 'closedOn', code: 'future_date' },
      PLAN_CLOSE_NOTE_REQUIRED: { path: 'note', code: 'required' },
    },
  });
  const confirm = useConfirmedMutation(close, {
    onSuccess: () => {
      form.clear();
      onDone({ kind: 'success', key: 'plan.close.done' });
    },
    onError: form.reportError,
  });
  const confirming = confirm.pending;
  const openActions = plan.actions.filter((a) => !a.doneOn).length;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const closedOn = readDate(form.values.closedOn, 'closedOn', problems, true);
    notInFuture(closedOn, 'closedOn', problems);
    if (closedOn && closedOn < plan.startedOn) problems.push({ path: 'closedOn', code: 'before_start' });
    const reason = CLOSE_REASONS.find((r) => r === form.values.reason);
    if (!reason) problems.push({ path: 'reason', code: 'required' });
    const note = optionalText(form.values.note) ?? null;
    if (reason === 'other' && !note) problems.push({ path: 'note', code: 'required' });
    if (form.failed(problems) || !closedOn || !reason) return;
    confirm.ask({ closedOn, reason, note });
  };
  return (
    <FormDetails summary={t('plan.close.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('closedOn')} />
        <SelectField
          {...form.field('reason')}
          placeholder={t('plan.close.reasonPlaceholder')}
          options={CLOSE_REASONS.map((r) => ({ value: r, label: t(`plans.closeReasons.${r}`) }))}
        />
        <TextAreaField {...form.field('note')} hint={t('plan.close.noteHint')} rows={2} />
        <button type="submit" className="button button-secondary">
          {t('plan.close.submit')}
        </button>
      </form>
      <ConfirmDialog
        {...confirm.dialog}
        heading={t('plan.close.confirmHeading')}
        confirmLabel={t('plan.close.confirm')}
        cancelLabel={t('common.cancel')}
      >
        <p>
          {t('plan.close.confirmText', {
            date: confirming ? isoToDanishDate(confirming.closedOn) : '',
            reason: confirming ? t(`plans.closeReasons.${confirming.reason}`) : '',
          })}
        </p>
        {openActions > 0 ? <p>{t('plan.close.openActions', { count: openActions })}</p> : null}
      </ConfirmDialog>
    </FormDetails>
  );
}
