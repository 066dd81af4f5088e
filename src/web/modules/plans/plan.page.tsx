import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { readDate } from '../../components/read-field';
import { Facts, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { useForm } from '../../components/use-form';
import { isoToDanishDate, todayText } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { PageTasks } from '../tasks';
import {
  ActionForm,
  ClosePlanForm,
  CompleteActionButton,
  DecisionForm,
  DepositCaseForm,
  GoalForm,
  HandleAlertForm,
  HeldForm,
  type OnDone,
  ParticipationForm,
  ReviewForm,
  ShareForm,
} from './plan-forms';
import { type PlanDetail, useCitizenPlan, useCreatePlan, useStaff } from './plans.api';

function CreatePlanForm({ citizenId, onDone }: { citizenId: string; onDone: OnDone }) {
  const { t } = useTranslation();
  const session = useSession();
  const staff = useStaff();
  const create = useCreatePlan();
  const form = useForm({
    formKey: 'plan.create',
    initial: () => ({ coordinatorId: session.data?.user?.id ?? '', startedOn: todayText(), goals: '' }),
    fields: {
      coordinatorId: { id: 'plan-coordinator', label: t('plan.create.coordinator') },
      startedOn: { id: 'plan-started', label: t('plan.create.startedOn') },
      goals: { id: 'plan-goals', label: t('plan.create.goals') },
    },
    serverErrors: {
      PLAN_COORDINATOR_UNKNOWN: { path: 'coordinatorId', code: 'unknown' },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const problems: FieldError[] = [];
    if (!form.values.coordinatorId) problems.push({ path: 'coordinatorId', code: 'required' });
    const startedOn = readDate(form.values.startedOn, 'startedOn', problems, true);
    if (form.failed(problems) || !startedOn) return;
    const goals = form.values.goals
      .split('\n')
      .map((g) => g.trim())
      .filter(Boolean);
    settle(
      create,
      { citizenId, coordinatorId: form.values.coordinatorId, startedOn, goals },
      {
        onSuccess: () => {
          form.clear();
          onDone({ kind: 'success', key: 'plan.create.done' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <Section id="plan-create" heading={t('plan.create.heading')}>
      <p>{t('plan.create.intro')}</p>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('coordinatorId')}
          placeholder={t('plan.create.coordinatorPlaceholder')}
          options={(staff.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
        />
        <DateField {...form.field('startedOn')} />
        <TextAreaField {...form.field('goals')} hint={t('plan.create.goalsHint')} rows={3} />
        <button type="submit" className="button button-primary">
          {t('plan.create.submit')}
        </button>
        {create.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </Section>
  );
}

function AlertsSection({
  plan,
  canHandle,
  onDone,
}: {
  plan: PlanDetail;
  canHandle: boolean;
  onDone: OnDone;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const alertsRole = hasPermission(session.data?.user, 'plans.alerts');
  const openSanctions = plan.sanctions.filter((s) => !s.handledOn);
  const cases = plan.depositCases;
  return (
    <Section id="plan-alerts" heading={t('plan.alerts.heading')}>
      {openSanctions.length === 0 && cases.every((c) => c.decidedOn || c.handledOn || !c.overLimit) ? (
        <p>{t('plan.alerts.none')}</p>
      ) : null}
      {openSanctions.length > 0 ? (
        <ul className="nobullet-list">
          {openSanctions.map((s) => {
            const label = t(`plans.sanctionKinds.${s.kind}`);
            return (
              <li key={s.id} className="mb-5">
                <strong>
                  {t('plan.alerts.sanction', { kind: label, date: isoToDanishDate(s.effectiveOn) })}
                </strong>
                {s.note ? <p className="prewrap">{s.note}</p> : null}
                {canHandle ? (
                  <HandleAlertForm kind="sanction" id={s.id} label={label} onDone={onDone} />
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {cases.length > 0 ? (
        <TableScroll label={t('plan.alerts.depositCaption')}>
          <table className="table table--zebra table--compact">
            <caption>{t('plan.alerts.depositCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.deposit.kind')}</th>
                <th scope="col">{t('plans.deposit.openedOn')}</th>
                <th scope="col">{t('plans.deposit.workingDays')}</th>
                <th scope="col">{t('plans.deposit.liveOffer')}</th>
                <th scope="col">{t('plans.deposit.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{t(`plans.depositKinds.${c.kind}`)}</th>
                  <td>
                    <DateText value={c.openedOn} />
                  </td>
                  <td>
                    {t('plans.deposit.daysOfLimit', { days: c.workingDaysOpen, limit: c.limit })}
                    {c.overLimit ? (
                      <span className="badge badge-error ml-3">{t('plans.deposit.overLimit')}</span>
                    ) : null}
                  </td>
                  <td>
                    {c.liveOfferReplyBy ? (
                      t('plans.deposit.replyBy', { date: isoToDanishDate(c.liveOfferReplyBy) })
                    ) : (
                      <NoValue />
                    )}
                  </td>
                  <td>
                    {c.decidedOn && c.outcome ? (
                      t('plans.deposit.decided', {
                        outcome: t(`plans.depositOutcomes.${c.outcome}`),
                        date: isoToDanishDate(c.decidedOn),
                      })
                    ) : c.handledOn ? (
                      t('plans.deposit.handled', { date: isoToDanishDate(c.handledOn) })
                    ) : (
                      <NoValue />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {cases
        .filter((c) => !c.decidedOn)
        .map((c) => (
          <div key={c.id}>
            {alertsRole ? (
              <DecisionForm
                id={c.id}
                openedOn={c.openedOn}
                label={t(`plans.depositKinds.${c.kind}`)}
                onDone={onDone}
              />
            ) : null}
            {canHandle && c.overLimit && !c.handledOn ? (
              <HandleAlertForm
                kind="deposit"
                id={c.id}
                label={t(`plans.depositKinds.${c.kind}`)}
                onDone={onDone}
              />
            ) : null}
          </div>
        ))}
      {alertsRole ? <DepositCaseForm citizenId={plan.citizenId} onDone={onDone} /> : null}
    </Section>
  );
}

function PlanView({ plan, onDone }: { plan: PlanDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const goalText = new Map(plan.goals.map((g) => [g.id, g.text]));
  return (
    <>
      <Facts
        label={t('plan.facts.label')}
        items={[
          { label: t('plan.facts.coordinator'), value: plan.coordinatorName },
          { label: t('plan.facts.startedOn'), value: <DateText value={plan.startedOn} /> },
          {
            label: t('plan.facts.nextReview'),
            value: <DateText value={plan.reviews.find((r) => !r.heldOn)?.reviewOn} />,
          },
        ]}
      />
      <PageTasks />
      <AlertsSection plan={plan} canHandle={plan.canWrite} onDone={onDone} />
      <Section id="plan-goals" heading={t('plan.goals.heading')}>
        {plan.goals.length === 0 ? (
          <p>{t('plan.goals.none')}</p>
        ) : (
          <ul>
            {plan.goals.map((g) => (
              <li key={g.id}>
                <q>{g.text}</q>
              </li>
            ))}
          </ul>
        )}
        {plan.canWrite ? <GoalForm plan={plan} onDone={onDone} /> : null}
      </Section>
      <Section id="plan-actions" heading={t('plan.actions.heading')}>
        {plan.actions.length === 0 ? (
          <p>{t('plan.actions.none')}</p>
        ) : (
          <TableScroll label={t('plan.actions.caption')}>
            <table className="table table--zebra table--compact">
              <caption className="sr-only">{t('plan.actions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plan.actions.department')}</th>
                  <th scope="col">{t('plan.actions.description')}</th>
                  <th scope="col">{t('plan.actions.owner')}</th>
                  <th scope="col">{t('plan.actions.dueOn')}</th>
                  <th scope="col">{t('plan.actions.status')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.actions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{t(`plans.departments.${a.department}`)}</th>
                    <td>
                      {a.description}
                      {a.goalId && goalText.has(a.goalId) ? (
                        <div className="form-hint">
                          {t('plan.actions.forGoal', { goal: goalText.get(a.goalId) })}
                        </div>
                      ) : null}
                    </td>
                    <td>{a.ownerName}</td>
                    <td>
                      <DateText value={a.dueOn} />
                    </td>
                    <td>
                      {a.doneOn ? (
                        t('plan.actions.doneOn', { date: isoToDanishDate(a.doneOn) })
                      ) : (
                        <>
                          {a.overdue ? (
                            <span className="badge badge-error mr-3">{t('plan.actions.overdue')}</span>
                          ) : null}
                          {plan.canWrite ? (
                            <CompleteActionButton
                              plan={plan}
                              actionId={a.id}
                              label={a.description}
                              onDone={onDone}
                            />
                          ) : (
                            t('plan.actions.open')
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {plan.canWrite ? <ActionForm plan={plan} onDone={onDone} /> : null}
      </Section>
      <Section id="plan-reviews" heading={t('plan.reviews.heading')}>
        {plan.reviews.length === 0 ? (
          <p>{t('plan.reviews.none')}</p>
        ) : (
          <ul>
            {plan.reviews.map((r) => (
              <li key={r.id}>
                {r.heldOn
                  ? t('plan.reviews.held', {
                      date: isoToDanishDate(r.reviewOn),
                      held: isoToDanishDate(r.heldOn),
                    })
                  : t('plan.reviews.planned', { date: isoToDanishDate(r.reviewOn) })}
                {r.note ? <span className="prewrap"> – {r.note}</span> : null}
              </li>
            ))}
          </ul>
        )}
        {plan.canWrite
          ? plan.reviews
              .filter((r) => !r.heldOn)
              .map((r) => (
                <HeldForm key={r.id} plan={plan} reviewId={r.id} reviewOn={r.reviewOn} onDone={onDone} />
              ))
          : null}
        {plan.canWrite ? <ReviewForm plan={plan} onDone={onDone} /> : null}
      </Section>
      <Section id="plan-participation" heading={t('plan.participation.heading')}>
        {plan.participation.length === 0 ? (
          <p>{t('plan.participation.none')}</p>
        ) : (
          <ul>
            {plan.participation.map((p) => (
              <li key={p.id}>
                {t('plan.participation.item', {
                  date: isoToDanishDate(p.participatedOn),
                  how: t(`plans.participationWays.${p.how}`),
                })}
                {p.note ? <span className="prewrap"> – {p.note}</span> : null}
              </li>
            ))}
          </ul>
        )}
        {plan.canWrite ? <ParticipationForm plan={plan} onDone={onDone} /> : null}
      </Section>
      <Section id="plan-shares" heading={t('plan.share.heading')}>
        {plan.shares.length === 0 ? (
          <p>{t('plan.share.none')}</p>
        ) : (
          <ul>
            {plan.shares.map((s) => (
              <li key={s.id}>
                {t('plan.share.item', {
                  department: t(`plans.departments.${s.department}`),
                  date: isoToDanishDate(s.sharedOn),
                  by: s.sharedBy,
                })}
              </li>
            ))}
          </ul>
        )}
        {plan.canWrite ? <ShareForm plan={plan} onDone={onDone} /> : null}
      </Section>
      {plan.canWrite ? (
        <Section id="plan-close" heading={t('plan.close.heading')}>
          <p>{t('plan.close.intro')}</p>
          <ClosePlanForm plan={plan} onDone={onDone} />
        </Section>
      ) : null}
    </>
  );
}

/** /borgere/:id/plan: the citizen's coherent plan (sammenhængende borgerforløb), or the form to make one. */
export function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useCitizenPlan(id);
  const session = useSession();
  const [notice, setNotice] = useState<Notice | null>(null);
  const canWrite = hasPermission(session.data?.user, 'plans.write');
  const name = query.data?.plan?.citizenName;
  return (
    <Page title={name ? t('plan.titleOf', { name }) : t('plan.title')} documentTitle={t('plan.title')}>
      <p>
        <Link to="/planer">{t('plan.backToList')}</Link> ·{' '}
        <Link to={`/borgere/${id}`}>{t('plan.toCitizen')}</Link>
      </p>
      <NoticeArea notice={notice} headingLevel={2} />
      <QueryState query={query} loadingText={t('plan.loading')} isEmpty={() => false}>
        {({ plan }) =>
          plan ? (
            <PlanView plan={plan} onDone={setNotice} />
          ) : (
            <>
              <p>{t('plan.noPlan')}</p>
              {canWrite ? <CreatePlanForm citizenId={id} onDone={setNotice} /> : null}
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
