/** Closing an eviction case: the § 5 a decision not to help, and the outcome. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AVERTED, OUTCOMES, type Outcome } from '../../../shared/prevention/model';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import type { Notice } from '../../components/notice-area';
import { RadioGroup } from '../../components/radio-group';
import { notInFuture, optionalText, readDate } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { TextAreaField } from '../../components/text-area-field';
import { useForm } from '../../components/use-form';
import { isoToDanishDate, todayText } from '../../i18n/format';
import { type CaseDetail, useRecordDecision, useRecordOutcome } from './prevention.api';

type OnDone = (notice: Notice) => void;

export function DecisionSection({ detail, onDone }: { detail: CaseDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const decide = useRecordDecision(detail.id);
  const form = useForm({
    formKey: 'evictionCase.decision',
    initial: () => ({ decidedOn: todayText(), reason: '' }),
    fields: {
      decidedOn: { id: 'decision-on', label: t('evictionCase.decision.decidedOn') },
      reason: { id: 'decision-reason', label: t('evictionCase.decision.reason') },
    },
  });
  const { values } = form;
  const duty = detail.duties.find((d) => d.kind === 'decide_no_help');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (decide.isPending) return;
    const problems: FieldError[] = [];
    const decidedOn = readDate(values.decidedOn, 'decidedOn', problems, true);
    notInFuture(decidedOn, 'decidedOn', problems);
    const reason = optionalText(values.reason);
    if (!reason) problems.push({ path: 'reason', code: 'required' });
    if (form.failed(problems) || decidedOn === undefined || !reason) return;
    settle(
      decide,
      { decidedOn, reason },
      {
        onSuccess: () => {
          form.clear();
          onDone({
            kind: 'success',
            key: 'evictionCase.decision.done',
            params: { date: isoToDanishDate(decidedOn) },
          });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <Section id="eviction-case-decision" heading={t('evictionCase.decision.heading')}>
      <p>
        {t('evictionCase.decision.intro', {
          date: duty ? isoToDanishDate(duty.dueOn) : '',
        })}
      </p>
      <FormDetails summary={t('evictionCase.decision.summary')}>
        {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
        <form onSubmit={onSubmit} noValidate>
          <DateField {...form.field('decidedOn')} />
          <TextAreaField {...form.field('reason')} hint={t('evictionCase.decision.reasonHint')} />
          <div className="mt-5">
            <button type="submit" className="button button-primary">
              {t('evictionCase.decision.submit')}
            </button>
          </div>
          {decide.isPending ? <Loading text={t('common.saving')} /> : null}
        </form>
      </FormDetails>
    </Section>
  );
}

// ---- the outcome ----

export function OutcomeSection({ detail, onDone }: { detail: CaseDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const close = useRecordOutcome(detail.id);
  const form = useForm({
    formKey: 'evictionCase.outcome',
    initial: () => ({ outcome: '', outcomeOn: todayText(), note: '' }),
    fields: {
      outcome: { id: 'outcome', label: t('evictionCase.outcome.outcome') },
      outcomeOn: { id: 'outcome-on', label: t('evictionCase.outcome.outcomeOn') },
      note: { id: 'outcome-note', label: t('evictionCase.outcome.note') },
    },
  });
  const { values } = form;
  const [confirm, setConfirm] = useState<{ outcome: Outcome; outcomeOn: string; note: string | null } | null>(
    null,
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (values.outcome === '') problems.push({ path: 'outcome', code: 'required' });
    const outcomeOn = readDate(values.outcomeOn, 'outcomeOn', problems, true);
    notInFuture(outcomeOn, 'outcomeOn', problems);
    if (form.failed(problems) || outcomeOn === undefined) return;
    form.clear();
    setConfirm({ outcome: values.outcome as Outcome, outcomeOn, note: optionalText(values.note) ?? null });
  };

  const onConfirm = () => {
    if (!confirm || close.isPending) return;
    settle(close, confirm, {
      onSuccess: () => {
        setConfirm(null);
        onDone({
          kind: 'success',
          key: 'evictionCase.outcome.done',
          params: { outcome: t(`prevention.outcomes.${confirm.outcome}`) },
        });
      },
      onError: (error) => {
        setConfirm(null);
        form.reportError(error);
      },
    });
  };

  const consequence = (outcome: Outcome, outcomeOn: string) => {
    if (!detail.citizenId) return t('evictionCase.outcome.noCitizen');
    if (AVERTED.includes(outcome)) return t('evictionCase.outcome.housed');
    if (outcome === 'evicted') return t('evictionCase.outcome.unknown', { date: isoToDanishDate(outcomeOn) });
    return t('evictionCase.outcome.moved');
  };

  return (
    <Section id="eviction-case-outcome" heading={t('evictionCase.outcome.heading')}>
      <p>{t('evictionCase.outcome.intro')}</p>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <RadioGroup
          {...form.radio('outcome')}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`prevention.outcomes.${o}`) }))}
        />
        <DateField {...form.field('outcomeOn')} />
        <TextAreaField {...form.field('note')} />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('evictionCase.outcome.submit')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirm !== null}
        heading={t('evictionCase.outcome.confirmHeading')}
        confirmLabel={t('evictionCase.outcome.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={onConfirm}
        onCancel={() => setConfirm(null)}
        busy={close.isPending}
      >
        {confirm ? (
          <>
            <p>
              {t('evictionCase.outcome.confirmText', {
                name: detail.tenantName,
                outcome: t(`prevention.outcomes.${confirm.outcome}`),
                date: isoToDanishDate(confirm.outcomeOn),
              })}
            </p>
            <p>{consequence(confirm.outcome, confirm.outcomeOn)}</p>
          </>
        ) : null}
      </ConfirmDialog>
    </Section>
  );
}
