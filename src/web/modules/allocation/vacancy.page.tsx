import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { DECLINE_REASONS, RETURN_REASONS, type ReturnReason } from '../../../shared/allocation/model';
import { ApiError, type FieldError, settle } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
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
import { type Fact, Facts, FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TextAreaField } from '../../components/text-area-field';
import { useForm } from '../../components/use-form';
import { YesNoText } from '../../components/yes-no';
import {
  formatDate,
  formatKroner,
  formatWhole,
  isoDateTime,
  isoToDanishDate,
  todayIso,
  todayText,
} from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { AreaStatusText } from '../housing';
import { PageTasks } from '../tasks';
import { CandidatesSection } from './candidates';
import type { VacancyCreatedState } from './create-vacancy.page';
import {
  type OfferView,
  offerLetterHref,
  useAcceptOffer,
  useDeclineOffer,
  useExpireOffer,
  useReturnVacancy,
  useVacancy,
  useWithdrawOffer,
  type VacancyView,
} from './vacancies.api';
import { CitizenLink, emptyText, placeText } from './vacancy-format';
import { TenancySection } from './vacancy-tenancy';

/** Where the page's one result message stands. */
type NoticeAt = 'page' | 'offer' | 'tenancy' | 'candidates' | 'return';

function isCreatedState(state: unknown): state is VacancyCreatedState {
  return typeof state === 'object' && state !== null && (state as VacancyCreatedState).created === true;
}

function FactsSection({ vacancy }: { vacancy: VacancyView }) {
  const { t } = useTranslation();
  const items: Fact[] = [
    { label: t('vacancies.facts.status'), value: t(`allocation.vacancyStatuses.${vacancy.status}`) },
    { label: t('vacancies.facts.address'), value: vacancy.address },
    { label: t('vacancies.facts.place'), value: placeText(t, vacancy) },
    { label: t('vacancies.facts.unitType'), value: t(`allocation.unitTypes.${vacancy.unitType}`) },
    { label: t('vacancies.facts.rooms'), value: formatWhole(vacancy.rooms) },
    {
      label: t('vacancies.facts.areaM2'),
      value: t('vacancies.format.m2', { value: formatWhole(vacancy.areaM2) }),
    },
    { label: t('vacancies.facts.rent'), value: formatKroner(t, vacancy.rent) },
    { label: t('vacancies.facts.utilities'), value: formatKroner(t, vacancy.utilities) },
    { label: t('vacancies.facts.deposit'), value: formatKroner(t, vacancy.deposit) },
    { label: t('vacancies.facts.accessible'), value: <YesNoText value={vacancy.accessible} /> },
    { label: t('vacancies.facts.availableOn'), value: <DateText value={vacancy.availableOn} /> },
    { label: t('vacancies.facts.areaStatus'), value: <AreaStatusText status={vacancy.areaStatus} /> },
    { label: t('vacancies.facts.deadlineOn'), value: <DateText value={vacancy.deadlineOn} /> },
    { label: t('vacancies.facts.origin'), value: t(`allocation.origins.${vacancy.origin}`) },
    { label: t('vacancies.facts.empty'), value: emptyText(t, vacancy) },
    {
      label: t('vacancies.facts.reported'),
      value: t('vacancies.facts.reportedBy', {
        via: t(`vacancies.reportedVia.${vacancy.reportedVia}`),
        name: vacancy.reportedByName,
        date: formatDate(vacancy.createdAt),
      }),
    },
  ];
  if (vacancy.status === 'withdrawn') {
    items.push(
      { label: t('vacancies.facts.withdrawnOn'), value: <DateText value={vacancy.withdrawnOn} /> },
      { label: t('vacancies.facts.withdrawnReason'), value: vacancy.withdrawnReason ?? <NoValue /> },
    );
  }
  if (vacancy.correctedAt) {
    items.push({
      label: t('vacancies.facts.correctedAt'),
      value: <time dateTime={isoDateTime(vacancy.correctedAt)}>{formatDate(vacancy.correctedAt)}</time>,
    });
  }
  if (vacancy.status === 'returned') {
    items.push(
      { label: t('vacancies.facts.returnedOn'), value: <DateText value={vacancy.returnedOn} /> },
      {
        label: t('vacancies.facts.returnedReason'),
        value: vacancy.returnedReason ? t(`allocation.returnReasons.${vacancy.returnedReason}`) : <NoValue />,
      },
      { label: t('vacancies.facts.returnedNote'), value: vacancy.returnedNote ?? <NoValue /> },
    );
  }
  return (
    <Section id="vacancy-facts" heading={t('vacancies.facts.heading')}>
      <Facts items={items} label={t('vacancies.facts.heading')} />
      <p className="form-hint">{t('vacancies.facts.emptyHint')}</p>
    </Section>
  );
}

