import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  type EpisodeProblem,
  episodeProblems,
  SITUATIONS,
  type Situation,
} from '../../../shared/citizens/whereabouts';
import type { FieldError } from '../../api';
import { DateField } from '../../components/date-field';
import type { FieldMap } from '../../components/form-problems';
import { RadioGroup } from '../../components/radio-group';
import { notInFuture, optionalText, readDate } from '../../components/read-field';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import type { BindOptions, BoundField, BoundRadio } from '../../components/use-form';
import { type YesNo, yesNoOptions, yesNoToBoolean } from '../../components/yes-no';
import { todayText } from '../../i18n/format';
import type { EpisodeInput } from './citizens.api';

/** What the episode form holds while the user types. */
export interface EpisodeValues {
  situation: string;
  fromDate: string;
  releaseDate: string;
  housingSolution: YesNo;
  hasContract: YesNo;
  temporary: YesNo;
  becauseOfHomelessness: YesNo;
  note: string;
}

/** An empty episode form; the from-date starts as today. */
export function emptyEpisode(): EpisodeValues {
  return {
    situation: '',
    fromDate: todayText(),
    releaseDate: '',
    housingSolution: '',
    hasContract: '',
    temporary: '',
    becauseOfHomelessness: '',
    note: '',
  };
}

const needsRelease = (s: string) => s === 'prison' || s === 'hospital';

/** The field each VIVE rule problem belongs to. */
const PROBLEM_FIELD: Record<EpisodeProblem, keyof EpisodeInput> = {
  release_date_required: 'releaseDate',
  release_before_from: 'releaseDate',
  housing_solution_required: 'housingSolution',
  family_with_contract: 'hasContract',
  family_not_temporary: 'temporary',
  hotel_not_homelessness: 'becauseOfHomelessness',
};

const isSituation = (value: string): value is Situation => (SITUATIONS as readonly string[]).includes(value);

/**
 * Reads the form into a request body, checking the VIVE rules (domain.md rules 2–4) with the same
 * shared code the server runs, so the user learns at once what makes a stay count or not.
 */
export function readEpisode(
  values: EpisodeValues,
  pathPrefix: string,
  problems: FieldError[],
  withNote: boolean,
): EpisodeInput | undefined {
  const path = (field: string) => `${pathPrefix}${field}`;
  const before = problems.length;
  if (!isSituation(values.situation)) problems.push({ path: path('situation'), code: 'required' });
  const fromDate = readDate(values.fromDate, path('fromDate'), problems, true);
  notInFuture(fromDate, path('fromDate'), problems);
  const releaseDate = needsRelease(values.situation)
    ? readDate(values.releaseDate, path('releaseDate'), problems)
    : undefined;
  if (values.situation === 'hotel' && values.becauseOfHomelessness === '') {
    problems.push({ path: path('becauseOfHomelessness'), code: 'required' });
  }
  if (!isSituation(values.situation) || fromDate === undefined) return undefined;

  const input: EpisodeInput = { situation: values.situation, fromDate };
  if (needsRelease(values.situation)) {
    input.releaseDate = releaseDate ?? null;
    input.housingSolution = yesNoToBoolean(values.housingSolution);
  }
  if (values.situation === 'family_friends') {
    input.hasContract = yesNoToBoolean(values.hasContract);
    input.temporary = yesNoToBoolean(values.temporary);
  }
  if (values.situation === 'hotel')
    input.becauseOfHomelessness = yesNoToBoolean(values.becauseOfHomelessness);
  const note = withNote ? optionalText(values.note) : undefined;
  if (note !== undefined) input.note = note;

  const taken = new Set(problems.slice(before).map((p) => p.path));
  // A release date that could not be read is already reported; do not also call it missing.
  const releaseUnreadable = values.releaseDate.trim() !== '' && releaseDate === undefined;
  for (const problem of episodeProblems(input)) {
    const field = path(PROBLEM_FIELD[problem]);
    if (taken.has(field) || (problem === 'release_date_required' && releaseUnreadable)) continue;
    problems.push({ path: field, code: problem });
  }
  return problems.length > before ? undefined : input;
}

