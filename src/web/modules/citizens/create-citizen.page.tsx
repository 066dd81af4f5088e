import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, type FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { optionalText, readDate } from '../../components/read-field';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { hasPermission, useSession } from '../../session';
import { isKommunekode, readCpr } from './citizen-format';
import { type CreateCitizenInput, SEXES, type Sex, useCreateCitizen } from './citizens.api';
import {
  EpisodeFields,
  type EpisodeValues,
  emptyEpisode,
  episodeFieldMap,
  readEpisode,
} from './episode-fields';

/** What the citizen page shows after a registration (passed as router state). */
export interface RegisteredState {
  registered: true;
  duplicates: { id: string; name: string | null; birthDate: string }[];
}

const EMPTY_FORM = {
  cpr: '',
  birthDate: '',
  sex: '',
  initials: '',
  givenName: '',
  familyName: '',
  phone: '',
  email: '',
  address: '',
  handlekommune: '',
};

type FormValues = typeof EMPTY_FORM;

function readForm(values: FormValues & EpisodeValues, withNote: boolean) {
  const problems: FieldError[] = [];
  const cpr = readCpr(values.cpr, 'cpr', problems);
  const noCpr = values.cpr.trim() === '';
  // As the server decides (resolveIdentity): without a CPR number the birth date and initials
  // identify the person; with one, a name or initials must still say who it is.
  const birthDate = readDate(values.birthDate, 'birthDate', problems, noCpr);
  const named = [values.givenName, values.familyName, values.initials].some((v) => v.trim() !== '');
  if (noCpr && values.initials.trim() === '') problems.push({ path: 'initials', code: 'required' });
  if (!noCpr && !named) problems.push({ path: 'familyName', code: 'required' });
  const handlekommune = optionalText(values.handlekommune);
  if (handlekommune !== undefined && !isKommunekode(handlekommune)) {
    problems.push({ path: 'handlekommune', code: 'kommunekode' });
  }
  const email = optionalText(values.email);
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email))
    problems.push({ path: 'email', code: 'email' });
  const firstEpisode =
    values.situation === '' ? undefined : readEpisode(values, 'firstEpisode.', problems, withNote);

  const input: CreateCitizenInput = {};
  if (cpr !== undefined) input.cpr = cpr;
  if (birthDate !== undefined) input.birthDate = birthDate;
  if (values.sex !== '') input.sex = values.sex as Sex;
  for (const key of ['initials', 'givenName', 'familyName', 'phone', 'address'] as const) {
    const text = optionalText(values[key]);
    if (text !== undefined) input[key] = text;
  }
  if (email !== undefined) input.email = email;
  if (handlekommune !== undefined) input.handlekommune = handlekommune;
  if (firstEpisode !== undefined) input.firstEpisode = firstEpisode;
  return { input, problems };
}

/** /borgere/ny: register a citizen, with or without a CPR number, and where they stay now. */
export function CreateCitizenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useSession().data?.user;
  const withNote = hasPermission(user, 'citizens.sensitive');
  const create = useCreateCitizen();
  const [existingId, setExistingId] = useState<string | null>(null);
  const form = useForm({
    formKey: 'createCitizen',
    // The first episode's values sit beside the citizen's; its problems under `firstEpisode.`.
    initial: (): FormValues & EpisodeValues => ({ ...EMPTY_FORM, ...emptyEpisode() }),
    fields: {
      cpr: { id: 'citizen-cpr', label: t('citizen.fields.cpr') },
      birthDate: { id: 'citizen-birth-date', label: t('citizen.fields.birthDate') },
      sex: { id: 'citizen-sex', label: t('citizen.fields.sex') },
      initials: { id: 'citizen-initials', label: t('citizen.fields.initials') },
      givenName: { id: 'citizen-given-name', label: t('citizen.fields.givenName') },
      familyName: { id: 'citizen-family-name', label: t('citizen.fields.familyName') },
      phone: { id: 'citizen-phone', label: t('citizen.fields.phone') },
      email: { id: 'citizen-email', label: t('citizen.fields.email') },
      address: { id: 'citizen-address', label: t('citizen.fields.address') },
      handlekommune: { id: 'citizen-handlekommune', label: t('citizen.fields.handlekommune') },
      ...episodeFieldMap(t, 'citizen-episode', 'firstEpisode.', withNote),
    },
  });
  const { values } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    setExistingId(null);
    const { input, problems } = readForm(values, withNote);
    if (form.failed(problems)) return;
    create.mutate(input, {
      onSuccess: (created) => {
        form.clear();
        const state: RegisteredState = { registered: true, duplicates: created.duplicates ?? [] };
        void navigate(`/borgere/${encodeURIComponent(created.id)}`, { state });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'CITIZEN_CPR_EXISTS') {
          const citizenId = error.params.citizenId;
          setExistingId(typeof citizenId === 'string' ? citizenId : null);
          form.report({ fields: [{ path: 'cpr', code: 'cpr_exists' }], error: null });
          return;
        }
        form.reportError(error);
      },
    });
  };

  const text = (
    key: keyof FormValues,
    options: { autoComplete?: string; type?: string; hint?: string; widthClass?: string } = {},
  ) => (
    <TextField
      {...form.field(key)}
      hint={options.hint}
      type={options.type}
      autoComplete={options.autoComplete ?? 'off'}
      widthClass={options.widthClass ?? 'input-width-l'}
    />
  );

  return (
    <Page title={t('createCitizen.title')}>
      <p className="font-lead">{t('createCitizen.intro')}</p>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      {existingId ? (
        <Alert variant="info">
          <p>
            <Link to={`/borgere/${encodeURIComponent(existingId)}`}>{t('createCitizen.existingLink')}</Link>
          </p>
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>
            <h2>{t('createCitizen.identity')}</h2>
          </legend>
          <TextField
            {...form.field('cpr')}
            hint={t('createCitizen.cprHint')}
            autoComplete="off"
            spellCheck={false}
            widthClass="input-width-s"
          />
          <DateField {...form.field('birthDate')} />
          <SelectField
            {...form.field('sex')}
            placeholder={t('createCitizen.sexPlaceholder')}
            options={SEXES.map((s) => ({ value: s, label: t(`sexes.${s}`) }))}
          />
          {text('initials', { widthClass: 'input-width-xs' })}
          {text('givenName')}
          {text('familyName')}
        </fieldset>
        <fieldset>
          <legend>
            <h2>{t('createCitizen.contact')}</h2>
          </legend>
          {text('phone', { type: 'tel', widthClass: 'input-width-m' })}
          {text('email', { type: 'email', widthClass: 'input-width-xl' })}
          {text('address', { widthClass: 'input-width-xl' })}
          {text('handlekommune', {
            hint: t('citizen.fields.handlekommuneHint'),
            widthClass: 'input-width-xs',
          })}
        </fieldset>
        <fieldset>
          <legend>
            <h2>{t('createCitizen.whereabouts')}</h2>
          </legend>
          <p>{t('createCitizen.whereaboutsIntro')}</p>
          <EpisodeFields
            form={form}
            pathPrefix="firstEpisode."
            withNote={withNote}
            situationPlaceholder={t('createCitizen.noSituation')}
          />
        </fieldset>
        <div className="button-group mt-6">
          <button type="submit" className="button button-primary">
            {t('createCitizen.submit')}
          </button>
          <Link to="/borgere" className="button button-secondary">
            {t('createCitizen.cancel')}
          </Link>
        </div>
        {create.isPending ? <Loading text={t('createCitizen.saving')} /> : null}
      </form>
    </Page>
  );
}
