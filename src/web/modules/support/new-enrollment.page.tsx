import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LEGAL_BASES, METHODS, type Method } from '../../../shared/support/model';
import { mayHavePlannedEnd } from '../../../shared/support/rules';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { RadioGroup } from '../../components/radio-group';
import { notInFuture, optionalText, readDate } from '../../components/read-field';
import { Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { formatDate, todayText } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import {
  enrollmentHref,
  useCitizenSearch,
  useCitizenToEnroll,
  useCreateEnrollment,
  useTeams,
  useWorkers,
} from './support.api';

/** Who an enrollment is for: "self", `worker:<id>` or `team:<id>`. */
function useAssignmentOptions(all: boolean) {
  const { t } = useTranslation();
  const workers = useWorkers();
  const teams = useTeams();
  const user = useSession().data?.user;
  const me = workers.data?.workers.find((w) => w.userId === user?.id);
  const options = [{ value: 'self', label: t('newEnrollment.self') }];
  if (all) {
    for (const w of workers.data?.workers ?? [])
      if (w.active && w.userId !== user?.id) options.push({ value: `worker:${w.id}`, label: w.name });
    for (const team of teams.data?.items ?? [])
      options.push({ value: `team:${team.id}`, label: t('newEnrollment.team', { name: team.name }) });
  } else if (me?.teamId)
    options.push({ value: `team:${me.teamId}`, label: t('newEnrollment.team', { name: me.teamName ?? '' }) });
  return options;
}

/** /stoette/nyt: enroll a citizen in a method (rules 16–17, § 85 a's choice of provider). */
export function NewEnrollmentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const all = hasPermission(useSession().data?.user, 'support.all');
  const create = useCreateEnrollment();
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const found = useCitizenSearch(searched);
  // Opened from the citizen page: that citizen is chosen already.
  const presetId = useSearchParams()[0].get('citizenId') ?? '';
  const preset = useCitizenToEnroll(presetId);
  const assignment = useAssignmentOptions(all);
  const form = useForm({
    formKey: 'newEnrollment',
    initial: () => ({
      citizenId: presetId,
      method: 'cti',
      assignedTo: 'self',
      decisionOn: todayText(),
      legalBasis: 's85a',
      startOn: todayText(),
      plannedEndOn: '',
      providerWish: '',
      providerWishFollowed: '',
      providerWishReason: '',
    }),
    fields: {
      citizenId: { id: 'enrollment-citizen', label: t('support.fields.citizen') },
      method: { id: 'enrollment-method', label: t('support.fields.method') },
      assignedTo: { id: 'enrollment-assigned', label: t('support.fields.assignedTo') },
      workerId: { id: 'enrollment-assigned', label: t('support.fields.assignedTo') },
      teamId: { id: 'enrollment-assigned', label: t('support.fields.assignedTo') },
      decisionOn: { id: 'enrollment-decision-on', label: t('support.fields.decisionOn') },
      legalBasis: { id: 'enrollment-legal-basis', label: t('support.fields.legalBasis') },
      startOn: { id: 'enrollment-start-on', label: t('support.fields.startOn') },
      plannedEndOn: { id: 'enrollment-planned-end-on', label: t('support.fields.plannedEndOn') },
      providerWish: { id: 'enrollment-provider-wish', label: t('support.fields.providerWish') },
      providerWishFollowed: {
        id: 'enrollment-provider-followed',
        label: t('support.fields.providerWishFollowed'),
      },
      providerWishReason: { id: 'enrollment-provider-reason', label: t('support.fields.providerWishReason') },
    },
    serverErrors: {
      SUPPORT_CTI_HOUSING_REQUIRED: { path: 'startOn', code: 'cti_housing' },
      SUPPORT_ENROLLMENT_ACTIVE: { path: 'method', code: 'enrollment_active' },
      SUPPORT_NOT_A_WORKER: { path: 'assignedTo', code: 'not_a_worker' },
    },
  });
  const { values } = form;
  const method = values.method as Method;
  const endAllowed = mayHavePlannedEnd(method) && method !== 'cti';

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearched(query.trim());
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const problems: FieldError[] = [];
    if (!values.citizenId) problems.push({ path: 'citizenId', code: 'required' });
    const decisionOn = readDate(values.decisionOn, 'decisionOn', problems, true);
    notInFuture(decisionOn, 'decisionOn', problems);
    const startOn = readDate(values.startOn, 'startOn', problems, true);
    const plannedEndOn = endAllowed ? readDate(values.plannedEndOn, 'plannedEndOn', problems) : undefined;
    if (startOn && plannedEndOn && plannedEndOn < startOn)
      problems.push({ path: 'plannedEndOn', code: 'end_before_start' });
    const providerWish = optionalText(values.providerWish) ?? null;
    const followed = values.providerWishFollowed === '' ? null : values.providerWishFollowed === 'yes';
    const reason = optionalText(values.providerWishReason) ?? null;
    if (providerWish && followed === null) problems.push({ path: 'providerWishFollowed', code: 'required' });
    if (providerWish && followed === false && !reason)
      problems.push({ path: 'providerWishReason', code: 'reason_required' });
    if (form.failed(problems) || !decisionOn || !startOn) return;
    const [kind, id] = values.assignedTo.split(':');
    settle(
      create,
      {
        citizenId: values.citizenId,
        method,
        workerId: kind === 'worker' ? (id ?? null) : null,
        teamId: kind === 'team' ? (id ?? null) : null,
        decisionOn,
        legalBasis: values.legalBasis as (typeof LEGAL_BASES)[number],
        providerWish,
        providerWishFollowed: providerWish ? followed : null,
        providerWishReason: providerWish && followed === false ? reason : null,
        startOn,
        plannedEndOn: plannedEndOn ?? null,
      },
      { onSuccess: ({ id: created }) => navigate(enrollmentHref(created)), onError: form.reportError },
    );
  };

  const searchedCitizens = found.data?.items ?? [];
  const citizens =
    preset.data && !searchedCitizens.some((c) => c.id === preset.data.id)
      ? [preset.data, ...searchedCitizens]
      : searchedCitizens;
  return (
    <Page title={t('newEnrollment.title')}>
      <p className="font-lead">{t('newEnrollment.intro')}</p>
      <Section id="enrollment-search" heading={t('newEnrollment.searchHeading')}>
        <form onSubmit={onSearch} noValidate>
          <TextField
            id="enrollment-search-q"
            label={t('newEnrollment.search')}
            hint={t('newEnrollment.searchHint')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
            widthClass="input-width-l"
          />
          <button type="submit" className="button button-secondary">
            {t('newEnrollment.searchButton')}
          </button>
        </form>
        {found.isFetching ? <Loading text={t('common.loading')} /> : null}
        {searched && found.data && searchedCitizens.length === 0 ? (
          <p role="status">{t('newEnrollment.noneFound')}</p>
        ) : null}
      </Section>
      <Section id="enrollment-form" heading={t('newEnrollment.formHeading')}>
        {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
        <form onSubmit={onSubmit} noValidate>
          {citizens.length > 0 ? (
            <RadioGroup
              {...form.radio('citizenId')}
              options={citizens.map((c) => ({
                value: c.id,
                label: `${c.name ?? c.initials ?? t('support.unnamed')} (${formatDate(c.birthDate)}, ${t(`support.situations.${c.situation}`, { defaultValue: c.situation })})`,
              }))}
            />
          ) : (
            <p id="enrollment-citizen">
              {form.field('citizenId').error ? (
                <span className="form-error-message">{form.field('citizenId').error}</span>
              ) : (
                t('newEnrollment.searchFirst')
              )}
            </p>
          )}
          <SelectField
            {...form.field('method')}
            options={METHODS.map((m) => ({ value: m, label: t(`support.methods.${m}`) }))}
            hint={method === 'cti' ? t('newEnrollment.ctiHint') : undefined}
          />
          <SelectField {...form.field('assignedTo')} options={assignment} />
          <DateField {...form.field('decisionOn')} />
          <SelectField
            {...form.field('legalBasis')}
            options={LEGAL_BASES.map((b) => ({ value: b, label: t(`support.legalBases.${b}`) }))}
          />
          <DateField {...form.field('startOn')} />
          {endAllowed ? <DateField {...form.field('plannedEndOn')} /> : null}
          <TextField
            {...form.field('providerWish')}
            hint={t('newEnrollment.providerHint')}
            autoComplete="off"
          />
          {values.providerWish.trim() ? (
            <>
              <RadioGroup
                {...form.radio('providerWishFollowed')}
                options={[
                  { value: 'yes', label: t('common.yes') },
                  { value: 'no', label: t('common.no') },
                ]}
                inline
              />
              {values.providerWishFollowed === 'no' ? (
                <TextAreaField {...form.field('providerWishReason')} />
              ) : null}
            </>
          ) : null}
          <div className="mt-5">
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {t('newEnrollment.submit')}
            </button>
          </div>
          {create.isPending ? <Loading text={t('common.saving')} /> : null}
        </form>
      </Section>
    </Page>
  );
}
