import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { ApplicationDetail, AssessmentInput } from '../../../shared/allocation/api';
import {
  type ApplicationAction,
  ASSESSMENT_ACTIONS,
  type AssessmentAction,
  OPEN_STATUSES,
  PRIORITIES,
  type Priority,
} from '../../../shared/allocation/model';
import { ApiError, type FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import { useFormProblems } from '../../components/form-problems';
import { Icon } from '../../components/icon';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { RadioGroup } from '../../components/radio-group';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { describedBy } from '../../components/text-field';
import { errorMessage } from '../../i18n/errors';
import { hasPermission, useSession } from '../access/session';
import { DateText, readDate, todayIso, YesNoText } from '../citizens/citizen-format';
import { type Fact, Facts, FormDetails, Section } from '../citizens/citizen-layout';
import { useDepartments } from '../housing/housing.api';
import { departmentName, formatKroner, formatWhole } from '../housing/housing-format';
import type { ApplicationSavedState } from './application-form';
import { DateTimeText, LongText, PriorityText, readableError, targetGroundsText } from './application-format';
import {
  documentHref,
  letterHref,
  useAllocationSettings,
  useApplication,
  useAssess,
  useResubmit,
  useUploadDocument,
  useWithdraw,
} from './applications.api';

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

// ---- actions ----

/** The actions this page offers as forms; 'house' happens through the move-in, not here. */
const PAGE_ACTIONS: readonly ApplicationAction[] = [
  'approve',
  'request_info',
  'resubmit',
  'reject',
  'pause',
  'resume',
  'remove',
  'withdraw',
];
/** Actions that end the application for good ask first. */
const CONFIRMED: readonly ApplicationAction[] = ['remove', 'withdraw'];

const isAssessment = (action: ApplicationAction): action is AssessmentAction =>
  (ASSESSMENT_ACTIONS as readonly string[]).includes(action);

function ActionForm({
  application,
  action,
  onDone,
}: {
  application: ApplicationDetail;
  action: ApplicationAction;
  onDone: (action: ApplicationAction) => void;
}) {
  const { t } = useTranslation();
  const assess = useAssess(application.id);
  const resubmit = useResubmit(application.id);
  const withdraw = useWithdraw(application.id);
  const settings = useAllocationSettings();
  const [priority, setPriority] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [confirming, setConfirming] = useState(false);
  const busy = assess.isPending || resubmit.isPending || withdraw.isPending;
  const prefix = `application-${action.replace('_', '-')}`;
  const form = useFormProblems(`applications.actions.${action}`, {
    priority: { id: `${prefix}-priority`, label: t('applications.actions.priority') },
    reason: { id: `${prefix}-reason`, label: t(`applications.actions.${action}.reason`) },
    pausedUntil: { id: `${prefix}-until`, label: t('applications.actions.pause.until') },
  });

  const read = (): { problems: FieldError[]; pausedUntil?: string } => {
    const problems: FieldError[] = [];
    if (action === 'approve' && priority === '')
      problems.push({ path: 'priority', code: 'priority_required' });
    if (reason.trim() === '') problems.push({ path: 'reason', code: 'reason_required' });
    const pausedUntil = action === 'pause' ? readDate(until, 'pausedUntil', problems) : undefined;
    if (pausedUntil !== undefined && pausedUntil <= todayIso())
      problems.push({ path: 'pausedUntil', code: 'future_date_required' });
    return { problems, ...(pausedUntil ? { pausedUntil } : {}) };
  };

  const send = (pausedUntil?: string) => {
    const text = reason.trim();
    let request: Promise<unknown>;
    if (action === 'resubmit') request = resubmit.mutateAsync(text);
    else if (action === 'withdraw') request = withdraw.mutateAsync(text);
    else if (isAssessment(action)) {
      const input: AssessmentInput = { action, reason: text };
      if (action === 'approve') input.priority = priority as Priority;
      if (pausedUntil) input.pausedUntil = pausedUntil;
      request = assess.mutateAsync(input);
    } else return;
    // The promise, not the mutate callbacks: a done action leaves the allowed ones, so this form
    // unmounts as the page refreshes, and the page must still hear that it is done.
    request.then(
      () => {
        form.clear();
        setConfirming(false);
        onDone(action);
      },
      (error: unknown) => {
        setConfirming(false);
        form.reportError(readableError(t, error));
      },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const { problems, pausedUntil } = read();
    if (problems.length > 0) {
      form.report({ fields: problems, error: null });
      return;
    }
    form.clear();
    if (CONFIRMED.includes(action)) setConfirming(true);
    else send(pausedUntil);
  };

  return (
    <FormDetails summary={t(`allocation.actions.${action}`)}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <p>{t(`applications.actions.${action}.intro`)}</p>
        {action === 'approve' ? (
          <RadioGroup
            id={`${prefix}-priority`}
            name={`${prefix}-priority`}
            legend={t('applications.actions.priority')}
            hint={t('applications.actions.priorityHint')}
            options={PRIORITIES.map((p) => ({ value: p, label: t(`allocation.priorities.${p}`) }))}
            value={priority}
            onChange={setPriority}
            error={form.fieldMessage('priority')}
          />
        ) : null}
        <TextAreaField
          id={`${prefix}-reason`}
          label={t(`applications.actions.${action}.reason`)}
          hint={t(`applications.actions.${action}.reasonHint`)}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={form.fieldMessage('reason')}
        />
        {action === 'pause' ? (
          <DateField
            id={`${prefix}-until`}
            label={t('applications.actions.pause.until')}
            hint={
              settings.data
                ? t('applications.actions.pause.untilHint', { days: settings.data.pauseDays })
                : t('applications.actions.pause.untilHintNoDays')
            }
            value={until}
            onChange={(event) => setUntil(event.target.value)}
            error={form.fieldMessage('pausedUntil')}
          />
        ) : null}
        <div className="mt-5">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t(`applications.actions.${action}.submit`)}
          </button>
        </div>
        {busy ? <Loading text={t('common.saving')} /> : null}
      </form>
      {CONFIRMED.includes(action) ? (
        <ConfirmDialog
          open={confirming}
          heading={t(`applications.actions.${action}.confirmHeading`, { name: application.citizenName })}
          confirmLabel={t(`applications.actions.${action}.confirm`)}
          cancelLabel={t('common.cancel')}
          onConfirm={() => send()}
          onCancel={() => setConfirming(false)}
          busy={busy}
        >
          <p>{t(`applications.actions.${action}.confirmText`)}</p>
        </ConfirmDialog>
      ) : null}
    </FormDetails>
  );
}

function ActionsSection({
  application,
  onDone,
}: {
  application: ApplicationDetail;
  onDone: (action: ApplicationAction) => void;
}) {
  const { t } = useTranslation();
  const actions = PAGE_ACTIONS.filter((a) => application.allowedActions.includes(a));
  if (actions.length === 0) return null;
  return (
    <Section id="application-actions" heading={t('applications.detail.actionsHeading')}>
      <p>{t('applications.detail.actionsIntro')}</p>
      {actions.map((action) => (
        <ActionForm key={action} application={application} action={action} onDone={onDone} />
      ))}
    </Section>
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

/** What can be attached, as the server accepts it. */
const DOCUMENT_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'docx', 'xlsx', 'txt'];
const DOCUMENT_ACCEPT = DOCUMENT_EXTENSIONS.map((e) => `.${e}`).join(',');
const DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

function formatSize(t: TFunction, bytes: number): string {
  return bytes < 1024 * 1024
    ? t('applications.documents.kilobytes', { value: formatWhole(Math.max(1, Math.round(bytes / 1024))) })
    : t('applications.documents.megabytes', {
        value: new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024),
      });
}

function UploadForm({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const upload = useUploadDocument(applicationId);
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const form = useFormProblems('applications.documents', {
    file: { id: 'application-document', label: t('applications.documents.file') },
  });
  const error = form.fieldMessage('file');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (upload.isPending) return;
    setUploaded(null);
    const extension = file?.name.split('.').pop()?.toLowerCase() ?? '';
    const problem = !file
      ? 'required'
      : !DOCUMENT_EXTENSIONS.includes(extension)
        ? 'file_type'
        : file.size > DOCUMENT_MAX_BYTES
          ? 'too_big'
          : null;
    if (problem || !file) {
      form.report({ fields: [{ path: 'file', code: problem ?? 'required' }], error: null });
      return;
    }
    upload.mutate(file, {
      onSuccess: () => {
        form.clear();
        setUploaded(file.name);
        setFile(null);
        if (input.current) input.current.value = '';
      },
      onError: (err) => {
        if (err instanceof ApiError && err.fields.length === 0 && err.code === 'V_VALIDATION')
          form.report({ fields: [{ path: 'file', code: 'file_type' }], error: null });
        else form.reportError(err);
      },
    });
  };

  return (
    <FormDetails summary={t('applications.documents.add')}>
      <div role="status">
        {uploaded ? (
          <Alert variant="success" headingLevel={3}>
            <p>{t('applications.documents.uploaded', { name: uploaded })}</p>
          </Alert>
        ) : null}
      </div>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <div className={error ? 'form-group form-error' : 'form-group'}>
          <label className="form-label" htmlFor="application-document">
            {t('applications.documents.file')}
          </label>
          <span className="form-hint" id="application-document-hint">
            {t('applications.documents.fileHint')}
          </span>
          {error ? (
            <span className="form-error-message" id="application-document-error">
              <span className="sr-only">{t('form.errorPrefix')} </span>
              {error}
            </span>
          ) : null}
          <input
            ref={input}
            type="file"
            id="application-document"
            name="file"
            accept={DOCUMENT_ACCEPT}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(
              'application-document-hint',
              error ? 'application-document-error' : undefined,
            )}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <div className="mt-5">
          <button type="submit" className="button button-primary" disabled={upload.isPending}>
            {t('applications.documents.submit')}
          </button>
        </div>
        {upload.isPending ? <Loading text={t('applications.documents.uploading')} /> : null}
      </form>
    </FormDetails>
  );
}

