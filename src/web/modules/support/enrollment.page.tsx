import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CONTACT_KINDS, CTI_PHASES, END_REASONS } from '../../../shared/support/model';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { Alert } from '../../components/alert';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { notInFuture, optionalText, readDate } from '../../components/read-field';
import { Facts, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { useForm } from '../../components/use-form';
import { formatWhole, isoToDanishDate, todayText } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import {
  type EnrollmentDetail,
  useAddContact,
  useChangePhase,
  useEndEnrollment,
  useEnrollment,
} from './support.api';

type OnDone = (notice: Notice) => void;

function ContactForm({ detail, onDone }: { detail: EnrollmentDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const add = useAddContact(detail.id);
  const form = useForm({
    formKey: 'supportContact',
    initial: () => ({ contactOn: todayText(), kind: 'home_visit', note: '' }),
    fields: {
      contactOn: { id: 'contact-on', label: t('support.fields.contactOn') },
      kind: { id: 'contact-kind', label: t('support.fields.contactKind') },
      note: { id: 'contact-note', label: t('support.fields.note') },
    },
  });
  const { values } = form;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const problems: FieldError[] = [];
    const contactOn = readDate(values.contactOn, 'contactOn', problems, true);
    notInFuture(contactOn, 'contactOn', problems);
    if (contactOn && contactOn < detail.startOn) problems.push({ path: 'contactOn', code: 'before_start' });
    if (form.failed(problems) || !contactOn) return;
    settle(
      add,
      {
        contactOn,
        kind: values.kind as (typeof CONTACT_KINDS)[number],
        note: detail.notesVisible ? (optionalText(values.note) ?? null) : null,
      },
      {
        onSuccess: () => {
          form.clear();
          form.setValues({ contactOn: todayText(), kind: 'home_visit', note: '' });
          onDone({
            kind: 'success',
            key: 'enrollment.contactSaved',
            params: { date: isoToDanishDate(contactOn) },
          });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <Section id="enrollment-add-contact" heading={t('enrollment.addContactHeading')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('contactOn')} />
        <SelectField
          {...form.field('kind')}
          options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`support.contactKinds.${k}`) }))}
          hint={t('enrollment.missedHint')}
        />
        {detail.notesVisible ? (
          <TextAreaField {...form.field('note')} hint={t('enrollment.noteHint')} />
        ) : null}
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {t('enrollment.saveContact')}
        </button>
        {add.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </Section>
  );
}