// ---- the live offer ----

function AcceptForm({ offer, onDone }: { offer: OfferView; onDone: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const accept = useAcceptOffer(offer.id);
  const form = useForm({
    formKey: 'offers.accept',
    initial: { leaseSignedOn: '', plannedMoveInOn: '' },
    fields: {
      leaseSignedOn: { id: 'accept-lease', label: t('offers.accept.leaseSignedOn') },
      plannedMoveInOn: { id: 'accept-move-in', label: t('offers.accept.plannedMoveInOn') },
    },
  });
  const { values } = form;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (accept.isPending) return;
    const problems: FieldError[] = [];
    const leaseSignedOn = readDate(values.leaseSignedOn, 'leaseSignedOn', problems);
    notInFuture(leaseSignedOn, 'leaseSignedOn', problems);
    const plannedMoveInOn = readDate(values.plannedMoveInOn, 'plannedMoveInOn', problems);
    if (form.failed(problems)) return;
    settle(
      accept,
      { leaseSignedOn: leaseSignedOn ?? null, plannedMoveInOn: plannedMoveInOn ?? null },
      {
        onSuccess: (tenancy) => {
          form.clear();
          onDone({ kind: 'success', key: 'offers.accept.done', params: { name: tenancy.citizenName } });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('offers.accept.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <p>{t('offers.accept.intro')}</p>
        <DateField
          {...form.field('leaseSignedOn')}
          hint={`${t('offers.accept.leaseHint')} ${t('form.dateHint')}`}
        />
        <DateField
          {...form.field('plannedMoveInOn')}
          hint={`${t('offers.accept.moveInHint')} ${t('form.dateHint')}`}
        />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('offers.accept.submit')}
          </button>
        </div>
        {accept.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

function DeclineForm({ offer, onDone }: { offer: OfferView; onDone: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const decline = useDeclineOffer(offer.id);
  const form = useForm({
    formKey: 'offers.decline',
    initial: { reason: '', note: '' },
    fields: {
      reason: { id: 'decline-reason', label: t('offers.decline.reason') },
      note: { id: 'decline-note', label: t('offers.decline.note') },
    },
  });
  const { values } = form;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (decline.isPending) return;
    if (form.failed(values.reason === '' ? [{ path: 'reason', code: 'required' }] : [])) return;
    const reason = values.reason as (typeof DECLINE_REASONS)[number];
    const note = optionalText(values.note);
    settle(decline, note ? { reason, note } : { reason }, {
      onSuccess: (answered) => {
        form.clear();
        onDone({
          kind: 'success',
          key: answered.countsAsRefusal ? 'offers.decline.doneRefusal' : 'offers.decline.done',
          params: { name: answered.citizenName, reason: t(`allocation.declineReasons.${reason}`) },
        });
      },
      onError: form.reportError,
    });
  };
  return (
    <FormDetails summary={t('offers.decline.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('reason')}
          hint={t('offers.decline.reasonHint')}
          placeholder={t('offers.decline.reasonPlaceholder')}
          options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`allocation.declineReasons.${r}`) }))}
        />
        <TextAreaField {...form.field('note')} />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('offers.decline.submit')}
          </button>
        </div>
        {decline.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

function OfferActions({ offer, onDone }: { offer: OfferView; onDone: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const expire = useExpireOffer(offer.id);
  const withdraw = useWithdrawOffer(offer.id);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const deadlinePassed = offer.replyBy < todayIso();
  const name = offer.citizenName;

  const onExpire = () => {
    if (expire.isPending) return;
    settle(expire, undefined, {
      onSuccess: () => onDone({ kind: 'success', key: 'offers.expire.done', params: { name } }),
      onError: (error) => onDone({ kind: 'error', error }),
    });
  };
  const onWithdraw = () => {
    if (withdraw.isPending) return;
    settle(
      withdraw,
      {},
      {
        onSuccess: () => {
          setConfirmWithdraw(false);
          onDone({ kind: 'success', key: 'offers.withdraw.done', params: { name } });
        },
        onError: (error) => {
          setConfirmWithdraw(false);
          onDone({ kind: 'error', error });
        },
      },
    );
  };

  return (
    <>
      <h3>{t('offers.actionsHeading')}</h3>
      <AcceptForm offer={offer} onDone={onDone} />
      <DeclineForm offer={offer} onDone={onDone} />
      <div className="mt-5">
        <p className="form-hint" id="offer-expire-hint">
          {deadlinePassed
            ? t('offers.expire.hintPassed', { date: isoToDanishDate(offer.replyBy) })
            : t('offers.expire.hintNotPassed', { date: isoToDanishDate(offer.replyBy) })}
        </p>
        <button
          type="button"
          className="button button-secondary"
          onClick={onExpire}
          disabled={expire.isPending}
          aria-describedby="offer-expire-hint"
        >
          {t('offers.expire.button')}
        </button>{' '}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setConfirmWithdraw(true)}
          disabled={withdraw.isPending}
        >
          {t('offers.withdraw.button')}
        </button>
      </div>
      {expire.isPending || withdraw.isPending ? <Loading text={t('common.saving')} /> : null}
      <ConfirmDialog
        open={confirmWithdraw}
        heading={t('offers.withdraw.confirmHeading')}
        confirmLabel={t('offers.withdraw.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={onWithdraw}
        onCancel={() => setConfirmWithdraw(false)}
        busy={withdraw.isPending}
      >
        <p>{t('offers.withdraw.confirmText', { name })}</p>
      </ConfirmDialog>
    </>
  );
}

/** The page's one result message: shown in the section whose action it answers (issue 14 §3). */
export interface SectionNotice {
  notice: Notice | null;
  onNotice: (notice: Notice | null) => void;
}

function OfferSection({
  vacancy,
  canManage,
  notice,
  onNotice: setNotice,
}: { vacancy: VacancyView; canManage: boolean } & SectionNotice) {
  const { t } = useTranslation();
  const offer = vacancy.liveOffer;
  return (
    <Section id="vacancy-offer" heading={t('offers.heading')}>
      <NoticeArea notice={notice} />
      {offer ? (
        <>
          <Facts
            label={t('offers.factsCaption')}
            items={[
              {
                label: t('offers.citizen'),
                value: <CitizenLink id={offer.citizenId} name={offer.citizenName} />,
              },
              { label: t('offers.status'), value: t(`allocation.offerStatuses.${offer.status}`) },
              {
                label: t('offers.offeredAt'),
                value: <time dateTime={isoDateTime(offer.offeredAt)}>{formatDate(offer.offeredAt)}</time>,
              },
              { label: t('offers.offeredBy'), value: offer.offeredByName },
              { label: t('offers.replyBy'), value: <DateText value={offer.replyBy} /> },
            ]}
          />
          <p>
            <a href={offerLetterHref(offer.id)} className="function-link" download>
              <Icon name="file-pdf" />
              {t('offers.letter')}
            </a>
          </p>
          {canManage ? <OfferActions key={offer.id} offer={offer} onDone={setNotice} /> : null}
        </>
      ) : (
        <p>
          {vacancy.status === 'open'
            ? t('offers.noneOpen')
            : vacancy.status === 'let'
              ? t('offers.noneLet')
              : vacancy.status === 'withdrawn'
                ? t('offers.noneWithdrawn')
                : t('offers.noneReturned')}
        </p>
      )}
    </Section>
  );
}

// ---- returning the unit ----

function ReturnSection({ vacancy, notice, onNotice: setNotice }: { vacancy: VacancyView } & SectionNotice) {
  const { t } = useTranslation();
  const giveBack = useReturnVacancy(vacancy.id);
  const [confirm, setConfirm] = useState<{ reason: ReturnReason; note?: string; returnedOn: string } | null>(
    null,
  );
  const form = useForm({
    formKey: 'vacancies.return',
    initial: { reason: '', note: '', returnedOn: todayText() },
    fields: {
      reason: { id: 'return-reason', label: t('vacancies.return.reason') },
      note: { id: 'return-note', label: t('vacancies.return.note') },
      returnedOn: { id: 'return-on', label: t('vacancies.return.returnedOn') },
    },
  });
  const { values } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    const problems: FieldError[] = [];
    if (values.reason === '') problems.push({ path: 'reason', code: 'required' });
    const note = optionalText(values.note);
    if (values.reason === 'other' && !note) problems.push({ path: 'note', code: 'required' });
    const returnedOn = readDate(values.returnedOn, 'returnedOn', problems, true);
    notInFuture(returnedOn, 'returnedOn', problems);
    if (form.failed(problems) || returnedOn === undefined) return;
    form.clear();
    setConfirm({ reason: values.reason as ReturnReason, ...(note ? { note } : {}), returnedOn });
  };

  const onConfirm = () => {
    if (!confirm || giveBack.isPending) return;
    settle(giveBack, confirm, {
      onSuccess: () => {
        setConfirm(null);
        setNotice({
          kind: 'success',
          key: 'vacancies.return.done',
          params: { reason: t(`allocation.returnReasons.${confirm.reason}`) },
        });
      },
      onError: (error) => {
        setConfirm(null);
        form.reportError(error);
      },
    });
  };

  return (
    <Section id="vacancy-return" heading={t('vacancies.return.heading')}>
      <NoticeArea notice={notice} />
      {vacancy.status === 'open' && !vacancy.liveOffer ? (
        <FormDetails summary={t('vacancies.return.summary')}>
          <p>{t('vacancies.return.intro')}</p>
          {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
          <form onSubmit={onSubmit} noValidate>
            <SelectField
              {...form.field('reason')}
              placeholder={t('vacancies.return.reasonPlaceholder')}
              options={RETURN_REASONS.map((r) => ({ value: r, label: t(`allocation.returnReasons.${r}`) }))}
            />
            <TextAreaField {...form.field('note')} hint={t('vacancies.return.noteHint')} />
            <DateField {...form.field('returnedOn')} />
            <div className="mt-5">
              <button type="submit" className="button button-secondary">
                {t('vacancies.return.submit')}
              </button>
            </div>
          </form>
        </FormDetails>
      ) : vacancy.status === 'open' ? (
        <p>{t('vacancies.return.liveOffer')}</p>
      ) : vacancy.status === 'returned' && vacancy.returnedOn ? (
        <p>
          {t('vacancies.return.returned', {
            date: isoToDanishDate(vacancy.returnedOn),
            reason: vacancy.returnedReason ? t(`allocation.returnReasons.${vacancy.returnedReason}`) : '',
          })}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        heading={t('vacancies.return.confirmHeading')}
        confirmLabel={t('vacancies.return.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={onConfirm}
        onCancel={() => setConfirm(null)}
        busy={giveBack.isPending}
      >
        <p>
          {t('vacancies.return.confirmText', {
            address: vacancy.address,
            reason: confirm ? t(`allocation.returnReasons.${confirm.reason}`) : '',
          })}
        </p>
      </ConfirmDialog>
    </Section>
  );
}

/** /anvisning/boliger/:id: one vacant unit, its live offer and tenancy, and its ranked candidates. */
export function VacancyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const canManage = hasPermission(useSession().data?.user, 'allocation.manage');
  const vacancy = useVacancy(id);
  const data = vacancy.data;
  // One result message on the page at a time, in the section whose action it answers: the
  // registration's, then each later action's in its place (issue 14 §3: after a unit was let, the
  // page still showed an earlier success message beside the latest).
  const [notice, setNotice] = useState<{ at: NoticeAt; notice: Notice } | null>(() =>
    isCreatedState(location.state)
      ? {
          at: 'page',
          notice: {
            kind: 'success',
            key: 'vacancies.create.done',
            params: { address: location.state.address },
          },
        }
      : null,
  );
  const noticeAt = (at: NoticeAt): SectionNotice => ({
    notice: notice?.at === at ? notice.notice : null,
    onNotice: (next) => setNotice(next ? { at, notice: next } : null),
  });
  const notFound = vacancy.error instanceof ApiError && vacancy.error.status === 404;
  const title = data
    ? data.address
    : notFound
      ? t('vacancies.page.notFound')
      : t('vacancies.page.loadingTitle');

  return (
    <Page title={title}>
      <p>
        <Link to="/anvisning/boliger">{t('vacancies.backToList')}</Link>
      </p>
      <NoticeArea notice={noticeAt('page').notice} headingLevel={2} />
      <QueryState query={vacancy}>
        {(data) => (
          <>
            <PageTasks />
            <FactsSection vacancy={data} />
            <OfferSection vacancy={data} canManage={canManage} {...noticeAt('offer')} />
            {data.tenancy ? (
              <TenancySection tenancy={data.tenancy} canManage={canManage} {...noticeAt('tenancy')} />
            ) : null}
            {/* A let, returned or withdrawn unit is offered to no one: no candidate list (issue 14 §3). */}
            {data.status === 'open' ? (
              <CandidatesSection vacancy={data} canManage={canManage} {...noticeAt('candidates')} />
            ) : null}
            {canManage && (data.status === 'open' || data.status === 'returned') ? (
              <ReturnSection vacancy={data} {...noticeAt('return')} />
            ) : null}
          </>
        )}
      </QueryState>
    </Page>
  );
}
