import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ParticipantInput } from '../../../shared/transitions/api';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { CheckboxField } from '../../components/checkbox-field';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { RadioGroup } from '../../components/radio-group';
import { notInFuture, optionalText, readDate } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { todayText } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { PageTasks } from '../tasks';
import { useCitizenChoice } from './citizen-choice';
import {
  type TransitionPlanSummary,
  useCreatePlan,
  useTransitionPlans,
  useTransitionStaff,
} from './transitions.api';

type OnDone = (notice: Notice) => void;

/**
 * A new transition plan: the young person (found by search), the young person's wishes and dreams
 * in their own words first, goals, and the participants — the young person, the child-area and
 * adult-area caseworkers and the support worker as Hjemvej users, family and UU/KUI guidance by name.
 */
function NewPlanForm({ onDone }: { onDone: OnDone }) {
  const { t } = useTranslation();
  const create = useCreatePlan();
  const staff = useTransitionStaff();
  const choice = useCitizenChoice('transition-citizen');
  const form = useForm({
    formKey: 'transitions.create',
    initial: () => ({
      citizenId: '',
      startedOn: todayText(),
      wishes: '',
      goals: '',
      youngPerson: true,
      childCaseworker: '',
      adultCaseworker: '',
      supportWorker: '',
      family: '',
      guidanceName: '',
      guidanceOrganisation: '',
    }),
    fields: {
      citizenId: { id: 'transition-citizen', label: t('transitions.fields.citizen') },
      startedOn: { id: 'transition-started', label: t('transitions.fields.startedOn') },
      wishes: { id: 'transition-wishes', label: t('transitions.fields.wishes') },
      goals: { id: 'transition-goals', label: t('transitions.fields.goals') },
      participants: { id: 'transition-young-person', label: t('transitions.fields.participants') },
      childCaseworker: { id: 'transition-child', label: t('transitions.kinds.child_caseworker') },
      adultCaseworker: { id: 'transition-adult', label: t('transitions.kinds.adult_caseworker') },
      supportWorker: { id: 'transition-support', label: t('transitions.kinds.support_worker') },
      family: { id: 'transition-family', label: t('transitions.fields.family') },
      guidanceName: { id: 'transition-guidance', label: t('transitions.fields.guidanceName') },
      guidanceOrganisation: {
        id: 'transition-guidance-org',
        label: t('transitions.fields.guidanceOrganisation'),
      },
    },
    serverErrors: {
      TRANSITION_YOUNG_PERSON_REQUIRED: { path: 'participants', code: 'young_person_required' },
      TRANSITION_AGE_OUT_OF_RANGE: { path: 'citizenId', code: 'age' },
      TRANSITION_PLAN_EXISTS: { path: 'citizenId', code: 'exists' },
    },
  });
  const { values } = form;
  const staffOptions = (staff.data ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName} (${t(`roles.${u.role}`, { defaultValue: u.role })})`,
  }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const problems: FieldError[] = [];
    if (!values.citizenId) problems.push({ path: 'citizenId', code: 'required' });
    const startedOn = readDate(values.startedOn, 'startedOn', problems, true);
    notInFuture(startedOn, 'startedOn', problems);
    const wishes = optionalText(values.wishes);
    if (!wishes) problems.push({ path: 'wishes', code: 'required' });
    const guidanceName = optionalText(values.guidanceName);
    const guidanceOrganisation = optionalText(values.guidanceOrganisation);
    if (guidanceName && !guidanceOrganisation)
      problems.push({ path: 'guidanceOrganisation', code: 'required' });
    if (form.failed(problems) || !startedOn || !wishes) return;
    const participants: ParticipantInput[] = [];
    if (values.youngPerson) participants.push({ kind: 'young_person' });
    const family = optionalText(values.family);
    if (family) participants.push({ kind: 'family', name: family });
    if (values.childCaseworker)
      participants.push({ kind: 'child_caseworker', userId: values.childCaseworker });
    if (values.adultCaseworker)
      participants.push({ kind: 'adult_caseworker', userId: values.adultCaseworker });
    if (guidanceName)
      participants.push({ kind: 'guidance', name: guidanceName, organisation: guidanceOrganisation ?? null });
    if (values.supportWorker) participants.push({ kind: 'support_worker', userId: values.supportWorker });
    const goals = optionalText(values.goals);
    settle(
      create,
      { citizenId: values.citizenId, startedOn, wishes, ...(goals ? { goals } : {}), participants },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'transitions.create.done' });
        },
        onError: form.reportError,
      },
    );
  };
  const participantsError = form.fieldMessage('participants');
  return (
    <FormDetails summary={t('transitions.create.summary')}>
      {choice.searchForm}
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        {choice.options.length > 0 ? (
          <RadioGroup {...form.radio('citizenId')} options={choice.options} />
        ) : (
          <p id="transition-citizen">
            {form.field('citizenId').error ? (
              <span className="form-error-message">{form.field('citizenId').error}</span>
            ) : (
              t('transitions.search.first')
            )}
          </p>
        )}
        <DateField {...form.field('startedOn')} />
        <TextAreaField {...form.field('wishes')} hint={t('transitions.fields.wishesHint')} rows={4} />
        <TextAreaField {...form.field('goals')} rows={3} />
        <fieldset>
          <legend className="h3">{t('transitions.fields.participants')}</legend>
          <div className={participantsError ? 'form-group form-error' : 'form-group'}>
            {participantsError ? (
              <span className="form-error-message" id="transition-young-person-error">
                {participantsError}
              </span>
            ) : null}
            <CheckboxField
              {...form.checkbox('youngPerson')}
              id="transition-young-person"
              label={t('transitions.fields.youngPerson')}
              hint={t('transitions.fields.youngPersonHint')}
            />
          </div>
          <TextField {...form.field('family')} hint={t('transitions.fields.familyHint')} />
          <SelectField
            {...form.field('childCaseworker')}
            placeholder={t('transitions.fields.nobody')}
            options={staffOptions}
          />
          <SelectField
            {...form.field('adultCaseworker')}
            placeholder={t('transitions.fields.nobody')}
            options={staffOptions}
          />
          <TextField {...form.field('guidanceName')} />
          <TextField {...form.field('guidanceOrganisation')} hint={t('transitions.fields.guidanceHint')} />
          <SelectField
            {...form.field('supportWorker')}
            placeholder={t('transitions.fields.nobody')}
            options={staffOptions}
          />
        </fieldset>
        <button type="submit" className="button button-primary">
          {t('transitions.create.submit')}
        </button>
        {create.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

function PlansTable({ rows }: { rows: TransitionPlanSummary[] }) {
  const { t } = useTranslation();
  const caption = t('transitions.list.caption');
  return (
    <TableScroll label={caption}>
      <table className="table table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transitions.list.name')}</th>
            <th scope="col" className="text-align-right">
              {t('transitions.list.age')}
            </th>
            <th scope="col">{t('transitions.list.startedOn')}</th>
            <th scope="col">{t('transitions.list.nextMeeting')}</th>
            <th scope="col" className="text-align-right">
              {t('transitions.list.openActions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/overgange/${p.id}`}>{p.citizenName ?? t('transitions.unnamed')}</Link>
              </td>
              <td className="text-align-right">{p.age}</td>
              <td>
                <DateText value={p.startedOn} />
              </td>
              <td>{p.nextMeetingOn ? <DateText value={p.nextMeetingOn} /> : <NoValue />}</td>
              <td className="text-align-right">
                {p.openActions}
                {p.overdueActions > 0 ? (
                  <span className="text-error">
                    {' '}
                    {t('transitions.list.overdue', { count: p.overdueActions })}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** /overgange: the young people's transition plans, with the next meeting and the open actions. */
export function TransitionsPage() {
  const { t } = useTranslation();
  const query = useTransitionPlans();
  const [notice, setNotice] = useState<Notice | null>(null);
  const user = useSession().data?.user;
  const create = hasPermission(user, 'transitions.all') && hasPermission(user, 'transitions.write');
  return (
    <Page title={t('transitions.title')}>
      <p className="font-lead">{t('transitions.intro')}</p>
      <NoticeArea notice={notice} headingLevel={2} />
      <PageTasks />
      {create ? (
        <Section id="transition-new" heading={t('transitions.create.heading')}>
          <NewPlanForm onDone={setNotice} />
        </Section>
      ) : null}
      <Section id="transition-list" heading={t('transitions.list.heading')}>
        <p>
          <Link to="/ungetilbud">{t('transitions.list.offersLink')}</Link>
        </p>
        <QueryState
          query={query}
          loadingText={t('transitions.loading')}
          empty={<p>{t('transitions.list.none')}</p>}
          isEmpty={(rows) => rows.length === 0}
        >
          {(rows) => <PlansTable rows={rows} />}
        </QueryState>
      </Section>
    </Page>
  );
}
