import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { maxRent } from '../../../shared/allocation/eligibility';
import { CASEWORKER_AREAS, TARGET_GROUNDS } from '../../../shared/allocation/model';
import { ageOn, today as todayIso } from '../../../shared/dates';
import { ApiError } from '../../api';
import { Alert } from '../../components/alert';
import { CheckboxField } from '../../components/checkbox-field';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { QueryState } from '../../components/query-state';
import { RadioGroup } from '../../components/radio-group';
import { readDate } from '../../components/read-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { type FormState, useForm } from '../../components/use-form';
import { errorMessage } from '../../i18n/errors';
import { formatKroner, parseNumber } from '../../i18n/format';
import { type Department, departmentName, useDepartments } from '../housing';
import { CheckboxGroup } from './application-format';
import { MemberFields } from './application-household';
import {
  ADD_MEMBER_ID,
  type ApplicationAnswers,
  type ApplicationSavedState,
  type ApplicationValues,
  addBenefitId,
  applicationFieldMap,
  benefitId,
  emptyBenefit,
  emptyMember,
  type MemberValues,
  memberId,
  readApplication,
  toFormField,
} from './application-values';
import { applicationHref, useAllocationSettings, useSaveApplication } from './applications.api';

function DepartmentChoices({
  departments,
  form,
}: {
  departments: Department[];
  form: FormState<ApplicationAnswers>;
}) {
  const { t } = useTranslation();
  const sorted = [...departments].sort(
    (a, b) =>
      a.organisationName.localeCompare(b.organisationName, 'da') ||
      a.number.localeCompare(b.number, 'da', { numeric: true }),
  );
  const options = sorted.map((d) => ({
    value: d.id,
    label: departmentName(t, d),
    hint: d.organisationName,
  }));
  if (departments.length === 0) return <p>{t('applications.form.noDepartments')}</p>;
  return (
    <div className="row">
      <div className="col-12 col-md-6">
        {/* A department is wished or excluded, never both. */}
        <CheckboxGroup
          {...form.checkboxList('wishedDepartmentIds', { exclusiveOf: 'excludedDepartmentIds' })}
          id="application-wished"
          legend={t('applications.form.wished')}
          hint={t('applications.form.wishedHint')}
          options={options}
        />
      </div>
      <div className="col-12 col-md-6">
        <CheckboxGroup
          {...form.checkboxList('excludedDepartmentIds', { exclusiveOf: 'wishedDepartmentIds' })}
          id="application-excluded"
          legend={t('applications.form.excluded')}
          hint={t('applications.form.excludedHint')}
          options={options}
        />
      </div>
    </div>
  );
}

/** The highest rent the household can pay, as the server will derive it, once income and costs are typed. */
function MaxRentHint({ values }: { values: ApplicationValues }) {
  const { t } = useTranslation();
  const settings = useAllocationSettings();
  const income = parseNumber(values.monthlyIncome, true);
  const costs = parseNumber(values.fixedCosts, true);
  if (!settings.data || income === null || costs === null) return null;
  const today = todayIso();
  const births = values.members
    .map((m) => readDate(m.birthDate, 'birthDate', []))
    .filter((d): d is string => d !== undefined);
  const children = births.filter((birthDate) => ageOn(birthDate, today) < 18).length;
  const counts = { adults: values.members.length - children, children };
  const amount = maxRent(income, costs, counts, settings.data);
  return (
    <p className="form-hint">
      {t('applications.form.maxRentHint', {
        amount: formatKroner(t, amount),
        adults: counts.adults,
        children: counts.children,
      })}
    </p>
  );
}

/** Props of {@link ApplicationForm}. */
export interface ApplicationFormProps {
  citizenId: string;
  citizenName: string;
  initial: ApplicationValues;
  /** The application being edited; null for a new one. */
  applicationId: string | null;
  /** Where Cancel leads. */
  cancelTo: string;
}

/**
 * The caseworker's recommendation (indstilling): why the citizen is in the target group, the
 * household with the facts the law tests per person, the housing need and the wishes. New (POST)
 * and edit (PUT) are the same form.
 */
