import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  DECISION_OUTCOMES,
  EDUCATION_STATUSES,
  KUI_STATUSES,
  PLACEMENT_TYPES,
  SUPPORT_KINDS,
} from '../../../shared/youth/model';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { CheckboxField } from '../../components/checkbox-field';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { optionalText, readDate } from '../../components/read-field';
import { Facts, FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { isoToDanishDate } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { PageTasks } from '../tasks';
import {
  useAddDecision,
  useAddPlacement,
  useAddSupport,
  useSavePairing,
  useSaveProfile,
  useYouthCaseworkers,
  useYouthProfile,
  type YouthProfileView,
} from './youth.api';

type OnDone = (notice: Notice) => void;
const pick = <T extends string>(list: readonly T[], value: string) => list.find((v) => v === value);

/** Education, KUI, special need, the young person's own goals and the housing situation. */
function ProfileForm({ view, onDone }: { view: YouthProfileView; onDone: OnDone }) {
  const { t } = useTranslation();
  const save = useSaveProfile(view.citizenId);
  const p = view.profile;
  const form = useForm({
    formKey: 'youth.profileForm',
    initial: () => ({
      ownGoals: p?.ownGoals ?? '',
      educationStatus: p?.educationStatus ?? '',
      kuiStatus: p?.kuiStatus ?? 'none',
      specialNeed: p?.specialNeed ?? false,
      housingNote: p?.housingNote ?? '',
    }),
    fields: {
      ownGoals: { id: 'youth-goals', label: t('youth.ownGoals') },
      educationStatus: { id: 'youth-education', label: t('youth.education') },
      kuiStatus: { id: 'youth-kui', label: t('youth.kuiStatus') },
      housingNote: { id: 'youth-housing', label: t('youth.housingNote') },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const problems: FieldError[] = [];
    const educationStatus = pick(EDUCATION_STATUSES, form.values.educationStatus);
    if (!educationStatus) problems.push({ path: 'educationStatus', code: 'required' });
    const kuiStatus = pick(KUI_STATUSES, form.values.kuiStatus);
    if (!kuiStatus) problems.push({ path: 'kuiStatus', code: 'required' });
    if (form.failed(problems) || !educationStatus || !kuiStatus) return;
    const ownGoals = optionalText(form.values.ownGoals);
    const housingNote = optionalText(form.values.housingNote);
    settle(
      save,
      {
        educationStatus,
        kuiStatus,
        specialNeed: form.values.specialNeed,
        ...(ownGoals ? { ownGoals } : {}),
        ...(housingNote ? { housingNote } : {}),
      },
      { onSuccess: () => onDone({ kind: 'success', key: 'youth.saved' }), onError: form.reportError },
    );
  };
  return (
    <FormDetails summary={t('youth.saveProfile')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextAreaField {...form.field('ownGoals')} rows={3} />
        <SelectField
          {...form.field('educationStatus')}
          placeholder={t('youth.choose')}
          options={EDUCATION_STATUSES.map((s) => ({ value: s, label: t(`youth.educationStatus.${s}`) }))}
        />
        <SelectField
          {...form.field('kuiStatus')}
          options={KUI_STATUSES.map((s) => ({ value: s, label: t(`youth.kuiStatuses.${s}`) }))}
        />
        <CheckboxField
          {...form.checkbox('specialNeed')}
          id="youth-special-need"
          label={t('youth.specialNeed')}
        />
        <TextAreaField {...form.field('housingNote')} rows={2} />
        <button type="submit" className="button button-primary">
          {t('youth.saveProfile')}
        </button>
      </form>
    </FormDetails>
  );
}

/** What a period form saves: its kind, from, to (not before from) and a free text. */
interface PeriodValues<K extends string> {
  kind: K;
  fromDate: string;
  toDate?: string;
  text?: string;
}

/**
 * A period of the young person's history: a kind, from, to (not before from) and a free text — a
 * placement outside the home or a support. `save` sends it in the shape of its request.
 */
function PeriodForm<K extends string>({
  prefix,
  formKey,
  summary,
  kinds,
  kindLabel,
  kindText,
  textLabel,
  endBeforeStart,
  pending,
  save,
  onDone,
}: {
  prefix: string;
  formKey: string;
  summary: string;
  kinds: readonly K[];
  kindLabel: string;
  kindText: (kind: K) => string;
  textLabel: string;
  /** The server's error code for an end before the start. */
  endBeforeStart: string;
  pending: boolean;
  save: (values: PeriodValues<K>, handlers: { onSuccess: () => void; onError: (e: unknown) => void }) => void;
  onDone: OnDone;
}) {
  const { t } = useTranslation();
  const form = useForm({
    formKey,
    initial: () => ({ kind: '', fromDate: '', toDate: '', text: '' }),
    fields: {
      kind: { id: `${prefix}-kind`, label: kindLabel },
      fromDate: { id: `${prefix}-from`, label: t('youth.fromDate') },
      toDate: { id: `${prefix}-to`, label: t('youth.toDate') },
      text: { id: `${prefix}-text`, label: textLabel },
    },
    serverErrors: { [endBeforeStart]: { path: 'toDate', code: 'before_start' } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const problems: FieldError[] = [];
    const kind = pick(kinds, form.values.kind);
    if (!kind) problems.push({ path: 'kind', code: 'required' });
    const fromDate = readDate(form.values.fromDate, 'fromDate', problems, true);
    const toDate = readDate(form.values.toDate, 'toDate', problems);
    if (fromDate && toDate && toDate < fromDate) problems.push({ path: 'toDate', code: 'before_start' });
    if (form.failed(problems) || !kind || !fromDate) return;
    const text = optionalText(form.values.text);
    save(
      { kind, fromDate, ...(toDate ? { toDate } : {}), ...(text ? { text } : {}) },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'youth.saved' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={summary}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('kind')}
          placeholder={t('youth.choose')}
          options={kinds.map((k) => ({ value: k, label: kindText(k) }))}
        />
        <DateField {...form.field('fromDate')} />
        <DateField {...form.field('toDate')} />
        <TextField {...form.field('text')} />
        <button type="submit" className="button button-primary">
          {summary}
        </button>
      </form>
    </FormDetails>
  );
}

/** A placement outside the home: type, from, to (not before from), a note. */
function PlacementForm({ citizenId, onDone }: { citizenId: string; onDone: OnDone }) {
  const { t } = useTranslation();
  const add = useAddPlacement(citizenId);
  return (
    <PeriodForm
      prefix="youth-placement"
      formKey="youth.placementForm"
      summary={t('youth.addPlacement')}
      kinds={PLACEMENT_TYPES}
      kindLabel={t('youth.placementType')}
      kindText={(k) => t(`youth.placementTypes.${k}`)}
      textLabel={t('youth.note')}
      endBeforeStart="YOUTH_PLACEMENT_END_BEFORE_START"
      pending={add.isPending}
      save={({ kind, text, ...period }, handlers) =>
        settle(add, { placementType: kind, ...period, ...(text ? { note: text } : {}) }, handlers)
      }
      onDone={onDone}
    />
  );
}

/** A support: ungestøtte (18–22), efterværn, mentor, ungeguide, støttekontaktperson; its provider. */
function SupportForm({ citizenId, onDone }: { citizenId: string; onDone: OnDone }) {
  const { t } = useTranslation();
  const add = useAddSupport(citizenId);
  return (
    <PeriodForm
      prefix="youth-support"
      formKey="youth.supportForm"
      summary={t('youth.addSupport')}
      kinds={SUPPORT_KINDS}
      kindLabel={t('youth.supportKind')}
      kindText={(k) => t(`youth.supportKinds.${k}`)}
      textLabel={t('youth.provider')}
      endBeforeStart="YOUTH_SUPPORT_END_BEFORE_START"
      pending={add.isPending}
      save={({ kind, text, ...period }, handlers) =>
        settle(add, { kind, ...period, ...(text ? { provider: text } : {}) }, handlers)
      }
      onDone={onDone}
    />
  );
}

/** The decision on youth support (Barnets Lov § 111); a late one is recorded and flagged. */
function DecisionForm({ citizenId, onDone }: { citizenId: string; onDone: OnDone }) {
  const { t } = useTranslation();
  const add = useAddDecision(citizenId);
  const form = useForm({
    formKey: 'youth.decisionForm',
    initial: () => ({ decidedOn: '', outcome: '', note: '' }),
    fields: {
      decidedOn: { id: 'youth-decided-on', label: t('youth.decidedOn') },
      outcome: { id: 'youth-outcome', label: t('youth.outcome') },
      note: { id: 'youth-decision-note', label: t('youth.note') },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const problems: FieldError[] = [];
    const decidedOn = readDate(form.values.decidedOn, 'decidedOn', problems, true);
    const outcome = pick(DECISION_OUTCOMES, form.values.outcome);
    if (!outcome) problems.push({ path: 'outcome', code: 'required' });
    if (form.failed(problems) || !decidedOn || !outcome) return;
    const note = optionalText(form.values.note);
    settle(
      add,
      { decidedOn, outcome, ...(note ? { note } : {}) },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'youth.saved' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('youth.addDecision')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('decidedOn')} />
        <SelectField
          {...form.field('outcome')}
          placeholder={t('youth.choose')}
          options={DECISION_OUTCOMES.map((s) => ({ value: s, label: t(`youth.outcomes.${s}`) }))}
        />
        <TextField {...form.field('note')} />
        <button type="submit" className="button button-primary">
          {t('youth.addDecision')}
        </button>
      </form>
    </FormDetails>
  );
}

/** The pair (parløb): one caseworker of the child/youth area, one of the adult area, from an age. */
function PairForm({ view, onDone }: { view: YouthProfileView; onDone: OnDone }) {
  const { t } = useTranslation();
  const save = useSavePairing(view.citizenId);
  const caseworkers = useYouthCaseworkers(true);
  const form = useForm({
    formKey: 'youth.pairForm',
    initial: () => ({
      childUserId: view.pair?.childUserId ?? '',
      adultUserId: view.pair?.adultUserId ?? '',
      fromAge: String(view.pair?.fromAge ?? 16),
    }),
    fields: {
      childUserId: { id: 'youth-pair-child', label: t('youth.childCaseworker') },
      adultUserId: { id: 'youth-pair-adult', label: t('youth.adultCaseworker') },
      fromAge: { id: 'youth-pair-age', label: t('youth.fromAge') },
    },
  });
  const options = (area: 'born_unge' | 'voksen') =>
    (caseworkers.data ?? [])
      .filter((u) => u.serviceArea === area)
      .map((u) => ({ value: u.id, label: u.name }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const problems: FieldError[] = [];
    if (!form.values.childUserId) problems.push({ path: 'childUserId', code: 'required' });
    if (!form.values.adultUserId) problems.push({ path: 'adultUserId', code: 'required' });
    const fromAge = Number(form.values.fromAge);
    if (!Number.isInteger(fromAge) || fromAge < 12 || fromAge > 18)
      problems.push({ path: 'fromAge', code: 'invalid' });
    if (form.failed(problems)) return;
    settle(
      save,
      { childUserId: form.values.childUserId, adultUserId: form.values.adultUserId, fromAge },
      { onSuccess: () => onDone({ kind: 'success', key: 'youth.saved' }), onError: form.reportError },
    );
  };
  return (
    <FormDetails summary={t('youth.savePair')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('childUserId')}
          placeholder={t('youth.choose')}
          options={options('born_unge')}
        />
        <SelectField
          {...form.field('adultUserId')}
          placeholder={t('youth.choose')}
          options={options('voksen')}
        />
        <TextField {...form.field('fromAge')} inputMode="numeric" widthClass="input-width-xs" />
        <button type="submit" className="button button-primary">
          {t('youth.savePair')}
        </button>
      </form>
    </FormDetails>
  );
}

function YouthProfile({ view }: { view: YouthProfileView }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const write = hasPermission(useSession().data?.user, 'youth.write');
  const p = view.profile;
  return (
    <>
      <p className="font-lead">{t('youth.born', { date: isoToDanishDate(view.birthDate), age: view.age })}</p>
      <NoticeArea notice={notice} headingLevel={2} />
      <PageTasks />
      <Section id="youth-goals-section" heading={t('youth.ownGoals')}>
        {p?.ownGoals ? (
          <blockquote className="youth-goals">{p.ownGoals}</blockquote>
        ) : (
          <p>{t('youth.ownGoalsNone')}</p>
        )}
      </Section>
      <Section id="youth-transition" heading={t('youth.transition')}>
        {view.placedNow || view.placements.length > 0 ? (
          <p>
            {t('youth.deadlineText', {
              deadline: isoToDanishDate(view.decisionDeadline),
              clock: isoToDanishDate(view.decisionClockStart),
            })}
          </p>
        ) : null}
        <p>
          {t('youth.ungestoetteText', {
            from: isoToDanishDate(view.ungestoette.from),
            until: isoToDanishDate(view.ungestoette.until),
          })}
        </p>
        {view.leftCareAt18 ? <p>{t('youth.leftCareAt18')}</p> : null}
        <h3>{t('youth.decisions')}</h3>
        {view.decisions.length === 0 ? (
          <p>{t('youth.decisionsEmpty')}</p>
        ) : (
          <TableScroll label={t('youth.decisions')}>
            <table className="table table--compact">
              <caption className="sr-only">{t('youth.decisions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('youth.decidedOn')}</th>
                  <th scope="col">{t('youth.outcome')}</th>
                  <th scope="col">{t('youth.timing')}</th>
                  <th scope="col">{t('youth.note')}</th>
                </tr>
              </thead>
              <tbody>
                {view.decisions.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <DateText value={d.decidedOn} />
                    </td>
                    <td>{t(`youth.outcomes.${d.outcome}`)}</td>
                    <td className={d.timing === 'on_time' ? undefined : 'text-error'}>
                      {t(`youth.timings.${d.timing}`)}
                    </td>
                    <td>{d.note ?? <NoValue />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {write ? <DecisionForm citizenId={view.citizenId} onDone={setNotice} /> : null}
      </Section>
      <Section id="youth-placements" heading={t('youth.placements')}>
        {view.placements.length === 0 ? (
          <p>{t('youth.placementsEmpty')}</p>
        ) : (
          <TableScroll label={t('youth.placements')}>
            <table className="table table--compact">
              <caption className="sr-only">{t('youth.placements')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('youth.placementType')}</th>
                  <th scope="col">{t('youth.fromDate')}</th>
                  <th scope="col">{t('youth.toDate')}</th>
                  <th scope="col">{t('youth.note')}</th>
                </tr>
              </thead>
              <tbody>
                {view.placements.map((pl) => (
                  <tr key={pl.id}>
                    <td>{t(`youth.placementTypes.${pl.placementType}`)}</td>
                    <td>
                      <DateText value={pl.fromDate} />
                    </td>
                    <td>
                      <DateText value={pl.toDate} />
                    </td>
                    <td>{pl.note ?? <NoValue />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {write ? <PlacementForm citizenId={view.citizenId} onDone={setNotice} /> : null}
      </Section>
      <Section id="youth-supports" heading={t('youth.supports')}>
        {view.supports.length === 0 ? (
          <p>{t('youth.supportsEmpty')}</p>
        ) : (
          <TableScroll label={t('youth.supports')}>
            <table className="table table--compact">
              <caption className="sr-only">{t('youth.supports')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('youth.supportKind')}</th>
                  <th scope="col">{t('youth.fromDate')}</th>
                  <th scope="col">{t('youth.toDate')}</th>
                  <th scope="col">{t('youth.provider')}</th>
                </tr>
              </thead>
              <tbody>
                {view.supports.map((s) => (
                  <tr key={s.id}>
                    <td>{t(`youth.supportKinds.${s.kind}`)}</td>
                    <td>
                      <DateText value={s.fromDate} />
                    </td>
                    <td>
                      <DateText value={s.toDate} />
                    </td>
                    <td>{s.provider ?? <NoValue />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {write ? <SupportForm citizenId={view.citizenId} onDone={setNotice} /> : null}
      </Section>
      <Section id="youth-profile" heading={t('youth.profile')}>
        <Facts
          label={t('youth.profile')}
          items={[
            {
              label: t('youth.education'),
              value: p ? t(`youth.educationStatus.${p.educationStatus}`) : <NoValue />,
            },
            { label: t('youth.kuiStatus'), value: p ? t(`youth.kuiStatuses.${p.kuiStatus}`) : <NoValue /> },
            {
              label: t('youth.kuiCovered'),
              value: view.kuiCovered === null ? <NoValue /> : t(view.kuiCovered ? 'youth.yes' : 'youth.no'),
            },
            {
              label: t('youth.specialNeed'),
              value: p ? t(p.specialNeed ? 'youth.yes' : 'youth.no') : <NoValue />,
            },
            { label: t('youth.housingNote'), value: p?.housingNote ?? <NoValue /> },
            {
              label: t('youth.youthUnit'),
              value: view.youthUnit
                ? `${t(view.youthUnit.eligible ? 'youth.youthUnitEligible' : 'youth.youthUnitNotEligible')}: ${t(
                    `ranking.${view.youthUnit.key}`,
                    { age: view.age, limit: view.youthUnit.ageLimit },
                  )}`
                : t('youth.youthUnitUnknown'),
            },
            {
              label: t('youth.application'),
              value: view.housingApplicationId ? (
                <Link to={`/anvisning/ansoegninger/${encodeURIComponent(view.housingApplicationId)}`}>
                  {t('youth.applicationOpen')}
                </Link>
              ) : (
                <>
                  {t('youth.applicationNone')}
                  {write ? (
                    <>
                      {' – '}
                      <Link to={`/anvisning/ny?citizenId=${encodeURIComponent(view.citizenId)}`}>
                        {t('youth.createApplication')}
                      </Link>
                    </>
                  ) : null}
                </>
              ),
            },
          ]}
        />
        {write ? <ProfileForm key={JSON.stringify(p)} view={view} onDone={setNotice} /> : null}
      </Section>
      <Section id="youth-pair" heading={t('youth.pairTitle')}>
        <p>
          {view.pair
            ? t('youth.pairText', { child: view.pair.childName ?? '', adult: view.pair.adultName ?? '' })
            : t('youth.pairNone')}
        </p>
        {write ? <PairForm view={view} onDone={setNotice} /> : null}
      </Section>
    </>
  );
}

/** /unge/:citizenId: a young person's youth profile, the young person's own goals first. */
export function YouthProfilePage() {
  const { t } = useTranslation();
  const { citizenId = '' } = useParams();
  const query = useYouthProfile(citizenId);
  const name = query.data?.name ?? '';
  return (
    <Page title={t('youth.profileTitle', { name })}>
      <p>
        <Link to="/unge">{t('youth.back')}</Link>
      </p>
      <QueryState query={query}>{(view) => <YouthProfile view={view} />}</QueryState>
    </Page>
  );
}
