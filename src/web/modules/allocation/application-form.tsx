import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ApplicationDetail, ApplicationInput, MemberInput } from '../../../shared/allocation/api';
import { maxRent } from '../../../shared/allocation/eligibility';
import {
  BENEFITS,
  type Benefit,
  CASEWORKER_AREAS,
  type CaseworkerArea,
  CITIZENSHIPS,
  type Citizenship,
  MEMBER_ROLES,
  type MemberRole,
  TARGET_GROUNDS,
  type TargetGround,
} from '../../../shared/allocation/model';
import { ageOn, today as todayIso } from '../../../shared/dates';
import { ApiError, type FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { CheckboxField } from '../../components/checkbox-field';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import { type FieldMap, useFormProblems } from '../../components/form-problems';
import { Loading } from '../../components/loading';
import { RadioGroup } from '../../components/radio-group';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { errorMessage } from '../../i18n/errors';
import { isoToDanishDate } from '../../i18n/format';
import { notInFuture, readDate } from '../citizens/citizen-format';
import type { CitizenDetail } from '../citizens/citizens.api';
import { type Department, useDepartments } from '../housing/housing.api';
import {
  departmentName,
  formatInput,
  formatKroner,
  mapFieldErrors,
  type NumberKind,
  parseNumber,
  RANGE_CODE,
  readNumber,
} from '../housing/housing-format';
import { CheckboxGroup, checkboxId } from './application-format';
import { applicationHref, useAllocationSettings, useSaveApplication } from './applications.api';

/** One benefit period as typed. */
export interface BenefitValues {
  key: string;
  benefit: string;
  from: string;
  to: string;
  /** Still receiving: no end date. */
  ongoing: boolean;
}

/** One household member as typed. */
export interface MemberValues {
  key: string;
  role: string;
  name: string;
  birthDate: string;
  citizenship: string;
  student: boolean;
  prisonReleasedOn: string;
  youthInstitutionReleasedOn: string;
  leaseTerminatedMisconductOn: string;
  partnerSince: string;
  benefits: BenefitValues[];
}

/** The whole form as typed. */
export interface ApplicationValues {
  area: string;
  targetGrounds: string[];
  justification: string;
  roomsMin: string;
  roomsMax: string;
  monthlyIncome: string;
  fixedCosts: string;
  accessibleNeed: boolean;
  wishedDepartmentIds: string[];
  excludedDepartmentIds: string[];
  youthWish: boolean;
  inEducation: boolean;
  educationPlanned: boolean;
  youthSpecialNeed: boolean;
  members: MemberValues[];
}

/** What the application page shows after a save (router state). */
export interface ApplicationSavedState {
  saved: 'created' | 'updated';
}

let lastKey = 0;
/** A key for a list row typed in the form (rows have no id before they are saved). */
const newKey = () => {
  lastKey += 1;
  return `row-${lastKey}`;
};

const dateText = (iso: string | null | undefined) => (iso ? isoToDanishDate(iso) : '');

function emptyBenefit(): BenefitValues {
  return { key: newKey(), benefit: '', from: '', to: '', ongoing: false };
}

function emptyMember(role = ''): MemberValues {
  return {
    key: newKey(),
    role,
    name: '',
    birthDate: '',
    citizenship: '',
    student: false,
    prisonReleasedOn: '',
    youthInstitutionReleasedOn: '',
    leaseTerminatedMisconductOn: '',
    partnerSince: '',
    benefits: [],
  };
}

const EMPTY_VALUES: Omit<ApplicationValues, 'members'> = {
  area: '',
  targetGrounds: [],
  justification: '',
  roomsMin: '',
  roomsMax: '',
  monthlyIncome: '',
  fixedCosts: '',
  accessibleNeed: false,
  wishedDepartmentIds: [],
  excludedDepartmentIds: [],
  youthWish: false,
  inEducation: false,
  educationPlanned: false,
  youthSpecialNeed: false,
};

/**
 * A new application for a citizen: the citizen is the applicant (members[0]); the people the
 * citizen page lists as living with them today come along (children as children; an adult's role
 * is for the caseworker to choose).
 */
export function valuesFromCitizen(citizen: CitizenDetail): ApplicationValues {
  const applicant: MemberValues = {
    ...emptyMember('applicant'),
    name: citizen.name ?? citizen.initials ?? '',
    birthDate: dateText(citizen.birthDate),
  };
  const others = citizen.household
    .filter((m) => m.endedOn === null)
    .map((m) => ({
      ...emptyMember(m.kind === 'child' ? 'child' : ''),
      name: m.name,
      birthDate: dateText(m.birthDate),
    }));
  return { ...EMPTY_VALUES, members: [applicant, ...others] };
}

/** A saved application as the form shows it for editing. */
export function valuesFromApplication(application: ApplicationDetail): ApplicationValues {
  return {
    area: application.area,
    targetGrounds: [...application.targetGrounds],
    justification: application.justification,
    roomsMin: String(application.roomsMin),
    roomsMax: application.roomsMax === null ? '' : String(application.roomsMax),
    monthlyIncome: formatInput(application.monthlyIncome),
    fixedCosts: formatInput(application.fixedCosts),
    accessibleNeed: application.accessibleNeed,
    wishedDepartmentIds: [...application.wishedDepartmentIds],
    excludedDepartmentIds: [...application.excludedDepartmentIds],
    youthWish: application.youthWish,
    inEducation: application.inEducation,
    educationPlanned: application.educationPlanned,
    youthSpecialNeed: application.youthSpecialNeed,
    members: application.members.map((m) => ({
      key: newKey(),
      role: m.role,
      name: m.name,
      birthDate: dateText(m.birthDate),
      citizenship: m.citizenship,
      student: m.student,
      prisonReleasedOn: dateText(m.prisonReleasedOn),
      youthInstitutionReleasedOn: dateText(m.youthInstitutionReleasedOn),
      leaseTerminatedMisconductOn: dateText(m.leaseTerminatedMisconductOn),
      partnerSince: dateText(m.partnerSince),
      benefits: m.benefits.map((b) => ({
        key: newKey(),
        benefit: b.benefit,
        from: dateText(b.from),
        to: dateText(b.to),
        ongoing: b.to === null,
      })),
    })),
  };
}

// ---- ids and paths ----

const MEMBER_FIELDS = [
  'role',
  'name',
  'birthDate',
  'citizenship',
  'student',
  'partnerSince',
  'prisonReleasedOn',
  'youthInstitutionReleasedOn',
  'leaseTerminatedMisconductOn',
] as const;
type MemberField = (typeof MEMBER_FIELDS)[number];
const BENEFIT_FIELDS = ['benefit', 'from', 'to'] as const;
type BenefitField = (typeof BENEFIT_FIELDS)[number];

const kebab = (text: string) => text.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const memberId = (i: number, field: MemberField) => `application-member-${i}-${kebab(field)}`;
const memberPath = (i: number, field: MemberField) => `members.${i}.${field}`;
const benefitId = (i: number, j: number, field: BenefitField) =>
  `application-member-${i}-benefit-${j}-${field}`;
const benefitPath = (i: number, j: number, field: BenefitField) => `members.${i}.benefits.${j}.${field}`;
const ADD_MEMBER_ID = 'application-add-member';
const addBenefitId = (i: number) => `application-member-${i}-add-benefit`;

/** The kind of each number field, for its message when the server finds it out of range. */
const NUMBER_KINDS: Record<string, NumberKind> = {
  roomsMin: 'positiveCount',
  roomsMax: 'positiveCount',
  monthlyIncome: 'kroner',
  fixedCosts: 'kroner',
};

function memberFieldLabel(t: TFunction, field: MemberField): string {
  return t(`applications.form.member.${field}`);
}

function benefitFieldLabel(t: TFunction, field: BenefitField): string {
  return t(`applications.form.benefit.${field}`);
}

/** Every field of the form: its request path → input id and a label that names the person. */
function applicationFieldMap(t: TFunction, values: ApplicationValues, departments: Department[]): FieldMap {
  const firstDepartment = departments[0]?.id ?? '';
  const map: FieldMap = {
    citizenId: { id: 'application-area', label: t('applications.form.citizen') },
    area: { id: 'application-area', label: t('applications.form.area') },
    targetGrounds: { id: 'application-target-grounds', label: t('applications.form.targetGrounds') },
    justification: { id: 'application-justification', label: t('applications.form.justification') },
    members: { id: memberId(0, 'name'), label: t('applications.form.householdHeading') },
  };
  values.members.forEach((member, i) => {
    for (const field of MEMBER_FIELDS) {
      if (i === 0 && field === 'role') continue;
      map[memberPath(i, field)] = {
        id: memberId(i, field),
        label: t('applications.form.memberFieldLabel', { field: memberFieldLabel(t, field), n: i + 1 }),
      };
    }
    map[`members.${i}`] = {
      id: i === 0 ? memberId(0, 'name') : memberId(i, 'role'),
      label: t('applications.form.memberLegend', { n: i + 1 }),
    };
    map[`members.${i}.benefits`] = {
      id: addBenefitId(i),
      label: t('applications.form.benefitsLabel', { n: i + 1 }),
    };
    member.benefits.forEach((_benefit, j) => {
      for (const field of BENEFIT_FIELDS) {
        map[benefitPath(i, j, field)] = {
          id: benefitId(i, j, field),
          label: t('applications.form.benefitFieldLabel', {
            field: benefitFieldLabel(t, field),
            n: i + 1,
            m: j + 1,
          }),
        };
      }
    });
  });
  Object.assign(map, {
    roomsMin: { id: 'application-rooms-min', label: t('applications.form.roomsMin') },
    roomsMax: { id: 'application-rooms-max', label: t('applications.form.roomsMax') },
    monthlyIncome: { id: 'application-income', label: t('applications.form.monthlyIncome') },
    fixedCosts: { id: 'application-fixed-costs', label: t('applications.form.fixedCosts') },
    accessibleNeed: { id: 'application-accessible', label: t('applications.form.accessibleNeed') },
    wishedDepartmentIds: {
      id: checkboxId('application-wished', 0, firstDepartment),
      label: t('applications.form.wished'),
    },
    excludedDepartmentIds: {
      id: checkboxId('application-excluded', 0, firstDepartment),
      label: t('applications.form.excluded'),
    },
    youthWish: { id: 'application-youth-wish', label: t('applications.form.youthWish') },
    inEducation: { id: 'application-youth-grounds', label: t('applications.form.youthGrounds') },
    educationPlanned: { id: 'application-youth-grounds', label: t('applications.form.youthGrounds') },
    youthSpecialNeed: { id: 'application-youth-grounds', label: t('applications.form.youthGrounds') },
  });
  return map;
}

/**
 * A server path the form has no field for (`wishedDepartmentIds.2`, `members.1.benefits.0`) is
 * shown at the nearest field above it; a range code becomes the number kind's own message.
 */
function toFormField(map: FieldMap) {
  return (field: FieldError): FieldError | null => {
    let path = field.path;
    while (!(path in map) && path.includes('.')) path = path.slice(0, path.lastIndexOf('.'));
    const kind = NUMBER_KINDS[path];
    const code =
      kind && (field.code === 'too_small' || field.code === 'too_big') ? RANGE_CODE[kind] : field.code;
    if (path === field.path && code === field.code) return null;
    return { path: path in map ? path : field.path, code, ...(field.params ? { params: field.params } : {}) };
  };
}

// ---- reading the form ----

function readMember(member: MemberValues, i: number, problems: FieldError[]): MemberInput | undefined {
  const before = problems.length;
  const role = i === 0 ? 'applicant' : member.role;
  if (role === '') problems.push({ path: memberPath(i, 'role'), code: 'required' });
  const name = member.name.trim();
  if (name === '') problems.push({ path: memberPath(i, 'name'), code: 'required' });
  const birthDate = readDate(member.birthDate, memberPath(i, 'birthDate'), problems, true);
  notInFuture(birthDate, memberPath(i, 'birthDate'), problems);
  if (member.citizenship === '') problems.push({ path: memberPath(i, 'citizenship'), code: 'required' });
  const optionalDate = (field: MemberField, text: string) => {
    const iso = readDate(text, memberPath(i, field), problems);
    notInFuture(iso, memberPath(i, field), problems);
    return iso ?? null;
  };
  const prisonReleasedOn = optionalDate('prisonReleasedOn', member.prisonReleasedOn);
  const youthInstitutionReleasedOn = optionalDate(
    'youthInstitutionReleasedOn',
    member.youthInstitutionReleasedOn,
  );
  const leaseTerminatedMisconductOn = optionalDate(
    'leaseTerminatedMisconductOn',
    member.leaseTerminatedMisconductOn,
  );
  const partnerSince = role === 'partner' ? optionalDate('partnerSince', member.partnerSince) : null;
  const benefits = member.benefits.map((b, j) => {
    if (b.benefit === '') problems.push({ path: benefitPath(i, j, 'benefit'), code: 'required' });
    const from = readDate(b.from, benefitPath(i, j, 'from'), problems, true);
    const to = b.ongoing ? null : (readDate(b.to, benefitPath(i, j, 'to'), problems, true) ?? null);
    if (from && to && to < from) problems.push({ path: benefitPath(i, j, 'to'), code: 'end_before_start' });
    return { benefit: b.benefit as Benefit, from: from ?? '', to };
  });
  if (problems.length > before || birthDate === undefined) return undefined;
  return {
    role: role as MemberRole,
    name,
    birthDate,
    citizenship: member.citizenship as Citizenship,
    student: member.student,
    prisonReleasedOn,
    youthInstitutionReleasedOn,
    leaseTerminatedMisconductOn,
    partnerSince,
    benefits,
  };
}

/** Reads the form as the server will check it; problems name the fields by their request paths. */
function readApplication(
  values: ApplicationValues,
  citizenId: string,
): { input: ApplicationInput | undefined; problems: FieldError[] } {
  const problems: FieldError[] = [];
  if (values.area === '') problems.push({ path: 'area', code: 'required' });
  if (values.targetGrounds.length === 0) problems.push({ path: 'targetGrounds', code: 'required' });
  const justification = values.justification.trim();
  if (justification === '') problems.push({ path: 'justification', code: 'required' });
  const members = values.members.map((m, i) => readMember(m, i, problems));
  const roomsMin = readNumber(values.roomsMin, 'positiveCount', 'roomsMin', problems);
  const roomsMax = readNumber(values.roomsMax, 'positiveCount', 'roomsMax', problems, false);
  if (roomsMin !== undefined && roomsMax !== undefined && roomsMax < roomsMin)
    problems.push({ path: 'roomsMax', code: 'rooms_range' });
  const monthlyIncome = readNumber(values.monthlyIncome, 'kroner', 'monthlyIncome', problems);
  const fixedCosts = readNumber(values.fixedCosts, 'kroner', 'fixedCosts', problems);
  const complete = members.filter((m): m is MemberInput => m !== undefined);
  if (
    problems.length > 0 ||
    complete.length !== members.length ||
    roomsMin === undefined ||
    monthlyIncome === undefined ||
    fixedCosts === undefined
  )
    return { input: undefined, problems };
  return {
    input: {
      citizenId,
      area: values.area as CaseworkerArea,
      targetGrounds: values.targetGrounds as TargetGround[],
      justification,
      roomsMin,
      roomsMax: roomsMax ?? null,
      monthlyIncome,
      fixedCosts,
      accessibleNeed: values.accessibleNeed,
      wishedDepartmentIds: values.wishedDepartmentIds,
      excludedDepartmentIds: values.excludedDepartmentIds,
      youthWish: values.youthWish,
      inEducation: values.youthWish && values.inEducation,
      educationPlanned: values.youthWish && values.educationPlanned,
      youthSpecialNeed: values.youthWish && values.youthSpecialNeed,
      members: complete,
    },
    problems,
  };
}

// ---- the parts of the form ----

type FieldMessage = (path: string) => string | undefined;

function BenefitFields({
  memberIndex: i,
  index: j,
  benefit,
  onChange,
  onRemove,
  fieldMessage,
  memberName,
}: {
  memberIndex: number;
  index: number;
  benefit: BenefitValues;
  onChange: (benefit: BenefitValues) => void;
  onRemove: () => void;
  fieldMessage: FieldMessage;
  memberName: string;
}) {
  const { t } = useTranslation();
  const legend = t('applications.form.benefitLegend', { m: j + 1 });
  return (
    <div className="application-benefit">
      <fieldset>
        <legend className="form-label">{legend}</legend>
        <SelectField
          id={benefitId(i, j, 'benefit')}
          label={benefitFieldLabel(t, 'benefit')}
          placeholder={t('applications.form.benefit.placeholder')}
          options={BENEFITS.map((b) => ({ value: b, label: t(`allocation.benefits.${b}`) }))}
          value={benefit.benefit}
          onChange={(event) => onChange({ ...benefit, benefit: event.target.value })}
          error={fieldMessage(benefitPath(i, j, 'benefit'))}
        />
        <DateField
          id={benefitId(i, j, 'from')}
          label={benefitFieldLabel(t, 'from')}
          value={benefit.from}
          onChange={(event) => onChange({ ...benefit, from: event.target.value })}
          error={fieldMessage(benefitPath(i, j, 'from'))}
        />
        <div className="form-group">
          <CheckboxField
            id={`${benefitId(i, j, 'to')}-ongoing`}
            label={t('applications.form.benefit.ongoing')}
            checked={benefit.ongoing}
            onChange={(event) => onChange({ ...benefit, ongoing: event.target.checked })}
          />
        </div>
        {benefit.ongoing ? null : (
          <DateField
            id={benefitId(i, j, 'to')}
            label={benefitFieldLabel(t, 'to')}
            value={benefit.to}
            onChange={(event) => onChange({ ...benefit, to: event.target.value })}
            error={fieldMessage(benefitPath(i, j, 'to'))}
          />
        )}
        <div className="mt-4">
          <button type="button" className="button button-tertiary" onClick={onRemove}>
            {t('applications.form.removeBenefit')}
            <span className="sr-only">
              {' '}
              {t('applications.form.removeBenefitWhich', { m: j + 1, name: memberName })}
            </span>
          </button>
        </div>
      </fieldset>
    </div>
  );
}

function MemberFields({
  index: i,
  member,
  onChange,
  onRemove,
  onAddBenefit,
  onRemoveBenefit,
  fieldMessage,
}: {
  index: number;
  member: MemberValues;
  onChange: (member: MemberValues) => void;
  onRemove: () => void;
  onAddBenefit: () => void;
  onRemoveBenefit: (j: number) => void;
  fieldMessage: FieldMessage;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof MemberValues>(key: K, value: MemberValues[K]) =>
    onChange({ ...member, [key]: value });
  const name = member.name.trim();
  const legend =
    i === 0
      ? t('applications.form.applicantLegend', { name })
      : name === ''
        ? t('applications.form.memberLegend', { n: i + 1 })
        : t('applications.form.memberLegendNamed', { n: i + 1, name });
  const shownName = name === '' ? t('applications.form.memberLegend', { n: i + 1 }) : name;
  const date = (
    field: 'prisonReleasedOn' | 'youthInstitutionReleasedOn' | 'leaseTerminatedMisconductOn' | 'partnerSince',
  ) => (
    <DateField
      id={memberId(i, field)}
      label={memberFieldLabel(t, field)}
      hint={t(`applications.form.member.${field}Hint`)}
      value={member[field]}
      onChange={(event) => set(field, event.target.value)}
      error={fieldMessage(memberPath(i, field))}
    />
  );
  return (
    <div className="application-member">
      <fieldset>
        <legend>
          <h3>{legend}</h3>
        </legend>
        {i === 0 ? (
          <p>{t('applications.form.applicantRole')}</p>
        ) : (
          <SelectField
            id={memberId(i, 'role')}
            label={memberFieldLabel(t, 'role')}
            placeholder={t('applications.form.member.rolePlaceholder')}
            options={MEMBER_ROLES.filter((r) => r !== 'applicant').map((r) => ({
              value: r,
              label: t(`allocation.memberRoles.${r}`),
            }))}
            value={member.role}
            onChange={(event) => set('role', event.target.value)}
            error={fieldMessage(memberPath(i, 'role'))}
          />
        )}
        <TextField
          id={memberId(i, 'name')}
          label={memberFieldLabel(t, 'name')}
          autoComplete="off"
          value={member.name}
          onChange={(event) => set('name', event.target.value)}
          error={fieldMessage(memberPath(i, 'name'))}
          widthClass="input-width-l"
        />
        <DateField
          id={memberId(i, 'birthDate')}
          label={memberFieldLabel(t, 'birthDate')}
          value={member.birthDate}
          onChange={(event) => set('birthDate', event.target.value)}
          error={fieldMessage(memberPath(i, 'birthDate'))}
        />
        <SelectField
          id={memberId(i, 'citizenship')}
          label={memberFieldLabel(t, 'citizenship')}
          hint={t('applications.form.member.citizenshipHint')}
          placeholder={t('applications.form.member.citizenshipPlaceholder')}
          options={CITIZENSHIPS.map((c) => ({ value: c, label: t(`allocation.citizenships.${c}`) }))}
          value={member.citizenship}
          onChange={(event) => set('citizenship', event.target.value)}
          error={fieldMessage(memberPath(i, 'citizenship'))}
        />
        <div className="form-group">
          <CheckboxField
            id={memberId(i, 'student')}
            label={memberFieldLabel(t, 'student')}
            hint={t('applications.form.member.studentHint')}
            checked={member.student}
            onChange={(event) => set('student', event.target.checked)}
          />
        </div>
        {member.role === 'partner' ? date('partnerSince') : null}
        <fieldset className="mt-6">
          <legend>
            <h4>{t('applications.form.criteriaHeading')}</h4>
          </legend>
          <p className="form-hint">{t('applications.form.criteriaIntro')}</p>
          {date('prisonReleasedOn')}
          {date('youthInstitutionReleasedOn')}
          {date('leaseTerminatedMisconductOn')}
        </fieldset>
        <fieldset className="mt-6">
          <legend>
            <h4>{t('applications.form.benefitsHeading')}</h4>
          </legend>
          <p className="form-hint">{t('applications.form.benefitsIntro')}</p>
          {fieldMessage(`members.${i}.benefits`) ? (
            <p className="form-error-message">
              <span className="sr-only">{t('form.errorPrefix')} </span>
              {fieldMessage(`members.${i}.benefits`)}
            </p>
          ) : null}
          {member.benefits.length === 0 ? <p>{t('applications.form.noBenefits')}</p> : null}
          {member.benefits.map((benefit, j) => (
            <BenefitFields
              key={benefit.key}
              memberIndex={i}
              index={j}
              benefit={benefit}
              memberName={shownName}
              onChange={(next) =>
                onChange({ ...member, benefits: member.benefits.map((b, k) => (k === j ? next : b)) })
              }
              onRemove={() => onRemoveBenefit(j)}
              fieldMessage={fieldMessage}
            />
          ))}
          <div className="mt-4">
            <button
              type="button"
              id={addBenefitId(i)}
              className="button button-secondary"
              onClick={onAddBenefit}
            >
              {t('applications.form.addBenefit')}
              <span className="sr-only"> {t('applications.form.forMember', { name: shownName })}</span>
            </button>
          </div>
        </fieldset>
        {i > 0 ? (
          <div className="mt-6">
            <button type="button" className="button button-secondary" onClick={onRemove}>
              {t('applications.form.removeMember')}
              <span className="sr-only"> {shownName}</span>
            </button>
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}

function DepartmentChoices({
  departments,
  values,
  onChange,
  fieldMessage,
}: {
  departments: Department[];
  values: ApplicationValues;
  onChange: (wished: string[], excluded: string[]) => void;
  fieldMessage: FieldMessage;
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
        <CheckboxGroup
          id="application-wished"
          legend={t('applications.form.wished')}
          hint={t('applications.form.wishedHint')}
          options={options}
          values={values.wishedDepartmentIds}
          // A department is wished or excluded, never both.
          onChange={(wished) =>
            onChange(
              wished,
              values.excludedDepartmentIds.filter((id) => !wished.includes(id)),
            )
          }
          error={fieldMessage('wishedDepartmentIds')}
        />
      </div>
      <div className="col-12 col-md-6">
        <CheckboxGroup
          id="application-excluded"
          legend={t('applications.form.excluded')}
          hint={t('applications.form.excludedHint')}
          options={options}
          values={values.excludedDepartmentIds}
          onChange={(excluded) =>
            onChange(
              values.wishedDepartmentIds.filter((id) => !excluded.includes(id)),
              excluded,
            )
          }
          error={fieldMessage('excludedDepartmentIds')}
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
  const [values, setValues] = useState(initial);
  const [existing, setExisting] = useState<{ error: unknown; id: string | null } | null>(null);
  const focusNext = useRef<string | null>(null);
  const departmentList = departments.data?.items ?? [];
  const fieldMap = applicationFieldMap(t, values, departmentList);
  const form = useFormProblems('applications.form', fieldMap);

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const set = <K extends keyof ApplicationValues>(key: K, value: ApplicationValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const setMember = (i: number, member: MemberValues) =>
    setValues((v) => ({ ...v, members: v.members.map((m, k) => (k === i ? member : m)) }));

  const addMember = () => {
    focusNext.current = memberId(values.members.length, 'role');
    setValues((v) => ({ ...v, members: [...v.members, emptyMember()] }));
  };
  const removeMember = (i: number) => {
    // The problems name people by position; after a removal they would point at the wrong one.
    form.clear();
    focusNext.current = ADD_MEMBER_ID;
    setValues((v) => ({ ...v, members: v.members.filter((_m, k) => k !== i) }));
  };
  const addBenefit = (i: number) => {
    focusNext.current = benefitId(i, values.members[i]?.benefits.length ?? 0, 'benefit');
    setValues((v) => ({
      ...v,
      members: v.members.map((m, k) => (k === i ? { ...m, benefits: [...m.benefits, emptyBenefit()] } : m)),
    }));
  };
  const removeBenefit = (i: number, j: number) => {
    form.clear();
    focusNext.current = addBenefitId(i);
    setValues((v) => ({
      ...v,
      members: v.members.map((m, k) =>
        k === i ? { ...m, benefits: m.benefits.filter((_b, l) => l !== j) } : m,
      ),
    }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setExisting(null);
    const { input, problems } = readApplication(values, citizenId);
    if (!input) {
      form.report({ fields: problems, error: null });
      return;
    }
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
        form.reportError(mapFieldErrors(error, toFormField(fieldMap)));
      },
    });
  };

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
            id="application-area"
            name="application-area"
            legend={t('applications.form.area')}
            hint={t('applications.form.areaHint')}
            options={CASEWORKER_AREAS.map((a) => ({ value: a, label: t(`allocation.areas.${a}`) }))}
            value={values.area}
            onChange={(value) => set('area', value)}
            error={form.fieldMessage('area')}
          />
          <CheckboxGroup
            id="application-target-grounds"
            legend={t('applications.form.targetGrounds')}
            hint={t('applications.form.targetGroundsHint')}
            options={TARGET_GROUNDS.map((g) => ({ value: g, label: t(`allocation.targetGrounds.${g}`) }))}
            values={values.targetGrounds}
            onChange={(grounds) => set('targetGrounds', grounds)}
            error={form.fieldMessage('targetGrounds')}
          />
          <TextAreaField
            id="application-justification"
            label={t('applications.form.justification')}
            hint={t('applications.form.justificationHint')}
            rows={6}
            value={values.justification}
            onChange={(event) => set('justification', event.target.value)}
            error={form.fieldMessage('justification')}
          />
        </fieldset>

        <fieldset className="mt-8">
          <legend>
            <h2>{t('applications.form.householdHeading')}</h2>
          </legend>
          <p>{t('applications.form.householdIntro')}</p>
          {values.members.map((member, i) => (
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
            <div className="col-12 col-md-6">
              <TextField
                id="application-rooms-min"
                label={t('applications.form.roomsMin')}
                inputMode="numeric"
                autoComplete="off"
                value={values.roomsMin}
                onChange={(event) => set('roomsMin', event.target.value)}
                error={form.fieldMessage('roomsMin')}
                widthClass="input-width-xs"
              />
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="application-rooms-max"
                label={t('applications.form.roomsMax')}
                hint={t('applications.form.roomsMaxHint')}
                inputMode="numeric"
                autoComplete="off"
                value={values.roomsMax}
                onChange={(event) => set('roomsMax', event.target.value)}
                error={form.fieldMessage('roomsMax')}
                widthClass="input-width-xs"
              />
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="application-income"
                label={t('applications.form.monthlyIncome')}
                hint={t('applications.form.monthlyIncomeHint')}
                inputMode="decimal"
                autoComplete="off"
                value={values.monthlyIncome}
                onChange={(event) => set('monthlyIncome', event.target.value)}
                error={form.fieldMessage('monthlyIncome')}
                widthClass="input-width-s"
              />
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="application-fixed-costs"
                label={t('applications.form.fixedCosts')}
                hint={t('applications.form.fixedCostsHint')}
                inputMode="decimal"
                autoComplete="off"
                value={values.fixedCosts}
                onChange={(event) => set('fixedCosts', event.target.value)}
                error={form.fieldMessage('fixedCosts')}
                widthClass="input-width-s"
              />
            </div>
          </div>
          <MaxRentHint values={values} />
          <div className="form-group">
            <CheckboxField
              id="application-accessible"
              label={t('applications.form.accessibleNeed')}
              hint={t('applications.form.accessibleNeedHint')}
              checked={values.accessibleNeed}
              onChange={(event) => set('accessibleNeed', event.target.checked)}
            />
          </div>
        </fieldset>

        <fieldset className="mt-8">
          <legend>
            <h2>{t('applications.form.wishesHeading')}</h2>
          </legend>
          <p>{t('applications.form.wishesIntro')}</p>
          {departments.isPending ? <Loading announce={false} /> : null}
          {departments.isError ? (
            <Alert variant="error" headingLevel={3}>
              <p>{errorMessage(t, departments.error)}</p>
            </Alert>
          ) : null}
          {departments.data ? (
            <DepartmentChoices
              departments={departmentList}
              values={values}
              onChange={(wished, excluded) =>
                setValues((v) => ({ ...v, wishedDepartmentIds: wished, excludedDepartmentIds: excluded }))
              }
              fieldMessage={form.fieldMessage}
            />
          ) : null}
        </fieldset>

        <fieldset className="mt-8">
          <legend>
            <h2>{t('applications.form.youthHeading')}</h2>
          </legend>
          <div className="form-group">
            <CheckboxField
              id="application-youth-wish"
              label={t('applications.form.youthWish')}
              hint={t('applications.form.youthWishHint')}
              checked={values.youthWish}
              onChange={(event) => set('youthWish', event.target.checked)}
            />
          </div>
          {values.youthWish ? (
            <CheckboxGroup
              id="application-youth-grounds"
              legend={t('applications.form.youthGrounds')}
              hint={t('applications.form.youthGroundsHint')}
              options={(['inEducation', 'educationPlanned', 'youthSpecialNeed'] as const).map((key) => ({
                value: key,
                label: t(`applications.form.${key}`),
              }))}
              values={(['inEducation', 'educationPlanned', 'youthSpecialNeed'] as const).filter(
                (key) => values[key],
              )}
              onChange={(chosen) =>
                setValues((v) => ({
                  ...v,
                  inEducation: chosen.includes('inEducation'),
                  educationPlanned: chosen.includes('educationPlanned'),
                  youthSpecialNeed: chosen.includes('youthSpecialNeed'),
                }))
              }
              error={form.fieldMessage('inEducation') ?? form.fieldMessage('youthSpecialNeed')}
            />
          ) : null}
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
