import { type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { VIVE_SITUATIONS } from '../../../shared/citizens/whereabouts';
import type { RegistrationAnswers } from '../../../shared/count/api';
import { ANSWERS, CAUSES, CITIZENSHIPS, DURATIONS, INCOME_SOURCES, SEXES } from '../../../shared/count/model';
import { type FieldError, settle } from '../../api';
import { CheckboxField } from '../../components/checkbox-field';
import { CheckboxGroup } from '../../components/checkbox-group';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import type { Notice } from '../../components/notice-area';
import { RadioGroup } from '../../components/radio-group';
import { notInFuture, readDate } from '../../components/read-field';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { isoToDanishDate } from '../../i18n/format';
import {
  type CountCandidate,
  type CountRegistration,
  type RegistrationInput,
  useRegister,
  useUpdateRegistration,
} from './count.api';

/** Limits of the server's schema (count.schema.ts). */
const MAX_INITIALS = 10;
const MAX_UNITS = 20;
const MAX_UNIT = 120;
const MAX_NOTE = 2000;

/** Whom the form registers: a person of the list, a registration to correct, or someone not on the list. */
export type RegistrationTarget =
  | { kind: 'candidate'; candidate: CountCandidate }
  | { kind: 'edit'; registration: CountRegistration }
  | { kind: 'new' };

interface Values {
  initials: string;
  birthDate: string;
  sex: string;
  situation: string;
  duration: string;
  causes: string[];
  onHousingList: string;
  hasActionPlan: string;
  supportReceived: string;
  incomeSource: string;
  citizenship: string;
  migrantWithoutResidence: boolean;
  units: string;
  note: string;
}

const EMPTY: Values = {
  initials: '',
  birthDate: '',
  sex: '',
  situation: '',
  duration: '',
  causes: [],
  onHousingList: '',
  hasActionPlan: '',
  supportReceived: '',
  incomeSource: '',
  citizenship: '',
  migrantWithoutResidence: false,
  units: '',
  note: '',
};

/** The form's values of known answers (a prefill of the list, or a registration to correct). */
function valuesOf(answers: RegistrationAnswers, identity: { initials: string | null; birthDate: string }) {
  return {
    initials: identity.initials ?? '',
    birthDate: isoToDanishDate(identity.birthDate),
    sex: answers.sex,
    situation: answers.situation,
    duration: answers.duration,
    causes: [...answers.causes],
    onHousingList: answers.onHousingList,
    hasActionPlan: answers.hasActionPlan,
    supportReceived: answers.supportReceived,
    incomeSource: answers.incomeSource,
    citizenship: answers.citizenship,
    migrantWithoutResidence: answers.migrantWithoutResidence,
    units: answers.units.join('\n'),
    note: answers.note ?? '',
  };
}

function initialValues(target: RegistrationTarget): Values {
  if (target.kind === 'candidate') return valuesOf(target.candidate.prefill, target.candidate);
  if (target.kind === 'edit') return valuesOf(target.registration, target.registration);
  return EMPTY;
}

/** One of the listed values, or undefined (then the field is reported as required). */
function chosen<T extends string>(list: readonly T[], value: string): T | undefined {
  return list.find((v) => v === value);
}

/** Whom the target names, as the heading and the success notice say it. */
export function targetName(target: RegistrationTarget): string | null {
  if (target.kind === 'candidate') return target.candidate.name ?? target.candidate.initials;
  if (target.kind === 'edit') return target.registration.name ?? target.registration.initials;
  return null;
}

/**
 * VIVE's person form for one person of the count (issue 18 §1): the answers the server's schema
 * accepts, every list with its explicit "unknown". A person of the by-name list is named by the
 * list (the citizen); anyone else by initials and birth date, counted once (rule 6).
 */
export function RegistrationForm({
  year,
  target,
  onDone,
  onCancel,
}: {
  year: number;
  target: RegistrationTarget;
  onDone: (notice: Notice) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const register = useRegister();
  const update = useUpdateRegistration();
  const busy = register.isPending || update.isPending;
  const key =
    target.kind === 'candidate'
      ? `c-${target.candidate.citizenId}`
      : target.kind === 'edit'
        ? `r-${target.registration.id}`
        : 'new';
  const id = (name: string) => `count-${key}-${name}`;
  const label = (name: string) => t(`count.form.${name}`);
  const fieldNames = [
    'initials',
    'birthDate',
    'sex',
    'situation',
    'duration',
    'causes',
    'onHousingList',
    'hasActionPlan',
    'supportReceived',
    'incomeSource',
    'citizenship',
    'migrantWithoutResidence',
    'units',
    'note',
  ] as const;
  const form = useForm<Values>({
    formKey: 'count.form',
    initial: () => initialValues(target),
    fields: Object.fromEntries(fieldNames.map((n) => [n, { id: id(n), label: label(n) }])),
  });
  // A person of the by-name list is the citizen: the list names them, not initials typed here.
  const byList =
    target.kind === 'candidate' || (target.kind === 'edit' && target.registration.citizenId !== null);
  const { values } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems: FieldError[] = [];
    let identity: Pick<RegistrationInput, 'citizenId' | 'initials' | 'birthDate'> = {};
    if (target.kind === 'candidate') identity = { citizenId: target.candidate.citizenId };
    else if (!byList) {
      const initials = values.initials.trim();
      if (initials === '') problems.push({ path: 'initials', code: 'required' });
      else if (initials.length > MAX_INITIALS) problems.push({ path: 'initials', code: 'too_long' });
      const birthDate = readDate(values.birthDate, 'birthDate', problems, true);
      notInFuture(birthDate, 'birthDate', problems);
      identity = { initials, birthDate: birthDate ?? null };
    }
    const answers = {
      sex: chosen(SEXES, values.sex),
      situation: chosen(VIVE_SITUATIONS, values.situation),
      duration: chosen(DURATIONS, values.duration),
      onHousingList: chosen(ANSWERS, values.onHousingList),
      hasActionPlan: chosen(ANSWERS, values.hasActionPlan),
      supportReceived: chosen(ANSWERS, values.supportReceived),
      incomeSource: chosen(INCOME_SOURCES, values.incomeSource),
      citizenship: chosen(CITIZENSHIPS, values.citizenship),
    };
    for (const [path, value] of Object.entries(answers))
      if (value === undefined) problems.push({ path, code: 'required' });
    const units = [
      ...new Set(
        values.units
          .split('\n')
          .map((u) => u.trim())
          .filter(Boolean),
      ),
    ];
    if (units.length > MAX_UNITS) problems.push({ path: 'units', code: 'too_many' });
    else if (units.some((u) => u.length > MAX_UNIT)) problems.push({ path: 'units', code: 'too_long' });
    const note = values.note.trim();
    if (note.length > MAX_NOTE) problems.push({ path: 'note', code: 'too_long' });
    const {
      sex,
      situation,
      duration,
      onHousingList,
      hasActionPlan,
      supportReceived,
      incomeSource,
      citizenship,
    } = answers;
    if (
      form.failed(problems) ||
      !sex ||
      !situation ||
      !duration ||
      !onHousingList ||
      !hasActionPlan ||
      !supportReceived ||
      !incomeSource ||
      !citizenship
    )
      return;
    const input: RegistrationInput = {
      ...identity,
      sex,
      situation,
      duration,
      causes: CAUSES.filter((c) => values.causes.includes(c)),
      onHousingList,
      hasActionPlan,
      supportReceived,
      incomeSource,
      citizenship,
      migrantWithoutResidence: values.migrantWithoutResidence,
      units,
      note: note === '' ? null : note,
    };
    const name = targetName(target) ?? identity.initials ?? '';
    const handlers = {
      onSuccess: () => {
        form.clear();
        form.reset();
        onDone({
          kind: 'success',
          key: target.kind === 'edit' ? 'count.form.updated' : 'count.form.registered',
          params: { name },
        });
      },
      onError: form.reportError,
    };
    if (target.kind === 'edit') settle(update, { year, id: target.registration.id, input }, handlers);
    else settle(register, { year, input }, handlers);
  };

  const answerOptions = ANSWERS.map((a) => ({ value: a, label: t(`count.answers.${a}`) }));
  return (
    <>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        {byList ? (
          <p>
            {t('count.form.fromList')} <DateText value={birthDateOf(target)} />
          </p>
        ) : (
          <>
            <TextField
              {...form.field('initials')}
              hint={t('count.form.initialsHint')}
              widthClass="input-width-xs"
              autoComplete="off"
            />
            <DateField {...form.field('birthDate')} />
          </>
        )}
        <RadioGroup
          {...form.radio('sex')}
          options={SEXES.map((s) => ({ value: s, label: t(`count.sexes.${s}`) }))}
          inline
        />
        <SelectField
          {...form.field('situation')}
          placeholder={t('count.form.choose')}
          hint={t('count.form.situationHint')}
          options={VIVE_SITUATIONS.map((s) => ({ value: s, label: t(`count.situations.${s}`) }))}
        />
        <RadioGroup
          {...form.radio('duration')}
          options={DURATIONS.map((d) => ({ value: d, label: t(`count.durations.${d}`) }))}
        />
        <CheckboxGroup
          {...form.checkboxList('causes')}
          hint={t('count.form.causesHint')}
          options={CAUSES.map((c) => ({ value: c, label: t(`count.causes.${c}`) }))}
        />
        <RadioGroup {...form.radio('onHousingList')} options={answerOptions} inline />
        <RadioGroup {...form.radio('hasActionPlan')} options={answerOptions} inline />
        <RadioGroup {...form.radio('supportReceived')} options={answerOptions} inline />
        <SelectField
          {...form.field('incomeSource')}
          placeholder={t('count.form.choose')}
          options={INCOME_SOURCES.map((s) => ({ value: s, label: t(`count.incomeSources.${s}`) }))}
        />
        <RadioGroup
          {...form.radio('citizenship')}
          options={CITIZENSHIPS.map((c) => ({ value: c, label: t(`count.citizenships.${c}`) }))}
        />
        <div className="form-group">
          <CheckboxField {...form.checkbox('migrantWithoutResidence')} hint={t('count.form.migrantHint')} />
        </div>
        <TextAreaField {...form.field('units')} hint={t('count.form.unitsHint')} rows={3} />
        <TextAreaField {...form.field('note')} rows={3} />
        <button type="submit" className="button button-primary">
          {t(target.kind === 'edit' ? 'count.form.save' : 'count.form.submit')}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
        {busy ? <Loading text={t('common.saving')} /> : null}
      </form>
    </>
  );
}

function birthDateOf(target: RegistrationTarget): string | null {
  if (target.kind === 'candidate') return target.candidate.birthDate;
  if (target.kind === 'edit') return target.registration.birthDate;
  return null;
}

/** Moves focus to a heading when it first appears (the form opened by a row's button). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