function PhaseForm({ detail, onDone }: { detail: EnrollmentDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const change = useChangePhase(detail.id);
  const next =
    CTI_PHASES[Math.min(CTI_PHASES.indexOf(detail.phase ?? 'contact_building') + 1, CTI_PHASES.length - 1)];
  const form = useForm({
    formKey: 'supportPhase',
    initial: () => ({ phase: next ?? 'phase1', fromOn: todayText() }),
    fields: {
      phase: { id: 'phase-phase', label: t('support.fields.phase') },
      fromOn: { id: 'phase-from-on', label: t('support.fields.fromOn') },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.isPending) return;
    const problems: FieldError[] = [];
    const fromOn = readDate(form.values.fromOn, 'fromOn', problems, true);
    notInFuture(fromOn, 'fromOn', problems);
    if (form.failed(problems) || !fromOn) return;
    const phase = form.values.phase as (typeof CTI_PHASES)[number];
    settle(
      change,
      { phase, fromOn },
      {
        onSuccess: () => {
          form.clear();
          onDone({
            kind: 'success',
            key: 'enrollment.phaseSaved',
            params: { phase: t(`support.phases.${phase}`) },
          });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <Section id="enrollment-phase" heading={t('enrollment.phaseHeading')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('phase')}
          options={CTI_PHASES.map((p) => ({ value: p, label: t(`support.phases.${p}`) }))}
        />
        <DateField {...form.field('fromOn')} />
        <button type="submit" className="button button-secondary" disabled={change.isPending}>
          {t('enrollment.savePhase')}
        </button>
      </form>
    </Section>
  );
}

function EndForm({ detail, onDone }: { detail: EnrollmentDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const end = useEndEnrollment(detail.id);
  const form = useForm({
    formKey: 'supportEnd',
    initial: () => ({ endOn: todayText(), endReason: '' }),
    fields: {
      endOn: { id: 'end-on', label: t('support.fields.endOn') },
      endReason: { id: 'end-reason', label: t('support.fields.endReason') },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (end.isPending) return;
    const problems: FieldError[] = [];
    const endOn = readDate(form.values.endOn, 'endOn', problems, true);
    notInFuture(endOn, 'endOn', problems);
    if (endOn && endOn < detail.startOn) problems.push({ path: 'endOn', code: 'end_before_start' });
    if (!form.values.endReason) problems.push({ path: 'endReason', code: 'required' });
    if (form.failed(problems) || !endOn) return;
    settle(
      end,
      { endOn, endReason: form.values.endReason as (typeof END_REASONS)[number] },
      {
        onSuccess: () => {
          form.clear();
          onDone({ kind: 'success', key: 'enrollment.ended', params: { date: isoToDanishDate(endOn) } });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <Section id="enrollment-end" heading={t('enrollment.endHeading')}>
      <p>{t('enrollment.endIntro')}</p>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('endOn')} />
        <SelectField
          {...form.field('endReason')}
          placeholder={t('enrollment.chooseReason')}
          options={END_REASONS.map((r) => ({ value: r, label: t(`support.endReasons.${r}`) }))}
        />
        <button type="submit" className="button button-secondary" disabled={end.isPending}>
          {t('enrollment.end')}
        </button>
      </form>
    </Section>
  );
}

function PatternSection({ detail }: { detail: EnrollmentDetail }) {
  const { t } = useTranslation();
  if (!detail.pattern) return null;
  const caption = t('enrollment.pattern.caption');
  return (
    <Section id="enrollment-pattern" heading={t('enrollment.patternHeading')}>
      {detail.pattern.warnings.length > 0 ? (
        <Alert variant="warning" heading={t('enrollment.pattern.warningHeading')} headingLevel={3}>
          <ul>
            {detail.pattern.warnings.map((w) => (
              <li key={w}>{t(`support.patternWarnings.${w}`)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <TableScroll label={caption}>
        <table className="table table--zebra table--compact">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('support.fields.phase')}</th>
              <th scope="col">{t('enrollment.pattern.period')}</th>
              <th scope="col" className="align-text-right">
                {t('enrollment.pattern.contacts')}
              </th>
              <th scope="col" className="align-text-right">
                {t('enrollment.pattern.daysPerContact')}
              </th>
              <th scope="col" className="align-text-right">
                {t('enrollment.pattern.planned')}
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.pattern.phases.map((p) => (
              <tr key={`${p.phase}-${p.from}`}>
                <th scope="row">{t(`support.phases.${p.phase}`)}</th>
                <td className="nowrap">
                  <DateText value={p.from} /> – <DateText value={p.to} />
                </td>
                <td className="align-text-right">{formatWhole(p.contacts)}</td>
                <td className="align-text-right">
                  {p.daysPerContact === null ? <NoValue /> : p.daysPerContact.toLocaleString('da-DK')}
                </td>
                <td className="align-text-right">
                  {t('enrollment.pattern.everyDays', { days: p.plannedDays })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

function Details({ detail }: { detail: EnrollmentDetail }) {
  const { t } = useTranslation();
  const canWrite = hasPermission(useSession().data?.user, 'support.write');
  const [notice, setNotice] = useState<Notice | null>(null);
  const active = detail.endOn === null;
  const facts = [
    {
      label: t('support.fields.citizen'),
      value: <Link to={`/borgere/${detail.citizenId}`}>{detail.citizenName}</Link>,
    },
    { label: t('support.fields.method'), value: t(`support.methods.${detail.method}`) },
    { label: t('support.fields.assignedTo'), value: detail.workerName ?? detail.teamName ?? <NoValue /> },
    { label: t('support.fields.decisionOn'), value: <DateText value={detail.decisionOn} /> },
    { label: t('support.fields.legalBasis'), value: t(`support.legalBases.${detail.legalBasis}`) },
    { label: t('support.fields.startOn'), value: <DateText value={detail.startOn} /> },
    {
      label: t('support.fields.plannedEndOn'),
      value: detail.plannedEndOn ? <DateText value={detail.plannedEndOn} /> : t('enrollment.noPlannedEnd'),
    },
    {
      label: t('support.fields.endOn'),
      value: detail.endOn ? (
        <>
          <DateText value={detail.endOn} /> ({t(`support.endReasons.${detail.endReason ?? 'other'}`)})
        </>
      ) : (
        t('enrollment.active')
      ),
    },
    ...(detail.providerWish
      ? [
          {
            label: t('support.fields.providerWish'),
            value: `${detail.providerWish} – ${
              detail.providerWishFollowed
                ? t('enrollment.wishFollowed')
                : t('enrollment.wishNotFollowed', { reason: detail.providerWishReason ?? '' })
            }`,
          },
        ]
      : []),
  ];
  const contactsCaption = t('enrollment.contacts.caption');
  const phasesCaption = t('enrollment.phases.caption');
  return (
    <>
      <Section id="enrollment-facts" heading={t('enrollment.factsHeading')}>
        <Facts items={facts} label={t('enrollment.factsHeading')} />
        {active &&
        detail.daysWithoutContact !== null &&
        detail.daysWithoutContact >= detail.contactGapDays ? (
          <Alert variant="warning" headingLevel={3} heading={t('enrollment.gapHeading')}>
            <p>{t('enrollment.gap', { days: detail.daysWithoutContact, limit: detail.contactGapDays })}</p>
          </Alert>
        ) : null}
      </Section>
      <NoticeArea notice={notice} />
      {detail.method === 'cti' ? (
        <Section id="enrollment-phases" heading={t('enrollment.phasesHeading')}>
          <TableScroll label={phasesCaption}>
            <table className="table table--zebra table--compact">
              <caption className="sr-only">{phasesCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('support.fields.phase')}</th>
                  <th scope="col">{t('enrollment.phases.planned')}</th>
                  <th scope="col">{t('enrollment.phases.actual')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.plannedPhases.map((p) => {
                  const actual = detail.phases.filter((c) => c.phase === p.phase).at(-1);
                  return (
                    <tr key={p.phase}>
                      <th scope="row">{t(`support.phases.${p.phase}`)}</th>
                      <td>
                        <DateText value={p.fromOn} />
                      </td>
                      <td>{actual ? <DateText value={actual.fromOn} /> : <NoValue />}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </Section>
      ) : null}
      <PatternSection detail={detail} />
      {canWrite && active ? <ContactForm detail={detail} onDone={setNotice} /> : null}
      <Section id="enrollment-contacts" heading={t('enrollment.contactsHeading')}>
        {detail.contacts.length === 0 ? (
          <p>{t('enrollment.noContacts')}</p>
        ) : (
          <TableScroll label={contactsCaption}>
            <table className="table table--zebra table--compact">
              <caption className="sr-only">{contactsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('support.fields.contactOn')}</th>
                  <th scope="col">{t('support.fields.contactKind')}</th>
                  <th scope="col">{t('enrollment.contacts.by')}</th>
                  {detail.notesVisible ? <th scope="col">{t('support.fields.note')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {detail.contacts.map((c) => (
                  <tr key={c.id}>
                    <td className="nowrap">
                      <DateText value={c.contactOn} />
                    </td>
                    <td>{t(`support.contactKinds.${c.kind}`)}</td>
                    <td>{c.byName}</td>
                    {detail.notesVisible ? <td>{c.note ?? <NoValue />}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>
      {canWrite && active && detail.method === 'cti' ? (
        <PhaseForm detail={detail} onDone={setNotice} />
      ) : null}
      {canWrite && active ? <EndForm detail={detail} onDone={setNotice} /> : null}
    </>
  );
}

/** /stoette/forloeb/:id: one enrollment with its CTI phases, contact pattern and contacts. */
export function EnrollmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const enrollment = useEnrollment(id);
  return (
    <Page
      title={
        enrollment.data
          ? t('enrollment.title', {
              name: enrollment.data.citizenName,
              method: t(`support.methods.${enrollment.data.method}`),
            })
          : t('enrollment.loadingTitle')
      }
    >
      <QueryState query={enrollment}>{(data) => <Details detail={data} />}</QueryState>
    </Page>
  );
}