/** Ids and labels of the episode fields, for an error summary. */
export function episodeFieldMap(
  t: TFunction,
  idPrefix: string,
  pathPrefix: string,
  withNote: boolean,
): FieldMap {
  const map: FieldMap = {
    [`${pathPrefix}situation`]: { id: `${idPrefix}-situation`, label: t('episode.situation') },
    [`${pathPrefix}fromDate`]: { id: `${idPrefix}-from`, label: t('episode.fromDate') },
    [`${pathPrefix}releaseDate`]: { id: `${idPrefix}-release`, label: t('episode.releaseDate') },
    [`${pathPrefix}housingSolution`]: { id: `${idPrefix}-housing`, label: t('episode.housingSolution') },
    [`${pathPrefix}hasContract`]: { id: `${idPrefix}-contract`, label: t('episode.hasContract') },
    [`${pathPrefix}temporary`]: { id: `${idPrefix}-temporary`, label: t('episode.temporary') },
    [`${pathPrefix}becauseOfHomelessness`]: {
      id: `${idPrefix}-because`,
      label: t('episode.becauseOfHomelessness'),
    },
  };
  if (withNote) map[`${pathPrefix}note`] = { id: `${idPrefix}-note`, label: t('episode.note') };
  return map;
}

type EpisodeYesNo = 'housingSolution' | 'hasContract' | 'temporary' | 'becauseOfHomelessness';

/**
 * What {@link EpisodeFields} needs of a `useForm` whose values include {@link EpisodeValues} and
 * whose `fields` include {@link episodeFieldMap} (the ids and labels come from there).
 */
export interface EpisodeForm {
  values: EpisodeValues;
  field: (name: 'situation' | 'fromDate' | 'releaseDate' | 'note', options?: BindOptions) => BoundField;
  radio: (name: EpisodeYesNo, options?: BindOptions) => BoundRadio;
}

/** Props of {@link EpisodeFields}. */
export interface EpisodeFieldsProps {
  form: EpisodeForm;
  /** Where the episode sits in the request (`firstEpisode.`), as in {@link episodeFieldMap}. */
  pathPrefix: string;
  /** Show the free-text note (only for users who may read notes). */
  withNote: boolean;
  /** Placeholder of the situation select; on the registration form the episode is optional. */
  situationPlaceholder: string;
}

/**
 * The whereabouts fields: the situation, and only the questions that decide whether that situation
 * counts as homelessness (release date and housing solution for prison and hospital, contract and
 * temporariness for family/friends, the reason for a hotel stay).
 */
export function EpisodeFields({ form, pathPrefix, withNote, situationPlaceholder }: EpisodeFieldsProps) {
  const { t } = useTranslation();
  const at = (field: string) => ({ path: `${pathPrefix}${field}` });
  const situation = form.values.situation;
  const yesNo = (key: EpisodeYesNo) => (
    <RadioGroup
      {...form.radio(key, at(key))}
      hint={t(`episode.${key}Hint`)}
      options={yesNoOptions(t)}
      inline
    />
  );

  return (
    <>
      <SelectField
        {...form.field('situation', at('situation'))}
        hint={t('episode.situationHint')}
        placeholder={situationPlaceholder}
        options={SITUATIONS.map((s) => ({ value: s, label: t(`situations.${s}`) }))}
      />
      {needsRelease(situation) ? (
        <>
          <DateField {...form.field('releaseDate', at('releaseDate'))} hint={t('episode.releaseDateHint')} />
          {yesNo('housingSolution')}
        </>
      ) : null}
      {situation === 'family_friends' ? (
        <>
          {yesNo('hasContract')}
          {yesNo('temporary')}
        </>
      ) : null}
      {situation === 'hotel' ? yesNo('becauseOfHomelessness') : null}
      <DateField {...form.field('fromDate', at('fromDate'))} />
      {withNote ? <TextAreaField {...form.field('note', at('note'))} hint={t('episode.noteHint')} /> : null}
    </>
  );
}
