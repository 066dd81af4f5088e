import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { today } from '../../../shared/dates';
import { type NoticeDeadline, noticeDeadlines } from '../../../shared/prevention/clocks';
import { ApiError } from '../../api';
import { Alert } from '../../components/alert';
import { DateText } from '../../components/date-text';
import { Icon } from '../../components/icon';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { type Fact, Facts, Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { YesNoText } from '../../components/yes-no';
import { errorMessage } from '../../i18n/errors';
import { formatDate, formatWhole, isoToDanishDate } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { PageTasks } from '../tasks';
import { ActionsSection } from './case-actions';
import { DecisionSection, OutcomeSection } from './case-decisions';
import { isNoticeCreatedState } from './create-notice.page';
import { type CaseDetail, letterHref, useCase } from './prevention.api';
import { arrearsText, ChildrenBadge, DutyList, OverdueBadge, PlaceText } from './prevention-format';

/** The tenant's name, linked to the citizen page when the case has a citizen and the user may read it. */
function CitizenLink({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const canRead = hasPermission(useSession().data?.user, 'citizens.read');
  if (!detail.citizenId) return <>{t('evictionCase.facts.noCitizen')}</>;
  if (!canRead) return <>{t('evictionCase.facts.citizenLinked')}</>;
  return (
    <Link to={`/borgere/${encodeURIComponent(detail.citizenId)}`}>
      {t('evictionCase.facts.toCitizen', { name: detail.tenantName })}
    </Link>
  );
}

function FactsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const items: Fact[] = [
    {
      label: t('evictionCase.facts.status'),
      value: detail.status === 'open' ? t('evictionCase.facts.open') : t('evictionCase.facts.closed'),
    },
    { label: t('evictionCase.facts.tenant'), value: detail.tenantName },
    { label: t('evictionCase.facts.citizen'), value: <CitizenLink detail={detail} /> },
    { label: t('evictionCase.facts.address'), value: detail.address },
    {
      label: t('evictionCase.facts.place'),
      value: <PlaceText organisationName={detail.organisationName} departmentName={detail.departmentName} />,
    },
    {
      label: t('evictionCase.facts.children'),
      value: detail.childrenUnder18 ? <ChildrenBadge /> : t('common.no'),
    },
    { label: t('evictionCase.facts.knownNeed'), value: <YesNoText value={detail.knownNeed} /> },
    { label: t('evictionCase.facts.openedOn'), value: <DateText value={detail.openedOn} /> },
    { label: t('evictionCase.facts.step'), value: t(`prevention.steps.${detail.step}`) },
    {
      label: t('evictionCase.facts.sources'),
      value: detail.sources.map((s) => t(`prevention.sources.${s}`)).join(', ') || <NoValue />,
    },
    { label: t('evictionCase.facts.arrears'), value: arrearsText(t, detail.arrearsAmount) },
    { label: t('evictionCase.facts.evictionDate'), value: <DateText value={detail.evictionDate} /> },
  ];
  if (detail.noHelpDecisionOn)
    items.push(
      {
        label: t('evictionCase.facts.noHelpDecisionOn'),
        value: <DateText value={detail.noHelpDecisionOn} />,
      },
      { label: t('evictionCase.facts.noHelpReason'), value: detail.noHelpReason ?? <NoValue /> },
    );
  if (detail.status === 'closed')
    items.push(
      {
        label: t('evictionCase.facts.outcome'),
        value: detail.outcome ? t(`prevention.outcomes.${detail.outcome}`) : <NoValue />,
      },
      { label: t('evictionCase.facts.outcomeOn'), value: <DateText value={detail.outcomeOn} /> },
      { label: t('evictionCase.facts.outcomeNote'), value: detail.outcomeNote ?? <NoValue /> },
      {
        label: t('evictionCase.facts.daysToOutcome'),
        value:
          detail.daysToOutcome === null ? (
            <NoValue />
          ) : (
            t('evictionCase.facts.days', {
              count: detail.daysToOutcome,
              days: formatWhole(detail.daysToOutcome),
            })
          ),
      },
    );
  return (
    <Section id="eviction-case-facts" heading={t('evictionCase.facts.heading')}>
      <Facts items={items} label={t('evictionCase.facts.heading')} />
      <p>
        <a href={letterHref(detail.id)} className="function-link" download>
          <Icon name="file-pdf" />
          {t('evictionCase.letter')}
        </a>
      </p>
    </Section>
  );
}

/** The dates the notices carry (påkrav pay-by date, ophævelse, eviction date), as on the duties list. */
function NoticeDeadlineList({ deadlines }: { deadlines: NoticeDeadline[] }) {
  const { t } = useTranslation();
  return (
    <ul className="nobullet-list prevention-duties">
      {deadlines.map((d) => (
        <li key={d.kind} className={d.overdue ? 'prevention-duty-overdue' : undefined}>
          {d.overdue ? (
            <>
              <OverdueBadge />{' '}
            </>
          ) : null}
          <span>
            {t('evictionCases.format.duty', {
              duty: t(`prevention.duties.${d.kind}`),
              date: isoToDanishDate(d.dueOn),
            })}
          </span>
          {d.law ? <span className="d-block form-hint">{d.law}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function DutiesSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const deadlines = noticeDeadlines(detail.noticeList, detail.status, today());
  return (
    <Section id="eviction-case-duties" heading={t('evictionCase.duties.heading')}>
      <p>{t('evictionCase.duties.intro')}</p>
      {detail.duties.length === 0 && deadlines.length === 0 ? (
        <p>{detail.status === 'open' ? t('evictionCase.duties.none') : t('evictionCase.duties.closed')}</p>
      ) : (
        <>
          {detail.duties.length > 0 ? <DutyList duties={detail.duties} law /> : null}
          {deadlines.length > 0 ? <NoticeDeadlineList deadlines={deadlines} /> : null}
        </>
      )}
    </Section>
  );
}

function NoticesSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const caption = t('evictionCase.notices.caption', { count: detail.noticeList.length });
  return (
    <Section id="eviction-case-notices" heading={t('evictionCase.notices.heading')}>
      <TableScroll label={caption}>
        <table className="table table--zebra table--compact">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evictionCase.notices.receivedOn')}</th>
              <th scope="col">{t('evictionCase.notices.source')}</th>
              <th scope="col">{t('evictionCase.notices.step')}</th>
              <th scope="col" className="align-text-right">
                {t('evictionCase.notices.arrears')}
              </th>
              <th scope="col">{t('evictionCase.notices.paakravOn')}</th>
              <th scope="col">{t('evictionCase.notices.paakravDeadline')}</th>
              <th scope="col">{t('evictionCase.notices.terminationOn')}</th>
              <th scope="col">{t('evictionCase.notices.bailiffFiledOn')}</th>
              <th scope="col">{t('evictionCase.notices.evictionDate')}</th>
              <th scope="col">{t('evictionCase.notices.reported')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.noticeList.map((notice) => (
              <tr key={notice.id}>
                <th scope="row">
                  <DateText value={notice.receivedOn} />
                </th>
                <td>{t(`prevention.sources.${notice.source}`)}</td>
                <td>{t(`prevention.steps.${notice.step}`)}</td>
                <td className="align-text-right nowrap">
                  {arrearsText(t, notice.arrearsAmount, notice.arrearsMonths)}
                </td>
                <td>
                  <DateText value={notice.paakravOn} />
                </td>
                <td>
                  <DateText value={notice.paakravDeadline} />
                </td>
                <td>
                  <DateText value={notice.terminationOn} />
                </td>
                <td>
                  <DateText value={notice.bailiffFiledOn} />
                </td>
                <td>
                  <DateText value={notice.evictionDate} />
                </td>
                <td>
                  {t('evictionCase.notices.reportedBy', {
                    via: t(`evictionCase.notices.via.${notice.reportedVia}`),
                    name: notice.reportedByName,
                    date: formatDate(notice.createdAt),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

/** What the page says after a notice was registered: new or joined case, citizen created or found. */
function CreatedAlert({
  state,
}: {
  state: { joinedCase: boolean; citizenCreated: boolean; citizenLinked: boolean };
}) {
  const { t } = useTranslation();
  return (
    <Alert variant="success" live="status">
      <p>{state.joinedCase ? t('evictionCase.created.joined') : t('evictionCase.created.newCase')}</p>
      <p>
        {state.citizenCreated
          ? t('evictionCase.created.citizenCreated')
          : state.citizenLinked
            ? t('evictionCase.created.citizenFound')
            : t('evictionCase.created.noCitizen')}
      </p>
    </Alert>
  );
}

/**
 * /udsaettelser/:id: one eviction case: its facts, duties with the law, the notices, the actions and
 * the forms to record an action, a § 5 a decision and the outcome.
 */
export function EvictionCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const canManage = hasPermission(useSession().data?.user, 'prevention.manage');
  const query = useCase(id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const detail = query.data;
  const notFound = query.error instanceof ApiError && query.error.status === 404;
  const title = detail
    ? t('evictionCase.title', { name: detail.tenantName })
    : notFound
      ? t('evictionCase.notFound')
      : t('evictionCase.loadingTitle');
  const open = detail?.status === 'open';
  const decisionDue = detail?.duties.some((d) => d.kind === 'decide_no_help') ?? false;

  return (
    <Page title={title}>
      {detail ? <p className="font-lead">{detail.address}</p> : null}
      <p>
        <Link to="/udsaettelser">{t('evictionCases.backToInbox')}</Link>
      </p>
      {isNoticeCreatedState(location.state) ? <CreatedAlert state={location.state} /> : null}
      <NoticeArea notice={notice} headingLevel={2} />
      <QueryState
        query={query}
        errorText={(error) => (notFound ? t('evictionCase.notFoundText') : errorMessage(t, error))}
      />
      {detail ? (
        <>
          {detail.overdue ? (
            <Alert variant="error" heading={t('evictionCase.overdueHeading')}>
              <p>{t('evictionCase.overdueText')}</p>
            </Alert>
          ) : null}
          <PageTasks />
          <FactsSection detail={detail} />
          <DutiesSection detail={detail} />
          <NoticesSection detail={detail} />
          <ActionsSection detail={detail} canManage={canManage} />
          {canManage && open && decisionDue ? <DecisionSection detail={detail} onDone={setNotice} /> : null}
          {canManage && open ? <OutcomeSection detail={detail} onDone={setNotice} /> : null}
        </>
      ) : null}
    </Page>
  );
}
