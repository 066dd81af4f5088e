/** The household part of the application form: each person with the facts the law tests, and their benefits. */
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BENEFITS, CITIZENSHIPS, MEMBER_ROLES } from '../../../shared/allocation/model';
import { CheckboxField } from '../../components/checkbox-field';
import { DateField } from '../../components/date-field';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import type { BoundCheckbox, BoundField } from '../../components/use-form';
import {
  addBenefitId,
  type BenefitField,
  type BenefitValues,
  benefitFieldLabel,
  benefitId,
  benefitPath,
  type MemberField,
  type MemberValues,
  memberFieldLabel,
  memberId,
  memberPath,
} from './application-values';

/** The message of the field at a request path, if it has a problem. */
export type FieldMessage = (path: string) => string | undefined;

type TextKeys<R> = { [K in keyof R]: R[K] extends string ? K : never }[keyof R];
type FlagKeys<R> = { [K in keyof R]: R[K] extends boolean ? K : never }[keyof R];
type InputChange = ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;

/**
 * Binds the fields of one row of a list (a person, a benefit) as `useForm` binds a form's: value,
 * onChange and the problem at the field's request path, with the input id and visible label.
 */
function rowBinder<R>(row: R, onChange: (row: R) => void, fieldMessage: FieldMessage) {
  return {
    field: (key: TextKeys<R>, id: string, label: string, path: string): BoundField => ({
      id,
      label,
      value: row[key] as string,
      onChange: (event: InputChange) => onChange({ ...row, [key]: event.target.value }),
      error: fieldMessage(path),
    }),
    checkbox: (key: FlagKeys<R>, id: string, label: string): BoundCheckbox => ({
      id,
      label,
      checked: row[key] as boolean,
      onChange: (event: ChangeEvent<HTMLInputElement>) => onChange({ ...row, [key]: event.target.checked }),
    }),
  };
}

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
  const bind = rowBinder(benefit, onChange, fieldMessage);
  const field = (name: BenefitField) =>
    bind.field(name, benefitId(i, j, name), benefitFieldLabel(t, name), benefitPath(i, j, name));
  const legend = t('applications.form.benefitLegend', { m: j + 1 });
  return (
    <div className="application-benefit">
      <fieldset>
        <legend className="form-label">{legend}</legend>
        <SelectField
          {...field('benefit')}
          placeholder={t('applications.form.benefit.placeholder')}
          options={BENEFITS.map((b) => ({ value: b, label: t(`allocation.benefits.${b}`) }))}
        />
        <DateField {...field('from')} />
        <div className="form-group">
          <CheckboxField
            {...bind.checkbox(
              'ongoing',
              `${benefitId(i, j, 'to')}-ongoing`,
              t('applications.form.benefit.ongoing'),
            )}
          />
        </div>
        {benefit.ongoing ? null : <DateField {...field('to')} />}
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

/** One person of the household, with their benefits. */
export function MemberFields({
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
  const bind = rowBinder(member, onChange, fieldMessage);
  const field = (name: Exclude<MemberField, 'student'>) =>
    bind.field(name, memberId(i, name), memberFieldLabel(t, name), memberPath(i, name));
  const name = member.name.trim();
  const legend =
    i === 0
      ? t('applications.form.applicantLegend', { name })
      : name === ''
        ? t('applications.form.memberLegend', { n: i + 1 })
        : t('applications.form.memberLegendNamed', { n: i + 1, name });
  const shownName = name === '' ? t('applications.form.memberLegend', { n: i + 1 }) : name;
  const date = (
    key: 'prisonReleasedOn' | 'youthInstitutionReleasedOn' | 'leaseTerminatedMisconductOn' | 'partnerSince',
  ) => <DateField {...field(key)} hint={t(`applications.form.member.${key}Hint`)} />;
  const benefitsProblem = fieldMessage(`members.${i}.benefits`);
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
            {...field('role')}
            placeholder={t('applications.form.member.rolePlaceholder')}
            options={MEMBER_ROLES.filter((r) => r !== 'applicant').map((r) => ({
              value: r,
              label: t(`allocation.memberRoles.${r}`),
            }))}
          />
        )}
        <TextField {...field('name')} autoComplete="off" widthClass="input-width-l" />
        <DateField {...field('birthDate')} />
        <SelectField
          {...field('citizenship')}
          hint={t('applications.form.member.citizenshipHint')}
          placeholder={t('applications.form.member.citizenshipPlaceholder')}
          options={CITIZENSHIPS.map((c) => ({ value: c, label: t(`allocation.citizenships.${c}`) }))}
        />
        <div className="form-group">
          <CheckboxField
            {...bind.checkbox('student', memberId(i, 'student'), memberFieldLabel(t, 'student'))}
            hint={t('applications.form.member.studentHint')}
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
          {benefitsProblem ? (
            <p className="form-error-message">
              <span className="sr-only">{t('form.errorPrefix')} </span>
              {benefitsProblem}
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