export function ApplicationForm({
  citizenId,
  citizenName,
  initial,
  applicationId,
  cancelTo,
}: ApplicationFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveApplication(applicationId);
  const departments = useDepartments();
  // The household is a list of its own; the field map (and so the form) follows its people.
  const [members, setMembers] = useState(initial.members);
  const [existing, setExisting] = useState<{ error: unknown; id: string | null } | null>(null);
  const focusNext = useRef<string | null>(null);
  const fieldMap = applicationFieldMap(t, members, departments.data?.items ?? []);
  const form = useForm<ApplicationAnswers>({
    formKey: 'applications.form',
    initial: () => {
      const { members: _members, ...answers } = initial;
      return answers;
    },
    fields: fieldMap,
    mapServerField: toFormField(fieldMap),
  });
  const values: ApplicationValues = { ...form.values, members };

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const setMember = (i: number, member: MemberValues) =>
    setMembers((list) => list.map((m, k) => (k === i ? member : m)));
  const addMember = () => {
    focusNext.current = memberId(members.length, 'role');
    setMembers((list) => [...list, emptyMember()]);
  };
  const removeMember = (i: number) => {
    // The problems name people by position; after a removal they would point at the wrong one.
    form.clear();
    focusNext.current = ADD_MEMBER_ID;
    setMembers((list) => list.filter((_m, k) => k !== i));
  };
  const addBenefit = (i: number) => {
    focusNext.current = benefitId(i, members[i]?.benefits.length ?? 0, 'benefit');
    setMembers((list) =>
      list.map((m, k) => (k === i ? { ...m, benefits: [...m.benefits, emptyBenefit()] } : m)),
    );
  };
  const removeBenefit = (i: number, j: number) => {
    form.clear();
    focusNext.current = addBenefitId(i);
    setMembers((list) =>
      list.map((m, k) => (k === i ? { ...m, benefits: m.benefits.filter((_b, l) => l !== j) } : m)),
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setExisting(null);
    const { input, problems } = readApplication(values, citizenId);
    if (form.failed(problems) || !input) return;
    save.mutate(input, {
      onSuccess: ({ id }) => {
        form.clear();
        const state: ApplicationSavedState = { saved: applicationId === null ? 'created' : 'updated' };
        void navigate(applicationHref(id), { state });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'APPLICATION_EXISTS') {
          form.clear();
          const id = error.params.applicationId;
          setExisting({ error, id: typeof id === 'string' ? id : null });
          return;
        }
        form.reportError(error);
      },
    });
  };

  const number = (
    name: 'roomsMin' | 'roomsMax' | 'monthlyIncome' | 'fixedCosts',
    hint: string | undefined,
  ) => (
    <div className="col-12 col-md-6">
      <TextField
        {...form.field(name)}
        hint={hint}
        inputMode={name.startsWith('rooms') ? 'numeric' : 'decimal'}
        autoComplete="off"
        widthClass={name.startsWith('rooms') ? 'input-width-xs' : 'input-width-s'}
      />
    </div>
  );

  return (
    <>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      {existing ? <ExistingAlert error={existing.error} id={existing.id} /> : null}
      <form onSubmit={onSubmit} noValidate className="application-form">
        <fieldset>
          <legend>
            <h2>{t('applications.form.groundsHeading')}</h2>
          </legend>
          <p>{t('applications.form.citizenIs', { name: citizenName })}</p>
          <RadioGroup
            {...form.radio('area')}
            hint={t('applications.form.areaHint')}
            options={CASEWORKER_AREAS.map((a) => ({ value: a, label: t(`allocation.areas.${a}`) }))}
          />
          <CheckboxGroup
            {...form.checkboxList('targetGrounds')}
            hint={t('applications.form.targetGroundsHint')}
            options={TARGET_GROUNDS.map((g) => ({ value: g, label: t(`allocation.targetGrounds.${g}`) }))}
          />
          <TextAreaField
            {...form.field('justification')}
            hint={t('applications.form.justificationHint')}
            rows={6}
          />
        </fieldset>

        <fieldset className="mt-8">
          <legend>
            <h2>{t('applications.form.householdHeading')}</h2>
          </legend>
          <p>{t('applications.form.householdIntro')}</p>
          {members.map((member, i) => (
            <MemberFields
              key={member.key}
              index={i}
              member={member}
              onChange={(next) => setMember(i, next)}
              onRemove={() => removeMember(i)}
              onAddBenefit={() => addBenefit(i)}
              onRemoveBenefit={(j) => removeBenefit(i, j)}
              fieldMessage={form.fieldMessage}
            />
          ))}
          <div className="mt-6">
            <button type="button" id={ADD_MEMBER_ID} className="button button-secondary" onClick={addMember}>
              {t('applications.form.addMember')}
            </button>
          </div>
        </fieldset>

        <fieldset className="mt-8">
          <legend>
            <h2>{t('applications.form.needHeading')}</h2>
          </legend>
          <div className="row">
            {number('roomsMin', undefined)}
            {number('roomsMax', t('applications.form.roomsMaxHint'))}
            {number('monthlyIncome', t('applications.form.monthlyIncomeHint'))}
            {number('fixedCosts', t('applications.form.fixedCostsHint'))}
          </div>
          <MaxRentHint values={values} />
          <div className="form-group">
            <CheckboxField
              {...form.checkbox('accessibleNeed')}
              hint={t('applications.form.accessibleNeedHint')}
            />
          </div>
        </fieldset>

        <fieldset className="mt-8">
          <legend>
            <h2>{t('applications.form.wishesHeading')}</h2>
          </legend>
          <p>{t('applications.form.wishesIntro')}</p>
          <QueryState query={departments} announce={false} live={false} headingLevel={3}>
            {(data) => <DepartmentChoices departments={data.items} form={form} />}
          </QueryState>
        </fieldset>

        <fieldset className="mt-8">
          <legend>
            <h2>{t('applications.form.youthHeading')}</h2>
          </legend>
          <div className="form-group">
            <CheckboxField {...form.checkbox('youthWish')} hint={t('applications.form.youthWishHint')} />
          </div>
          {values.youthWish ? <YouthGrounds form={form} /> : null}
        </fieldset>

        <div className="button-group mt-8">
          <button type="submit" className="button button-primary">
            {applicationId === null ? t('applications.form.submit') : t('applications.form.save')}
          </button>
          <Link to={cancelTo} className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
        {save.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </>
  );
}

const YOUTH_GROUNDS = ['inEducation', 'educationPlanned', 'youthSpecialNeed'] as const;

/** Why a young applicant wishes a youth unit (asked once the wish is ticked). */
function YouthGrounds({ form }: { form: FormState<ApplicationAnswers> }) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      {...form.checkboxFlags(YOUTH_GROUNDS)}
      hint={t('applications.form.youthGroundsHint')}
      options={YOUTH_GROUNDS.map((key) => ({ value: key, label: t(`applications.form.${key}`) }))}
    />
  );
}

/** The citizen already has an open application: say so, and lead to it. */
function ExistingAlert({ error, id }: { error: unknown; id: string | null }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Alert ref={ref} focusable variant="error" live="alert">
      <p>{errorMessage(t, error)}</p>
      {id ? (
        <p>
          <Link to={applicationHref(id)}>{t('applications.form.openExisting')}</Link>
        </p>
      ) : null}
    </Alert>
  );
}
