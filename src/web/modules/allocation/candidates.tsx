import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Outcome } from '../../../shared/allocation/eligibility';
import { addDays } from '../../../shared/dates';
import { ApiError, type FieldError, settle } from '../../api';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Icon } from '../../components/icon';
import { Loading } from '../../components/loading';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { QueryState } from '../../components/query-state';
import { readDate } from '../../components/read-field';
import { useForm } from '../../components/use-form';
import { formatWhole, isoToDanishDate, todayIso } from '../../i18n/format';
import { i18n } from '../../i18n/index';
import { applicationHref } from './applications.api';
import {
  CANDIDATE_PAGE,
  type Candidate,
  type Check,
  useAllocationSettings,
  useCandidates,
  useCreateOffer,
  type VacancyView,
} from './vacancies.api';
import { daysText, PriorityText } from './vacancy-format';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Amounts in a check's text, shown with a thousands point (5.200). */
const AMOUNT_PARAMS = new Set(['total', 'max', 'left', 'required']);

/**
 * A check's params as its text shows them: dates as dd.mm.åååå, amounts with a thousands point, and
 * a status code (an application's or an area's) in words.
 */
function checkParams(t: TFunction, check: Check): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(check.params)) {
    if (typeof value === 'number') {
      out[name] = AMOUNT_PARAMS.has(name) ? formatWhole(value) : value;
    } else if (ISO_DATE.test(value)) {
      out[name] = isoToDanishDate(value);
    } else if (name === 'status') {
      const area = `housing.areaStatuses.${value}`;
      const application = `allocation.statuses.${value}`;
      out[name] = i18n.exists(area) ? t(area) : i18n.exists(application) ? t(application) : value;
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** A check's text: `ranking.<key>` with its params. */
export function checkText(t: TFunction, check: Check): string {
  const params = checkParams(t, check);
  return t(`ranking.${check.key}`, params);
}

const OUTCOME_ICON: Record<Outcome, string> = { pass: 'check', fail: 'close', info: 'info' };

/** One rule's result: an icon and a word (met / not met / information), never colour alone. */
function CheckItem({ check }: { check: Check }) {
  const { t } = useTranslation();
  return (
    <li className={`candidate-check candidate-check--${check.outcome}`}>
      <Icon name={OUTCOME_ICON[check.outcome]} />{' '}
      <strong>{t(`candidates.outcomes.${check.outcome}`)}:</strong> {checkText(t, check)}
    </li>
  );
}

/** Every rule the candidate was checked against, in a details that opens on demand. */
function Explanation({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  return (
    <details className="details">
      <summary className="details-summary">
        {t('candidates.explanation', { name: candidate.citizenName })}
      </summary>
      <div className="details-text">
        <ul className="nobullet-list">
          {candidate.checks.map((check) => (
            <CheckItem key={`${check.rule}:${check.key}`} check={check} />
          ))}
        </ul>
      </div>
    </details>
  );
}

function CandidateFacts({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  return (
    <ul className="nobullet-list">
      <li>
        <strong>{t('candidates.priority')}:</strong> <PriorityText priority={candidate.priority} />
        {candidate.priorityReason ? <> – {candidate.priorityReason}</> : null}
      </li>
      <li>
        <strong>{t('candidates.waiting')}:</strong> {daysText(t, candidate.waitingDays)}
        {candidate.waitingSince ? (
          <>
            {' '}
            ({t('candidates.since')} <DateText value={candidate.waitingSince} />)
          </>
        ) : null}
      </li>
      <li>
        <strong>{t('candidates.householdSize')}:</strong>{' '}
        {t('candidates.persons', { count: candidate.householdSize })}
      </li>
    </ul>
  );
}

function CandidateName({ candidate }: { candidate: Candidate }) {
  return <Link to={applicationHref(candidate.applicationId)}>{candidate.citizenName}</Link>;
}

/** Reads on in a list: the next page joins the rows shown (the whole list is ranked anew). */
function ShowMore({ label, busy, onClick }: { label: string; busy: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="mb-6">
      <button type="button" className="button button-secondary" onClick={onClick} disabled={busy}>
        {label}
      </button>
      {busy ? <Loading text={t('candidates.loadingMore')} /> : null}
    </div>
  );
}

/** Whether offers can be made now, and if not, why (for the text above the list). */
type OfferState = 'can_offer' | 'read_only' | 'live_offer' | 'not_open';

function offerState(vacancy: VacancyView, canManage: boolean): OfferState {
  if (!canManage) return 'read_only';
  if (vacancy.status !== 'open') return 'not_open';
  if (vacancy.liveOffer) return 'live_offer';
  return 'can_offer';
}

/**
 * The candidate list of a vacancy (GET …/candidates): the eligible in rank order, each with the
 * reasons rule by rule and (when the unit is free) a button to offer it; then the excluded with the
 * rules they fail, so the officer can always say why someone was not offered the unit.
 */
export function CandidatesSection({
  vacancy,
  canManage,
  notice,
  onNotice: setNotice,
}: {
  vacancy: VacancyView;
  canManage: boolean;
  /** The page's one result message, when it answers an action here. */
  notice: Notice | null;
  onNotice: (notice: Notice | null) => void;
}) {
  const { t } = useTranslation();
  const [limits, setLimits] = useState({ eligible: CANDIDATE_PAGE, excluded: CANDIDATE_PAGE });
  const candidates = useCandidates(vacancy.id, limits);
  const state = offerState(vacancy, canManage);
  const settings = useAllocationSettings(state === 'can_offer');
  const offer = useCreateOffer(vacancy.id);
  const [touched, setTouched] = useState(false);
  const form = useForm({
    formKey: 'candidates.offer',
    initial: { replyBy: '' },
    fields: { replyBy: { id: 'offer-reply-by', label: t('candidates.offer.replyBy') } },
  });
  const replyBy = form.field('replyBy');

  // The reply deadline starts at today + the settings' reply days, until the officer changes it.
  const replyDays = settings.data?.replyDays;
  const { set } = form;
  useEffect(() => {
    if (!touched && replyDays !== undefined) set('replyBy', isoToDanishDate(addDays(todayIso(), replyDays)));
  }, [replyDays, touched, set]);

  const onOffer = (candidate: Candidate) => {
    if (offer.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    const date = readDate(form.values.replyBy, 'replyBy', problems);
    if (date !== undefined && date < todayIso()) problems.push({ path: 'replyBy', code: 'past_date' });
    if (form.failed(problems)) return;
    settle(
      offer,
      date
        ? { applicationId: candidate.applicationId, replyBy: date }
        : { applicationId: candidate.applicationId },
      {
        onSuccess: (made) => {
          form.clear();
          setNotice({
            kind: 'success',
            key: 'candidates.offer.made',
            params: { name: made.citizenName, date: isoToDanishDate(made.replyBy) },
          });
        },
        onError: (error) => {
          // A conflict (another officer was first) or a changed list: the page is refetched, nothing lost.
          if (error instanceof ApiError && error.fields.length > 0) {
            form.reportError(error);
            return;
          }
          form.clear();
          setNotice({ kind: 'error', error });
        },
      },
    );
  };

  const data = candidates.data;

  return (
    <section aria-labelledby="vacancy-candidates-heading" className="citizen-section">
      <h2 id="vacancy-candidates-heading">{t('candidates.heading')}</h2>
      <p>{t('candidates.intro')}</p>
      <QueryState query={candidates} loadingText={t('candidates.loading')} headingLevel={3} />
      <NoticeArea notice={notice} />
      {data ? (
        <>
          <p>
            <strong>{t('candidates.onDate', { date: isoToDanishDate(data.onDate) })}</strong>{' '}
            {t('candidates.onDateWhy')}{' '}
            {data.areaStatus
              ? t('candidates.areaStatus', {
                  status: t(`housing.areaStatuses.${data.areaStatus}`),
                  date: isoToDanishDate(data.onDate),
                })
              : null}
          </p>
          {state === 'live_offer' ? <p>{t('candidates.state.liveOffer')}</p> : null}
          {state === 'not_open' ? (
            <p>
              {t('candidates.state.notOpen', { status: t(`allocation.vacancyStatuses.${vacancy.status}`) })}
            </p>
          ) : null}
          <h3>{t('candidates.eligibleHeading', { count: data.eligibleCount })}</h3>
          {data.eligible.length < data.eligibleCount ? (
            <p>{t('candidates.showingFirst', { shown: data.eligible.length, count: data.eligibleCount })}</p>
          ) : null}
          {data.eligible.length === 0 ? (
            <p>{t('candidates.noEligible')}</p>
          ) : (
            <>
              {state === 'can_offer' ? (
                <div className="mb-5">
                  {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
                  <DateField
                    {...replyBy}
                    hint={`${
                      replyDays === undefined
                        ? t('candidates.offer.replyByHintDefault')
                        : t('candidates.offer.replyByHint', { count: replyDays })
                    } ${t('form.dateHint')}`}
                    onChange={(event) => {
                      setTouched(true);
                      replyBy.onChange(event);
                    }}
                  />
                </div>
              ) : null}
              <ol className="nobullet-list candidate-list" aria-label={t('candidates.eligibleList')}>
                {data.eligible.map((candidate) => (
                  <li key={candidate.applicationId} className="mb-6">
                    <h4>
                      {t('candidates.rank', { rank: candidate.rank ?? '' })}{' '}
                      <CandidateName candidate={candidate} />
                    </h4>
                    <CandidateFacts candidate={candidate} />
                    <Explanation candidate={candidate} />
                    {state === 'can_offer' ? (
                      <button
                        type="button"
                        className="button button-primary"
                        onClick={() => onOffer(candidate)}
                        disabled={offer.isPending}
                      >
                        {t('candidates.offer.button')}
                        <span className="sr-only">
                          {' '}
                          {t('candidates.offer.to', { name: candidate.citizenName })}
                        </span>
                      </button>
                    ) : null}
                  </li>
                ))}
              </ol>
              {offer.isPending ? <Loading text={t('candidates.offer.working')} /> : null}
              {data.eligible.length < data.eligibleCount ? (
                <ShowMore
                  label={t('candidates.showMoreEligible', {
                    count: Math.min(CANDIDATE_PAGE, data.eligibleCount - data.eligible.length),
                  })}
                  busy={candidates.isPlaceholderData}
                  onClick={() =>
                    setLimits((l) => ({ ...l, eligible: data.eligible.length + CANDIDATE_PAGE }))
                  }
                />
              ) : null}
            </>
          )}
          <h3>{t('candidates.excludedHeading', { count: data.excludedCount })}</h3>
          {data.excluded.length < data.excludedCount ? (
            <p>{t('candidates.showingFirst', { shown: data.excluded.length, count: data.excludedCount })}</p>
          ) : null}
          {data.excluded.length === 0 ? (
            <p>{t('candidates.noExcluded')}</p>
          ) : (
            <>
              <p>{t('candidates.excludedIntro')}</p>
              <ul className="nobullet-list" aria-label={t('candidates.excludedList')}>
                {data.excluded.map((candidate) => (
                  <li key={candidate.applicationId} className="mb-6">
                    <h4>
                      <CandidateName candidate={candidate} />
                    </h4>
                    <p className="mb-2">
                      <strong>{t('candidates.whyNot')}</strong>
                    </p>
                    <ul className="nobullet-list">
                      {candidate.checks
                        .filter((check) => check.outcome === 'fail')
                        .map((check) => (
                          <CheckItem key={`${check.rule}:${check.key}`} check={check} />
                        ))}
                    </ul>
                    <CandidateFacts candidate={candidate} />
                    <Explanation candidate={candidate} />
                  </li>
                ))}
              </ul>
              {data.excluded.length < data.excludedCount ? (
                <ShowMore
                  label={t('candidates.showMoreExcluded', {
                    count: Math.min(CANDIDATE_PAGE, data.excludedCount - data.excluded.length),
                  })}
                  busy={candidates.isPlaceholderData}
                  onClick={() =>
                    setLimits((l) => ({ ...l, excluded: data.excluded.length + CANDIDATE_PAGE }))
                  }
                />
              ) : null}
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