function DocumentsSection({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const canUpload = hasPermission(useSession().data?.user, 'allocation.apply');
  return (
    <Section id="application-documents" heading={t('applications.documents.heading')}>
      {application.documents.length === 0 ? (
        <p>{t('applications.documents.none')}</p>
      ) : (
        <TableScroll label={t('applications.documents.caption')}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{t('applications.documents.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applications.documents.name')}</th>
                <th scope="col">{t('applications.documents.size')}</th>
                <th scope="col">{t('applications.documents.uploadedAt')}</th>
                <th scope="col">{t('applications.documents.uploadedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {application.documents.map((document) => (
                <tr key={document.id}>
                  <th scope="row">
                    <a href={documentHref(application.id, document.id)} download={document.fileName}>
                      {document.fileName}
                    </a>
                  </th>
                  <td className="nowrap">{formatSize(t, document.size)}</td>
                  <td>
                    <DateTimeText value={document.uploadedAt} />
                  </td>
                  <td>{document.uploadedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canUpload ? <UploadForm applicationId={application.id} /> : null}
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
      {application.isPending ? <Loading /> : null}
      {notFound ? (
        <Alert variant="error" live="alert">
          <p>{t('applications.detail.notFound')}</p>
        </Alert>
      ) : application.isError ? (
        <Alert variant="error" live="alert">
          <p>{errorMessage(t, application.error)}</p>
        </Alert>
      ) : null}
      {data ? (
        <>
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
