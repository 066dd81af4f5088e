import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISCHARGE_DESTINATIONS } from '../../../shared/shelters/model';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Icon } from '../../components/icon';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { notInFuture, optionalText, readDate } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { todayText } from '../../i18n/format';
import { PageTasks } from '../tasks';
import {
  notificationLetterHref,
  type Stay,
  useAdmit,
  useDischarge,
  useNotify,
  useResidents,
} from './shelters.api';

type OnDone = (notice: Notice) => void;

/** Registers an admission: the person by CPR number, or by birth date and initials. */
function AdmissionForm({ onDone }: { onDone: OnDone }) {
  const { t } = useTranslation();
  const admit = useAdmit();
  const form = useForm({
    formKey: 'shelters.admit',
    initial: () => ({
      cpr: '',
      birthDate: '',
      initials: '',
      givenName: '',
      familyName: '',
      admittedOn: todayText(),
      admissionDecidedOn: todayText(),
      handlekommune: '',
    }),
    fields: {
      cpr: { id: 'admit-cpr', label: t('shelters.admit.cpr') },
      birthDate: { id: 'admit-birth', label: t('shelters.admit.birthDate') },
      initials: { id: 'admit-initials', label: t('shelters.admit.initials') },
      givenName: { id: 'admit-given', label: t('shelters.admit.givenName') },
      familyName: { id: 'admit-family', label: t('shelters.admit.familyName') },
      admittedOn: { id: 'admit-on', label: t('shelters.admit.admittedOn') },
      admissionDecidedOn: { id: 'admit-decided', label: t('shelters.admit.admissionDecidedOn') },
      handlekommune: { id: 'admit-kommune', label: t('shelters.admit.handlekommune') },
    },
    serverErrors: {
      STAY_CITIZEN_REQUIRED: { path: 'cpr', code: 'person_required' },
      STAY_HANDLEKOMMUNE_REQUIRED: { path: 'handlekommune', code: 'required' },
      STAY_DECISION_AFTER_ADMISSION: { path: 'admissionDecidedOn', code: 'after_admission' },
      STAY_DATE_IN_FUTURE: { path: 'admittedOn', code: 'future_date' },
    },
  });
  const { values } = form;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (admit.isPending) return;
    const problems: FieldError[] = [];
    const cpr = values.cpr.replace(/[\s-]/g, '');
    const birthDate = readDate(values.birthDate, 'birthDate', problems);
    const initials = optionalText(values.initials);
    if (!cpr && !(birthDate && initials)) problems.push({ path: 'cpr', code: 'person_required' });
    const admittedOn = readDate(values.admittedOn, 'admittedOn', problems, true);
    notInFuture(admittedOn, 'admittedOn', problems);
    const decidedOn = readDate(values.admissionDecidedOn, 'admissionDecidedOn', problems, true);
    if (admittedOn && decidedOn && decidedOn > admittedOn)
      problems.push({ path: 'admissionDecidedOn', code: 'after_admission' });
    const handlekommune = values.handlekommune.trim();
    if (!handlekommune) problems.push({ path: 'handlekommune', code: 'required' });
    else if (!/^[0-9]{3}$/.test(handlekommune)) problems.push({ path: 'handlekommune', code: 'kommunekode' });
    if (form.failed(problems) || !admittedOn || !decidedOn) return;
    const givenName = optionalText(values.givenName);
    const familyName = optionalText(values.familyName);
    settle(
      admit,
      {
        ...(cpr ? { cpr } : {}),
        ...(!cpr && birthDate ? { birthDate } : {}),
        ...(initials ? { initials } : {}),
        ...(givenName ? { givenName } : {}),
        ...(familyName ? { familyName } : {}),
        admittedOn,
        admissionDecidedOn: decidedOn,
        handlekommune,
      },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'shelters.admit.done' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('shelters.admit.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField {...form.field('cpr')} hint={t('shelters.admit.cprHint')} widthClass="input-width-s" />
        <DateField {...form.field('birthDate')} />
        <TextField {...form.field('initials')} widthClass="input-width-xs" />
        <TextField {...form.field('givenName')} />
        <TextField {...form.field('familyName')} />
        <DateField {...form.field('admissionDecidedOn')} />
        <DateField {...form.field('admittedOn')} />
        <TextField
          {...form.field('handlekommune')}
          hint={t('shelters.admit.handlekommuneHint')}
          widthClass="input-width-xs"
        />
        <button type="submit" className="button button-primary">
          {t('shelters.admit.submit')}
        </button>
        {admit.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** Records the day the handlekommune was notified (§ 110 stk. 6). */
function NotifyForm({ stay, onDone }: { stay: Stay; onDone: OnDone }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const form = useForm({
    formKey: 'shelters.notify',
    initial: () => ({ notifiedOn: todayText() }),
    fields: { notifiedOn: { id: `notify-${stay.id}`, label: t('shelters.notify.notifiedOn') } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (notify.isPending) return;
    const problems: FieldError[] = [];
    const notifiedOn = readDate(form.values.notifiedOn, 'notifiedOn', problems, true);
    notInFuture(notifiedOn, 'notifiedOn', problems);
    if (form.failed(problems) || !notifiedOn) return;
    settle(
      notify,
      { stayId: stay.id, notifiedOn },
      {
        onSuccess: ({ inbox }) =>
          onDone({
            kind: 'success',
            key: inbox ? 'shelters.notify.doneInbox' : 'shelters.notify.done',
            params: { name: stay.name ?? '', handlekommune: stay.handlekommune },
          }),
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('shelters.notify.summary', { name: stay.name ?? '' })}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      {stay.handlekommuneInDeployment ? (
        <p>{t('shelters.notify.inbox', { handlekommune: stay.handlekommune })}</p>
      ) : (
        <p>
          {t('shelters.notify.letterFirst', { handlekommune: stay.handlekommune })}{' '}
          <a href={notificationLetterHref(stay.id)} className="function-link" download>
            <Icon name="file-pdf" />
            {t('shelters.notify.letter', { name: stay.name ?? '' })}
          </a>
        </p>
      )}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('notifiedOn')} />
        <button type="submit" className="button button-primary">
          {t('shelters.notify.submit')}
        </button>
      </form>
    </FormDetails>
  );
}

/** The shelter manager's discharge: date, where to and why. */
function DischargeForm({ stay, onDone }: { stay: Stay; onDone: OnDone }) {
  const { t } = useTranslation();
  const discharge = useDischarge();
  const form = useForm({
    formKey: 'shelters.discharge',
    initial: () => ({ dischargedOn: todayText(), dischargedTo: '', reason: '' }),
    fields: {
      dischargedOn: { id: `discharge-on-${stay.id}`, label: t('shelters.discharge.dischargedOn') },
      dischargedTo: { id: `discharge-to-${stay.id}`, label: t('shelters.discharge.dischargedTo') },
      reason: { id: `discharge-reason-${stay.id}`, label: t('shelters.discharge.reason') },
    },
    serverErrors: { STAY_DISCHARGE_BEFORE_ADMISSION: { path: 'dischargedOn', code: 'before_admission' } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (discharge.isPending) return;
    const problems: FieldError[] = [];
    const dischargedOn = readDate(form.values.dischargedOn, 'dischargedOn', problems, true);
    notInFuture(dischargedOn, 'dischargedOn', problems);
    if (dischargedOn && dischargedOn < stay.admittedOn)
      problems.push({ path: 'dischargedOn', code: 'before_admission' });
    const dischargedTo = DISCHARGE_DESTINATIONS.find((d) => d === form.values.dischargedTo);
    if (!dischargedTo) problems.push({ path: 'dischargedTo', code: 'required' });
    if (form.failed(problems) || !dischargedOn || !dischargedTo) return;
    const reason = optionalText(form.values.reason);
    settle(
      discharge,
      { stayId: stay.id, dischargedOn, dischargedTo, ...(reason ? { reason } : {}) },
      {
        onSuccess: () =>
          onDone({ kind: 'success', key: 'shelters.discharge.done', params: { name: stay.name ?? '' } }),
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('shelters.discharge.summary', { name: stay.name ?? '' })}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('dischargedOn')} />
        <SelectField
          {...form.field('dischargedTo')}
          placeholder={t('shelters.discharge.dischargedToPlaceholder')}
          options={DISCHARGE_DESTINATIONS.map((d) => ({ value: d, label: t(`shelters.destinations.${d}`) }))}
        />
        <TextAreaField {...form.field('reason')} rows={2} />
        <button type="submit" className="button button-primary">
          {t('shelters.discharge.submit')}
        </button>
      </form>
    </FormDetails>
  );
}

/**
 * The notification letters (PDF) for residents whose handlekommune is not in Hjemvej: the shelter
 * sends the letter itself (§ 110 stk. 6).
 */
function LetterLinks({ residents }: { residents: Stay[] }) {
  const { t } = useTranslation();
  const outside = residents.filter((s) => !s.handlekommuneInDeployment);
  if (outside.length === 0) return null;
  return (
    <>
      <h3>{t('shelters.letters.heading')}</h3>
      <p>{t('shelters.letters.intro')}</p>
      <ul className="nobullet-list">
        {outside.map((s) => (
          <li key={s.id}>
            <a href={notificationLetterHref(s.id)} className="function-link" download>
              <Icon name="file-pdf" />
              {t('shelters.letters.link', { name: s.name ?? '', handlekommune: s.handlekommune })}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function NotificationCell({ stay }: { stay: Stay }) {
  const { t } = useTranslation();
  return (
    <span className={stay.notification === 'overdue' ? 'text-error' : undefined}>
      {t(`shelters.notification.${stay.notification}`)} (<DateText value={stay.notifiedOn ?? stay.notifyBy} />
      )
    </span>
  );
}

/** /herberg: the shelter's residents, admissions, notifications of the handlekommune and discharges. */
export function ResidentsPage() {
  const { t } = useTranslation();
  const query = useResidents();
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <Page
      title={query.data ? query.data.shelter.name : t('shelters.title')}
      documentTitle={t('shelters.title')}
    >
      <NoticeArea notice={notice} headingLevel={2} />
      <PageTasks />
      <QueryState query={query} loadingText={t('shelters.loading')} isEmpty={() => false}>
        {(data) => (
          <>
            <p>
              {t('shelters.occupancy', { residents: data.residents.length, places: data.shelter.places })}
            </p>
            <Section id="shelter-admit" heading={t('shelters.admit.heading')}>
              <AdmissionForm onDone={setNotice} />
            </Section>
            <Section id="shelter-residents" heading={t('shelters.residents.heading')}>
              {data.residents.length === 0 ? (
                <p>{t('shelters.residents.none')}</p>
              ) : (
                <>
                  <TableScroll label={t('shelters.residents.caption')}>
                    <table className="table table--compact">
                      <caption className="sr-only">{t('shelters.residents.caption')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('shelters.residents.name')}</th>
                          <th scope="col">{t('shelters.residents.admittedOn')}</th>
                          <th scope="col">{t('shelters.residents.handlekommune')}</th>
                          <th scope="col">{t('shelters.residents.notification')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.residents.map((s) => (
                          <tr key={s.id}>
                            <td>{s.name ?? <NoValue />}</td>
                            <td>
                              <DateText value={s.admittedOn} />
                            </td>
                            <td>{s.handlekommune}</td>
                            <td>
                              <NotificationCell stay={s} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                  <LetterLinks residents={data.residents} />
                  {data.residents
                    .filter((s) => s.notifiedOn === null)
                    .map((s) => (
                      <NotifyForm key={`n-${s.id}`} stay={s} onDone={setNotice} />
                    ))}
                  {data.residents.map((s) => (
                    <DischargeForm key={`d-${s.id}`} stay={s} onDone={setNotice} />
                  ))}
                </>
              )}
            </Section>
            <Section id="shelter-discharged" heading={t('shelters.discharged.heading')}>
              {data.discharged.length === 0 ? (
                <p>{t('shelters.discharged.none')}</p>
              ) : (
                <TableScroll label={t('shelters.discharged.caption')}>
                  <table className="table table--compact">
                    <caption className="sr-only">{t('shelters.discharged.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('shelters.residents.name')}</th>
                        <th scope="col">{t('shelters.residents.admittedOn')}</th>
                        <th scope="col">{t('shelters.discharged.dischargedOn')}</th>
                        <th scope="col">{t('shelters.discharged.dischargedTo')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.discharged.map((s) => (
                        <tr key={s.id}>
                          <td>{s.name ?? <NoValue />}</td>
                          <td>
                            <DateText value={s.admittedOn} />
                          </td>
                          <td>
                            <DateText value={s.dischargedOn} />
                          </td>
                          <td>
                            {s.dischargedTo ? t(`shelters.destinations.${s.dischargedTo}`) : <NoValue />}
                            {s.municipalDischarge ? ` ${t('shelters.discharged.municipal')}` : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}
