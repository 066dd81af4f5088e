/**
 * The application form's values as typed, the ids and request paths of its fields, and reading it
 * for a request as the server will check it.
 */
import type { TFunction } from 'i18next';
import type { ApplicationDetail, ApplicationInput, MemberInput } from '../../../shared/allocation/api';
import type {
  Benefit,
  CaseworkerArea,
  Citizenship,
  MemberRole,
  TargetGround,
} from '../../../shared/allocation/model';
import type { FieldError } from '../../api';
import type { FieldMap } from '../../components/form-problems';
import { type NumberKind, notInFuture, RANGE_CODE, readDate, readNumber } from '../../components/read-field';
import { formatInput, isoToDanishDate } from '../../i18n/format';
import type { CitizenDetail } from '../citizens';
import type { Department } from '../housing';
import { checkboxId } from './application-format';

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

export function emptyBenefit(): BenefitValues {
  return { key: newKey(), benefit: '', from: '', to: '', ongoing: false };
}

export function emptyMember(role = ''): MemberValues {
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

/** The form's own answers, without the household. */
export type ApplicationAnswers = Omit<ApplicationValues, 'members'>;

export const EMPTY_VALUES: ApplicationAnswers = {
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

export const MEMBER_FIELDS = [
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
export type MemberField = (typeof MEMBER_FIELDS)[number];
export const BENEFIT_FIELDS = ['benefit', 'from', 'to'] as const;
export type BenefitField = (typeof BENEFIT_FIELDS)[number];

const kebab = (text: string) => text.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const memberId = (i: number, field: MemberField) => `application-member-${i}-${kebab(field)}`;
export const memberPath = (i: number, field: MemberField) => `members.${i}.${field}`;
export const benefitId = (i: number, j: number, field: BenefitField) =>
  `application-member-${i}-benefit-${j}-${field}`;
export const benefitPath = (i: number, j: number, field: BenefitField) =>
  `members.${i}.benefits.${j}.${field}`;
export const ADD_MEMBER_ID = 'application-add-member';
export const addBenefitId = (i: number) => `application-member-${i}-add-benefit`;

/** The kind of each number field, for its message when the server finds it out of range. */
const NUMBER_KINDS: Record<string, NumberKind> = {
  roomsMin: 'positiveCount',
  roomsMax: 'positiveCount',
  monthlyIncome: 'kroner',
  fixedCosts: 'kroner',
};

export function memberFieldLabel(t: TFunction, field: MemberField): string {
  return t(`applications.form.member.${field}`);
}

export function benefitFieldLabel(t: TFunction, field: BenefitField): string {
  return t(`applications.form.benefit.${field}`);
}

/** Every field of the form: its request path → input id and a label that names the person. */
export function applicationFieldMap(
  t: TFunction,
  members: readonly MemberValues[],
  departments: Department[],
): FieldMap {
  const firstDepartment = departments[0]?.id ?? '';
  const map: FieldMap = {
    citizenId: { id: 'application-area', label: t('applications.form.citizen') },
    area: { id: 'application-area', label: t('applications.form.area') },
    targetGrounds: { id: 'application-target-grounds', label: t('applications.form.targetGrounds') },
    justification: { id: 'application-justification', label: t('applications.form.justification') },
    members: { id: memberId(0, 'name'), label: t('applications.form.householdHeading') },
  };
  members.forEach((member, i) => {
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
export function toFormField(map: FieldMap) {
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
export function readApplication(
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
