import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { ApplicationDetail } from '../../../shared/allocation/api';
import { OPEN_STATUSES } from '../../../shared/allocation/model';
import { ApiError } from '../../api';
import { Alert } from '../../components/alert';
import { DateText } from '../../components/date-text';
import { Icon } from '../../components/icon';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { type Fact, Facts, Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { YesNoText } from '../../components/yes-no';
import { formatKroner, formatWhole } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { departmentName, useDepartments } from '../housing';
import { PageTasks } from '../tasks';
import { ActionsSection } from './application-actions';
import { DocumentsSection } from './application-documents';
import { DateTimeText, LongText, PriorityText, targetGroundsText } from './application-format';
import type { ApplicationSavedState } from './application-values';
import { letterHref, useApplication } from './applications.api';

/** The result of the latest action, shown (and focused) at the top of the page. */
type ActionNotice = { kind: 'success'; key: string; params?: Record<string, string> } | null;

function NoticeBanner({ notice }: { notice: ActionNotice }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // The notice the page opens with (after a save) is read with the h1, which the page focuses;
  // a notice after an action on the page takes focus, as the action's form has gone.
  const initial = useRef(notice);
  useEffect(() => {
    if (notice && notice !== initial.current) ref.current?.focus();
  }, [notice]);
  return (
    <div role="status">
      {notice ? (
        <Alert ref={ref} focusable variant="success">
          <p>{t(notice.key, notice.params ?? {})}</p>
        </Alert>
      ) : null}
    </div>
  );
}

// ---- facts ----

function StatusSection({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const canEdit = hasPermission(user, 'allocation.apply') && OPEN_STATUSES.includes(application.status);
  const facts: Fact[] = [
    { label: t('applications.detail.status'), value: t(`allocation.statuses.${application.status}`) },
    { label: t('applications.detail.priority'), value: <PriorityText value={application.priority} /> },
    {
      label: t('applications.detail.priorityReason'),
      value: <LongText value={application.priorityReason} />,
    },
    { label: t('applications.detail.waitingSince'), value: <DateText value={application.waitingSince} /> },
  ];
  if (application.decisionReason)
    facts.push({
      label: t('applications.detail.decisionReason'),
      value: <LongText value={application.decisionReason} />,
    });
  if (application.infoRequest)
    facts.push({
      label: t('applications.detail.infoRequest'),
      value: <LongText value={application.infoRequest} />,
    });
  if (application.pausedUntil)
    facts.push({
      label: t('applications.detail.pausedUntil'),
      value: <DateText value={application.pausedUntil} />,
    });
  facts.push({ label: t('applications.detail.refusals'), value: formatWhole(application.refusals) });
  return (
    <Section id="application-status" heading={t('applications.detail.statusHeading')}>
      <Facts items={facts} label={t('applications.detail.statusHeading')} />
      <ul className="nobullet-list housing-downloads">
        {application.hasDecisionLetter ? (
          <li>
            <a href={letterHref(application.id)} download className="function-link">
              <Icon name="file-pdf" />
              {t('applications.detail.letter')}
            </a>
          </li>
        ) : null}
        {canEdit ? (
          <li>
            <Link to={`/anvisning/ansoegninger/${encodeURIComponent(application.id)}/rediger`}>
              {t('applications.detail.edit')}
            </Link>
          </li>
        ) : null}
        {hasPermission(user, 'citizens.read') ? (
          <li>
            <Link to={`/borgere/${encodeURIComponent(application.citizenId)}`}>
              {t('applications.detail.citizenLink', { name: application.citizenName })}
            </Link>
          </li>
        ) : null}
      </ul>
    </Section>
  );
}

function RecommendationSection({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const facts: Fact[] = [
    { label: t('applications.detail.area'), value: t(`allocation.areas.${application.area}`) },
    { label: t('applications.detail.targetGrounds'), value: targetGroundsText(t, application.targetGrounds) },
    { label: t('applications.detail.justification'), value: <LongText value={application.justification} /> },
    {
      label: t('applications.detail.submitted'),
      value: (
        <>
          <DateTimeText value={application.submittedAt} />{' '}
          {t('applications.detail.by', { name: application.submittedByName })}
        </>
      ),
    },
  ];
  return (
    <Section id="application-recommendation" heading={t('applications.detail.recommendationHeading')}>
      <Facts items={facts} label={t('applications.detail.recommendationHeading')} />
    </Section>
  );
}

function dateOrNone(iso: string | null) {
  return <DateText value={iso} />;
}

function HouseholdSection({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const periods = application.members.flatMap((member) =>
    member.benefits.map((benefit, index) => ({ member, benefit, index })),
  );
  return (
    <Section id="application-household" heading={t('applications.detail.householdHeading')}>
      <p>{t('applications.detail.householdSize', { count: application.householdSize })}</p>
      <TableScroll label={t('applications.detail.membersCaption')}>
        <table className="table table--zebra table--compact">
          <caption className="sr-only">{t('applications.detail.membersCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('applications.form.member.name')}</th>
              <th scope="col">{t('applications.form.member.role')}</th>
              <th scope="col">{t('applications.form.member.birthDate')}</th>
              <th scope="col">{t('applications.form.member.citizenship')}</th>
              <th scope="col">{t('applications.detail.student')}</th>
              <th scope="col">{t('applications.form.member.prisonReleasedOn')}</th>
              <th scope="col">{t('applications.form.member.youthInstitutionReleasedOn')}</th>
              <th scope="col">{t('applications.form.member.leaseTerminatedMisconductOn')}</th>
              <th scope="col">{t('applications.form.member.partnerSince')}</th>
            </tr>
          </thead>
          <tbody>
            {application.members.map((member) => (
              <tr key={member.id}>
                <th scope="row">{member.name}</th>
                <td>{t(`allocation.memberRoles.${member.role}`)}</td>
                <td>{dateOrNone(member.birthDate)}</td>
                <td>{t(`allocation.citizenships.${member.citizenship}`)}</td>
                <td>
                  <YesNoText value={member.student} />
                </td>
                <td>{dateOrNone(member.prisonReleasedOn)}</td>
                <td>{dateOrNone(member.youthInstitutionReleasedOn)}</td>
                <td>{dateOrNone(member.leaseTerminatedMisconductOn)}</td>
                <td>{dateOrNone(member.partnerSince)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>{t('applications.detail.benefitsHeading')}</h3>
      {periods.length === 0 ? (
        <p>{t('applications.detail.noBenefits')}</p>
      ) : (
        <TableScroll label={t('applications.detail.benefitsCaption')}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{t('applications.detail.benefitsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applications.detail.person')}</th>
                <th scope="col">{t('applications.form.benefit.benefit')}</th>
                <th scope="col">{t('applications.form.benefit.from')}</th>
                <th scope="col">{t('applications.form.benefit.to')}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map(({ member, benefit, index }) => (
                <tr key={`${member.id}-${index}`}>
                  <th scope="row">{member.name}</th>
                  <td>{t(`allocation.benefits.${benefit.benefit}`)}</td>
                  <td>
                    <DateText value={benefit.from} />
                  </td>
                  <td>{benefit.to ? <DateText value={benefit.to} /> : t('applications.detail.ongoing')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

function departmentList(
  t: TFunction,
  ids: string[],
  names: Map<string, { number: string; name: string }>,
): ReactNode {
  if (ids.length === 0) return t('applications.detail.noDepartments');
  return ids
    .map((id) => {
      const department = names.get(id);
      return department ? departmentName(t, department) : t('applications.detail.unknownDepartment');
    })
    .join(', ');
}

function NeedSection({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const canReadHousing = hasPermission(useSession().data?.user, 'housing.read');
  const departments = useDepartments();
  const names = new Map(canReadHousing ? (departments.data?.items ?? []).map((d) => [d.id, d] as const) : []);
  const rooms =
    application.roomsMax === null
      ? t('applications.detail.roomsFrom', { min: application.roomsMin })
      : application.roomsMax === application.roomsMin
        ? t('applications.detail.roomsExactly', { min: application.roomsMin })
        : t('applications.detail.roomsRange', { min: application.roomsMin, max: application.roomsMax });
  const youthGrounds = (['inEducation', 'educationPlanned', 'youthSpecialNeed'] as const)
    .filter((key) => application[key])
    .map((key) => t(`applications.form.${key}`));
  const facts: Fact[] = [
    { label: t('applications.detail.rooms'), value: rooms },
    { label: t('applications.form.monthlyIncome'), value: formatKroner(t, application.monthlyIncome) },
    { label: t('applications.form.fixedCosts'), value: formatKroner(t, application.fixedCosts) },
    {
      label: t('applications.detail.maxRent'),
      value: (
        <>
          {formatKroner(t, application.maxRent)}
          <span className="d-block form-hint">{t('applications.detail.maxRentHint')}</span>
        </>
      ),
    },
    { label: t('applications.form.accessibleNeed'), value: <YesNoText value={application.accessibleNeed} /> },
    {
      label: t('applications.form.wished'),
      value: departmentList(t, application.wishedDepartmentIds, names),
    },
    {
      label: t('applications.form.excluded'),
      value: departmentList(t, application.excludedDepartmentIds, names),
    },
    {
      label: t('applications.form.youthWish'),
      value: application.youthWish ? (
        <>
          {t('common.yes')}
          {youthGrounds.length > 0 ? `: ${youthGrounds.join(', ')}` : ''}
        </>
      ) : (
        t('common.no')
      ),
    },
  ];
  return (
    <Section id="application-need" heading={t('applications.detail.needHeading')}>
      <Facts items={facts} label={t('applications.detail.needHeading')} />
    </Section>
  );
}

function OffersSection({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  return (
    <Section id="application-offers" heading={t('applications.detail.offersHeading')}>
      {application.offers.length === 0 ? (
        <p>{t('applications.detail.noOffers')}</p>
      ) : (
        <TableScroll label={t('applications.detail.offersCaption')}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{t('applications.detail.offersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applications.detail.unit')}</th>
                <th scope="col">{t('applications.detail.offerStatus')}</th>
                <th scope="col">{t('applications.detail.offeredAt')}</th>
                <th scope="col">{t('applications.detail.replyBy')}</th>
                <th scope="col">{t('applications.detail.respondedAt')}</th>
                <th scope="col">{t('applications.detail.declineReason')}</th>
                <th scope="col">{t('applications.detail.countsAsRefusal')}</th>
              </tr>
            </thead>
            <tbody>
              {application.offers.map((offer) => (
                <tr key={offer.id}>
                  <th scope="row">
                    <Link to={`/anvisning/boliger/${encodeURIComponent(offer.vacancyId)}`}>
                      {offer.address}
                    </Link>
                  </th>
                  <td>{t(`allocation.offerStatuses.${offer.status}`)}</td>
                  <td>
                    <DateTimeText value={offer.offeredAt} />
                    <span className="d-block form-hint">
                      {t('applications.detail.by', { name: offer.offeredByName })}
                    </span>
                  </td>
                  <td>
                    <DateText value={offer.replyBy} />
                  </td>
                  <td>
                    <DateTimeText value={offer.respondedAt} />
                  </td>
                  <td>
                    {offer.declineReason ? (
                      t(`allocation.declineReasons.${offer.declineReason}`)
                    ) : (
                      <NoValue />
                    )}
                    {offer.note ? <span className="d-block form-hint prewrap">{offer.note}</span> : null}
                  </td>
                  <td>
                    <YesNoText value={offer.countsAsRefusal} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

function TenanciesSection({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  if (application.tenancies.length === 0) return null;
  return (
    <Section id="application-tenancies" heading={t('applications.detail.tenanciesHeading')}>
      <TableScroll label={t('applications.detail.tenanciesCaption')}>
        <table className="table table--zebra table--compact">
          <caption className="sr-only">{t('applications.detail.tenanciesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('applications.detail.unit')}</th>
              <th scope="col">{t('applications.detail.acceptedOn')}</th>
              <th scope="col">{t('applications.detail.leaseSignedOn')}</th>
              <th scope="col">{t('applications.detail.plannedMoveInOn')}</th>
              <th scope="col">{t('applications.detail.movedInOn')}</th>
            </tr>
          </thead>
          <tbody>
            {application.tenancies.map((tenancy) => (
              <tr key={tenancy.id}>
                <th scope="row">
                  <Link to={`/anvisning/boliger/${encodeURIComponent(tenancy.vacancyId)}`}>
                    {tenancy.address}
                  </Link>
                </th>
                <td>
                  <DateText value={tenancy.acceptedOn} />
                </td>
                <td>
                  <DateText value={tenancy.leaseSignedOn} />
                </td>
                <td>
                  <DateText value={tenancy.plannedMoveInOn} />
                </td>
                <td>
                  <DateText value={tenancy.movedInOn} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

function EventsSection({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const events = application.events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => b.event.at.localeCompare(a.event.at) || b.index - a.index)
    .map(({ event }) => event);
  return (
    <Section id="application-events" heading={t('applications.detail.eventsHeading')}>
      {events.length === 0 ? (
        <p>{t('applications.detail.noEvents')}</p>
      ) : (
        <TableScroll label={t('applications.detail.eventsCaption')}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{t('applications.detail.eventsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applications.detail.eventAt')}</th>
                <th scope="col">{t('applications.detail.eventAction')}</th>
                <th scope="col">{t('applications.detail.eventStatus')}</th>
                <th scope="col">{t('applications.detail.eventBy')}</th>
                <th scope="col">{t('applications.detail.eventReason')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event, index) => (
                // Events carry no id; time, action and position identify them within this list.
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on every change.
                <tr key={`${event.at}-${event.action}-${index}`}>
                  <td className="nowrap">
                    <DateTimeText value={event.at} />
                  </td>
                  <th scope="row">{t(`allocation.actions.${event.action}`)}</th>
                  <td>
                    {event.fromStatus && event.fromStatus !== event.toStatus
                      ? t('applications.detail.statusChange', {
                          from: t(`allocation.statuses.${event.fromStatus}`),
                          to: t(`allocation.statuses.${event.toStatus}`),
                        })
                      : t(`allocation.statuses.${event.toStatus}`)}
                  </td>
                  <td>{event.byName}</td>
                  <td>
                    <LongText value={event.reason} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

function isSavedState(state: unknown): state is ApplicationSavedState {
  const saved = (state as ApplicationSavedState | null)?.saved;
  return saved === 'created' || saved === 'updated';
}

/** /anvisning/ansoegninger/:id: one application with its facts, assessment, offers and history. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const application = useApplication(id);
  const data = application.data;
  const notFound = application.error instanceof ApiError && application.error.status === 404;
  const [notice, setNotice] = useState<ActionNotice>(() =>
    isSavedState(location.state)
      ? { kind: 'success', key: `applications.detail.saved.${location.state.saved}` }
      : null,
  );

  const title = data
    ? t('applications.detail.title', { name: data.citizenName })
    : notFound
      ? t('applications.detail.notFoundTitle')
      : t('applications.detail.loadingTitle');

  return (
    <Page title={title} documentTitle={t('applications.detail.documentTitle')}>
      <p>
        <Link to="/anvisning">{t('applications.detail.backToList')}</Link>
      </p>
      <NoticeBanner notice={notice} />
      <QueryState
        query={application}
        renderError={() =>
          notFound ? (
            <Alert variant="error" live="alert">
              <p>{t('applications.detail.notFound')}</p>
            </Alert>
          ) : undefined
        }
      />
      {data ? (
        <>
          <PageTasks />
          <StatusSection application={data} />
          <ActionsSection
            key={data.status}
            application={data}
            onDone={(action) => setNotice({ kind: 'success', key: `applications.actions.${action}.done` })}
          />
          <RecommendationSection application={data} />
          <HouseholdSection application={data} />
          <NeedSection application={data} />
          <OffersSection application={data} />
          <TenanciesSection application={data} />
          <DocumentsSection application={data} />
          <EventsSection application={data} />
        </>
      ) : null}
    </Page>
  );
}
