/** The steps a caseworker or allocation officer takes on an application, each a form that opens on demand. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail, AssessmentInput } from '../../../shared/allocation/api';
import {
  type ApplicationAction,
  ASSESSMENT_ACTIONS,
  type AssessmentAction,
  PRIORITIES,
  type Priority,
} from '../../../shared/allocation/model';
import type { FieldError } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { RadioGroup } from '../../components/radio-group';
import { readDate } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { TextAreaField } from '../../components/text-area-field';
import { useForm } from '../../components/use-form';
import { todayIso } from '../../i18n/format';
import { readableError } from './application-format';
import { useAllocationSettings, useAssess, useResubmit, useWithdraw } from './applications.api';

/** The actions this page offers as forms; 'house' happens through the move-in, not here. */
const PAGE_ACTIONS: readonly ApplicationAction[] = [
  'approve',
  'request_info',
  'resubmit',
  'reject',
  'pause',
  'resume',
  'remove',
  'withdraw',
];
/** Actions that end the application for good ask first. */
const CONFIRMED: readonly ApplicationAction[] = ['remove', 'withdraw'];

const isAssessment = (action: ApplicationAction): action is AssessmentAction =>
  (ASSESSMENT_ACTIONS as readonly string[]).includes(action);

function ActionForm({
  application,
  action,
  onDone,
}: {
  application: ApplicationDetail;
  action: ApplicationAction;
  onDone: (action: ApplicationAction) => void;
}) {
  const { t } = useTranslation();
  const assess = useAssess(application.id);
  const resubmit = useResubmit(application.id);
  const withdraw = useWithdraw(application.id);
  const settings = useAllocationSettings();
  const [confirming, setConfirming] = useState(false);
  const busy = assess.isPending || resubmit.isPending || withdraw.isPending;
  const prefix = `application-${action.replace('_', '-')}`;
  const form = useForm({
    formKey: `applications.actions.${action}`,
    initial: { priority: '', reason: '', pausedUntil: '' },
    fields: {
      priority: { id: `${prefix}-priority`, label: t('applications.actions.priority') },
      reason: { id: `${prefix}-reason`, label: t(`applications.actions.${action}.reason`) },
      pausedUntil: { id: `${prefix}-until`, label: t('applications.actions.pause.until') },
    },
  });
  const { priority, reason } = form.values;

  const read = (): { problems: FieldError[]; pausedUntil?: string } => {
    const problems: FieldError[] = [];
    if (action === 'approve' && priority === '')
      problems.push({ path: 'priority', code: 'priority_required' });
    if (reason.trim() === '') problems.push({ path: 'reason', code: 'reason_required' });
    const pausedUntil =
      action === 'pause' ? readDate(form.values.pausedUntil, 'pausedUntil', problems) : undefined;
    if (pausedUntil !== undefined && pausedUntil <= todayIso())
      problems.push({ path: 'pausedUntil', code: 'future_date_required' });
    return { problems, ...(pausedUntil ? { pausedUntil } : {}) };
  };

  const send = (pausedUntil?: string) => {
    const text = reason.trim();
    let request: Promise<unknown>;
    if (action === 'resubmit') request = resubmit.mutateAsync(text);
    else if (action === 'withdraw') request = withdraw.mutateAsync(text);
    else if (isAssessment(action)) {
      const input: AssessmentInput = { action, reason: text };
      if (action === 'approve') input.priority = priority as Priority;
      if (pausedUntil) input.pausedUntil = pausedUntil;
      request = assess.mutateAsync(input);
    } else return;
    // The promise, not the mutate callbacks: a done action leaves the allowed ones, so this form
    // unmounts as the page refreshes, and the page must still hear that it is done.
    request.then(
      () => {
        form.clear();
        setConfirming(false);
        onDone(action);
      },
      (error: unknown) => {
        setConfirming(false);
        form.reportError(readableError(t, error));
      },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const { problems, pausedUntil } = read();
    if (form.failed(problems)) return;
    form.clear();
    if (CONFIRMED.includes(action)) setConfirming(true);
    else send(pausedUntil);
  };

  return (
    <FormDetails summary={t(`allocation.actions.${action}`)}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <p>{t(`applications.actions.${action}.intro`)}</p>
        {action === 'approve' ? (
          <RadioGroup
            {...form.radio('priority')}
            hint={t('applications.actions.priorityHint')}
            options={PRIORITIES.map((p) => ({ value: p, label: t(`allocation.priorities.${p}`) }))}
          />
        ) : null}
        <TextAreaField {...form.field('reason')} hint={t(`applications.actions.${action}.reasonHint`)} />
        {action === 'pause' ? (
          <DateField
            {...form.field('pausedUntil')}
            hint={
              settings.data
                ? t('applications.actions.pause.untilHint', { days: settings.data.pauseDays })
                : t('applications.actions.pause.untilHintNoDays')
            }
          />
        ) : null}
        <div className="mt-5">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t(`applications.actions.${action}.submit`)}
          </button>
        </div>
        {busy ? <Loading text={t('common.saving')} /> : null}
      </form>
      {CONFIRMED.includes(action) ? (
        <ConfirmDialog
          open={confirming}
          heading={t(`applications.actions.${action}.confirmHeading`, { name: application.citizenName })}
          confirmLabel={t(`applications.actions.${action}.confirm`)}
          cancelLabel={t('common.cancel')}
          onConfirm={() => send()}
          onCancel={() => setConfirming(false)}
          busy={busy}
        >
          <p>{t(`applications.actions.${action}.confirmText`)}</p>
        </ConfirmDialog>
      ) : null}
    </FormDetails>
  );
}

export function ActionsSection({
  application,
  onDone,
}: {
  application: ApplicationDetail;
  onDone: (action: ApplicationAction) => void;
}) {
  const { t } = useTranslation();
  const actions = PAGE_ACTIONS.filter((a) => application.allowedActions.includes(a));
  if (actions.length === 0) return null;
  return (
    <Section id="application-actions" heading={t('applications.detail.actionsHeading')}>
      <p>{t('applications.detail.actionsIntro')}</p>
      {actions.map((action) => (
        <ActionForm key={action} application={application} action={action} onDone={onDone} />
      ))}
    </Section>
  );
}
