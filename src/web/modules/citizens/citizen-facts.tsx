import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, type FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { optionalText, readDate } from '../../components/read-field';
import { Facts, FormDetails, Section } from '../../components/section';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { isoToDanishDate, todayText } from '../../i18n/format';
import { CprText, isKommunekode, readCpr } from './citizen-format';
import {
  type CitizenDetail,
  type Purpose,
  type UpdateCitizenInput,
  useChangeCpr,
  useShowCpr,
  useUpdateCitizen,
} from './citizens.api';

/** The citizen's place on the list now: status, whereabouts and why inactive. */
export function StatusSection({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  return (
    <Section id="citizen-status" heading={t('citizen.status.heading')}>
      <Facts
        label={t('citizen.status.heading')}
        items={[
          { label: t('citizen.status.status'), value: t(`statuses.${citizen.status}`) },
          { label: t('citizen.status.situation'), value: t(`situations.${citizen.situation}`) },
          ...(citizen.inactiveReason
            ? [
                {
                  label: t('citizen.status.inactiveReason'),
                  value: t(`inactiveReasons.${citizen.inactiveReason}`),
                },
              ]
            : []),
        ]}
      />
    </Section>
  );
}

const text = (value: string | null | undefined) => (value ? value : <NoValue />);

/**
 * The CPR number as the server sent it (masked, DDMMYY-XXXX) and, for a role that may, a button that
 * fetches the full number; the server logs each "show" with the page's purpose (issue 20 (d)).
 */
function CprValue({ citizen, purpose }: { citizen: CitizenDetail; purpose: Purpose }) {
  const { t } = useTranslation();
  const show = useShowCpr(citizen.id, purpose);
  const full = show.data?.cpr;
  return (
    <span className="citizen-cpr">
      <CprText value={full ?? citizen.cpr} />
      {citizen.abilities.showCpr && citizen.cpr && !full ? (
        <>
          {' '}
          <button
            type="button"
            className="button button-unstyled"
            onClick={() => show.mutate()}
            disabled={show.isPending}
            aria-describedby="citizen-cpr-show-hint"
          >
            {t('citizen.cpr.show')}
          </button>
          <span id="citizen-cpr-show-hint" className="sr-only">
            {t('citizen.cpr.showHint')}
          </span>
        </>
      ) : null}
      <span role="status" className="sr-only">
        {full ? t('citizen.cpr.shown') : show.isError ? t('citizen.cpr.showFailed') : ''}
      </span>
    </span>
  );
}

/** Facts about the citizen, the edit form and the CPR change form. */
export function FactsSection({ citizen, purpose }: { citizen: CitizenDetail; purpose: Purpose }) {
  const { t } = useTranslation();
  // A role without CPR numbers and contact details (the leader) gets neither, not even the rows.
  const identity = citizen.cpr !== undefined;
  return (
    <Section id="citizen-facts" heading={t('citizen.facts.heading')}>
      <Facts
        label={t('citizen.facts.heading')}
        items={[
          ...(identity
            ? [{ label: t('citizen.fields.cpr'), value: <CprValue citizen={citizen} purpose={purpose} /> }]
            : []),
          ...(citizen.cprHistory.length > 0
            ? [
                {
                  label: t('citizen.facts.cprHistory'),
                  value: (
                    <ul className="nobullet-list">
                      {citizen.cprHistory.map((change) => (
                        <li key={`${change.oldCpr}-${change.changedOn}`}>
                          <CprText value={change.oldCpr} /> <span aria-hidden="true">→</span>
                          <span className="sr-only">{t('citizen.facts.changedTo')}</span>{' '}
                          <CprText value={change.newCpr} /> ({t('citizen.facts.changedOn')}{' '}
                          <DateText value={change.changedOn} />)
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
          { label: t('citizen.fields.birthDate'), value: <DateText value={citizen.birthDate} /> },
          { label: t('citizen.facts.age'), value: t('citizen.facts.years', { count: citizen.age }) },
          { label: t('citizen.fields.sex'), value: citizen.sex ? t(`sexes.${citizen.sex}`) : <NoValue /> },
          { label: t('citizen.fields.initials'), value: text(citizen.initials) },
          ...(citizen.phone !== undefined
            ? [
                { label: t('citizen.fields.phone'), value: text(citizen.phone) },
                { label: t('citizen.fields.email'), value: text(citizen.email) },
                { label: t('citizen.fields.address'), value: text(citizen.address) },
              ]
            : []),
          { label: t('citizen.fields.handlekommune'), value: text(citizen.handlekommune) },
          ...(citizen.movedAwayOn
            ? [{ label: t('citizen.fields.movedAwayOn'), value: <DateText value={citizen.movedAwayOn} /> }]
            : []),
          ...(citizen.diedOn
            ? [{ label: t('citizen.fields.diedOn'), value: <DateText value={citizen.diedOn} /> }]
            : []),
        ]}
      />
      {citizen.abilities.write ? (
        <>
          <EditForm citizen={citizen} />
          <ChangeCprForm citizen={citizen} />
        </>
      ) : null}
    </Section>
  );
}

const EDIT_FIELDS = [
  'givenName',
  'familyName',
  'initials',
  'phone',
  'email',
  'address',
  'handlekommune',
  'movedAwayOn',
  'diedOn',
] as const;
type EditField = (typeof EDIT_FIELDS)[number];
type EditValues = Record<EditField, string>;
const DATE_FIELDS = new Set<EditField>(['movedAwayOn', 'diedOn']);

function initialValues(citizen: CitizenDetail): EditValues {
  const values = {} as EditValues;
  for (const field of EDIT_FIELDS) {
    const value = citizen[field] ?? '';
    values[field] = DATE_FIELDS.has(field) ? isoToDanishDate(value) : value;
  }
  return values;
}

function EditForm({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const update = useUpdateCitizen(citizen.id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'editCitizen',
    initial: () => initialValues(citizen),
    fields: Object.fromEntries(
      EDIT_FIELDS.map((field) => [
        field,
        { id: `citizen-edit-${field}`, label: t(`citizen.fields.${field}`) },
      ]),
    ),
  });
  const { values } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    const input: UpdateCitizenInput = {};
    for (const field of EDIT_FIELDS) {
      if (DATE_FIELDS.has(field)) {
        input[field] = readDate(values[field], field, problems) ?? null;
      } else {
        input[field] = optionalText(values[field]) ?? null;
      }
    }
    if (input.handlekommune && !isKommunekode(input.handlekommune)) {
      problems.push({ path: 'handlekommune', code: 'kommunekode' });
    }
    if (input.email && !/^[^\s@]+@[^\s@]+$/.test(input.email))
      problems.push({ path: 'email', code: 'email' });
    if (form.failed(problems)) return;
    update.mutate(input, {
      onSuccess: () => {
        form.clear();
        setNotice({ kind: 'success', key: 'citizen.edit.saved' });
      },
      onError: (error) => form.reportError(error),
    });
  };

  return (
    <FormDetails summary={t('citizen.edit.summary')}>
      <NoticeArea notice={notice} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        {EDIT_FIELDS.map((field) =>
          DATE_FIELDS.has(field) ? (
            <DateField key={field} {...form.field(field)} hint={t(`citizen.edit.${field}Hint`)} />
          ) : (
            <TextField
              key={field}
              {...form.field(field)}
              hint={field === 'handlekommune' ? t('citizen.fields.handlekommuneHint') : undefined}
              type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
              autoComplete="off"
              widthClass={
                field === 'initials' || field === 'handlekommune' ? 'input-width-xs' : 'input-width-l'
              }
            />
          ),
        )}
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('citizen.edit.submit')}
          </button>
        </div>
        {update.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

function ChangeCprForm({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const change = useChangeCpr(citizen.id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [existingId, setExistingId] = useState<string | null>(null);
  const form = useForm({
    formKey: 'changeCpr',
    initial: () => ({ newCpr: '', changedOn: todayText() }),
    fields: {
      newCpr: { id: 'citizen-new-cpr', label: t('citizen.cpr.newCpr') },
      changedOn: { id: 'citizen-cpr-changed-on', label: t('citizen.cpr.changedOn') },
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.isPending) return;
    setNotice(null);
    setExistingId(null);
    const problems: FieldError[] = [];
    const cpr = readCpr(form.values.newCpr, 'newCpr', problems, true);
    const date = readDate(form.values.changedOn, 'changedOn', problems, true);
    if (form.failed(problems) || cpr === undefined || date === undefined) return;
    change.mutate(
      { newCpr: cpr, changedOn: date },
      {
        onSuccess: () => {
          form.clear();
          form.set('newCpr', '');
          setNotice({ kind: 'success', key: 'citizen.cpr.saved' });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'CITIZEN_CPR_EXISTS') {
            const id = error.params.citizenId;
            setExistingId(typeof id === 'string' ? id : null);
            form.report({ fields: [{ path: 'newCpr', code: 'cpr_exists' }], error: null });
            return;
          }
          form.reportError(error);
        },
      },
    );
  };

  return (
    <FormDetails summary={t('citizen.cpr.summary')}>
      <p>{t('citizen.cpr.intro')}</p>
      <NoticeArea notice={notice} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      {existingId ? (
        <Alert variant="info" headingLevel={3}>
          <p>
            <Link to={`/borgere/${encodeURIComponent(existingId)}`}>{t('createCitizen.existingLink')}</Link>
          </p>
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          {...form.field('newCpr')}
          autoComplete="off"
          spellCheck={false}
          widthClass="input-width-s"
        />
        <DateField {...form.field('changedOn')} />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('citizen.cpr.submit')}
          </button>
        </div>
        {change.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}
