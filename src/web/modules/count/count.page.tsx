import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateText } from '../../components/date-text';
import { Icon } from '../../components/icon';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Facts, FormDetails, Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { useConfirmedMutation } from '../../components/use-confirmed-mutation';
import { hasPermission, useSession } from '../../session';
import { type CountDetail, countExportHref, countReportHref, useCloseCount, useCount } from './count.api';
import { RegistrationForm, type RegistrationTarget, targetName, useFocusOnMount } from './registration-form';

type OnDone = (notice: Notice) => void;

/** The form opened by a row's "Registrér" or "Ret", under a heading that takes focus. */
function OpenForm({
  count,
  target,
  onDone,
  onCancel,
}: {
  count: CountDetail;
  target: RegistrationTarget;
  onDone: OnDone;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const name = targetName(target) ?? '';
  return (
    <section aria-labelledby="count-form-heading" className="citizen-section">
      <h2 id="count-form-heading" ref={heading} tabIndex={-1}>
        {t(target.kind === 'edit' ? 'count.form.editHeading' : 'count.form.registerHeading', { name })}
      </h2>
      <RegistrationForm year={count.year} target={target} onDone={onDone} onCancel={onCancel} />
    </section>
  );
}

/** Everyone on the by-name list homeless in the week and not yet registered, with the units that met them. */
function ToRegister({ count, onOpen }: { count: CountDetail; onOpen: (target: RegistrationTarget) => void }) {
  const { t } = useTranslation();
  const caption = t('count.toRegister.caption');
  if (count.status === 'closed') return <p>{t('count.toRegister.closed')}</p>;
  if (!count.started)
    return (
      <p>
        {t('count.toRegister.notStarted')} <DateText value={count.weekFrom} />.
      </p>
    );
  if (count.toRegister.length === 0) return <p>{t('count.toRegister.none')}</p>;
  return (
    <>
      <p>{t('count.toRegister.intro')}</p>
      <TableScroll label={caption}>
        <table className="table table--zebra table--compact">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('count.table.person')}</th>
              <th scope="col">{t('count.table.birthDate')}</th>
              <th scope="col" className="align-text-right">
                {t('count.table.age')}
              </th>
              <th scope="col">{t('count.table.situation')}</th>
              <th scope="col">{t('count.table.units')}</th>
              {count.canRegister ? <th scope="col">{t('count.table.action')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {count.toRegister.map((c) => {
              const name = c.name ?? c.initials ?? '';
              return (
                <tr key={c.citizenId}>
                  <td>
                    <Link to={`/borgere/${encodeURIComponent(c.citizenId)}`}>{name}</Link>
                  </td>
                  <td>
                    <DateText value={c.birthDate} />
                  </td>
                  <td className="align-text-right">{c.age}</td>
                  <td>{t(`count.situationsShort.${c.prefill.situation}`)}</td>
                  <td>{c.prefill.units.length > 0 ? c.prefill.units.join(', ') : <NoValue />}</td>
                  {count.canRegister ? (
                    <td>
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => onOpen({ kind: 'candidate', candidate: c })}
                      >
                        {t('count.toRegister.register')}
                        <span className="sr-only"> {name}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/** The people registered in the count, each correctable while the count is open. */
function Registrations({
  count,
  onOpen,
}: {
  count: CountDetail;
  onOpen: (target: RegistrationTarget) => void;
}) {
  const { t } = useTranslation();
  const caption = t('count.registrations.caption');
  if (count.registrations.length === 0) return <p>{t('count.registrations.none')}</p>;
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('count.table.person')}</th>
            <th scope="col">{t('count.table.birthDate')}</th>
            <th scope="col" className="align-text-right">
              {t('count.table.age')}
            </th>
            <th scope="col">{t('count.table.situation')}</th>
            <th scope="col">{t('count.table.sex')}</th>
            <th scope="col">{t('count.table.migrant')}</th>
            <th scope="col">{t('count.table.units')}</th>
            {count.canRegister ? <th scope="col">{t('count.table.action')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {count.registrations.map((r) => {
            const name = r.name ?? r.initials ?? '';
            return (
              <tr key={r.id}>
                <td>
                  {r.citizenId ? (
                    <Link to={`/borgere/${encodeURIComponent(r.citizenId)}`}>{name}</Link>
                  ) : (
                    name
                  )}
                </td>
                <td>
                  <DateText value={r.birthDate} />
                </td>
                <td className="align-text-right">{r.age}</td>
                <td>{t(`count.situationsShort.${r.situation}`)}</td>
                <td>{t(`count.sexes.${r.sex}`)}</td>
                <td>{r.migrantWithoutResidence ? t('common.yes') : t('common.no')}</td>
                <td>{r.units.length > 0 ? r.units.join(', ') : <NoValue />}</td>
                {count.canRegister ? (
                  <td>
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => onOpen({ kind: 'edit', registration: r })}
                    >
                      {t('count.registrations.edit')}
                      <span className="sr-only"> {name}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Closing the count: asked first, since nothing can be registered or corrected after. */
function CloseCount({ count, onDone }: { count: CountDetail; onDone: OnDone }) {
  const { t } = useTranslation();
  const close = useCloseCount();
  const confirm = useConfirmedMutation(close, {
    onSuccess: () => onDone({ kind: 'success', key: 'count.close.done', params: { year: count.year } }),
    onError: (error) => onDone({ kind: 'error', error }),
  });
  return (
    <Section id="count-close" heading={t('count.close.heading')}>
      <p>{t('count.close.intro')}</p>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => confirm.ask({ year: count.year })}
      >
        {t('count.close.submit')}
      </button>
      <ConfirmDialog
        {...confirm.dialog}
        heading={t('count.close.confirmHeading', { year: count.year })}
        confirmLabel={t('count.close.confirm')}
        cancelLabel={t('common.cancel')}
      >
        <p>{t('count.close.confirmText', { count: count.registrations.length })}</p>
        {count.toRegister.length > 0 ? (
          <p>{t('count.close.stillOnList', { count: count.toRegister.length })}</p>
        ) : null}
      </ConfirmDialog>
    </Section>
  );
}

function CountView({ count }: { count: CountDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const canReport = hasPermission(session.data?.user, 'count.report');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [target, setTarget] = useState<RegistrationTarget | null>(null);
  const onDone: OnDone = (next) => {
    setNotice(next);
    if (next.kind === 'success') setTarget(null);
  };
  const open = (next: RegistrationTarget) => {
    setNotice(null);
    setTarget(next);
  };
  return (
    <>
      <Facts
        label={t('count.facts.label')}
        items={[
          {
            label: t('count.facts.week'),
            value: (
              <>
                <DateText value={count.weekFrom} />–<DateText value={count.weekTo} />
              </>
            ),
          },
          { label: t('count.facts.countDay'), value: <DateText value={count.countDay} /> },
          { label: t('count.facts.status'), value: t(`count.statuses.${count.status}`) },
          { label: t('count.facts.registered'), value: count.registrations.length },
        ]}
      />
      <ul className="nobullet-list housing-downloads">
        {canReport ? (
          <li>
            <Link to={countReportHref(count.year)} className="function-link">
              {t('count.links.report', { year: count.year })}
            </Link>
          </li>
        ) : null}
        {count.canManage ? (
          <li>
            <a href={countExportHref(count.year)} download className="function-link">
              <Icon name="file-excel" />
              {t('count.links.export', { year: count.year })}
            </a>
          </li>
        ) : null}
        <li>
          <Link to="/taelling" className="function-link">
            {t('count.links.list')}
          </Link>
        </li>
      </ul>
      {count.status === 'closed' ? <p>{t('count.closedNote')}</p> : null}
      <NoticeArea notice={notice} headingLevel={2} />
      {target ? (
        <OpenForm
          // A new target is a new form (its values start from that person's answers).
          key={
            target.kind === 'candidate'
              ? target.candidate.citizenId
              : target.kind === 'edit'
                ? target.registration.id
                : 'new'
          }
          count={count}
          target={target}
          onDone={onDone}
          onCancel={() => setTarget(null)}
        />
      ) : null}
      <Section id="count-to-register" heading={t('count.toRegister.heading')}>
        <ToRegister count={count} onOpen={open} />
      </Section>
      <Section id="count-registrations" heading={t('count.registrations.heading')}>
        <Registrations count={count} onOpen={open} />
        {count.canRegister ? (
          <FormDetails summary={t('count.form.newSummary')}>
            <p>{t('count.form.newIntro')}</p>
            <RegistrationForm year={count.year} target={{ kind: 'new' }} onDone={onDone} />
          </FormDetails>
        ) : null}
      </Section>
      {count.canManage && count.status === 'open' ? <CloseCount count={count} onDone={onDone} /> : null}
    </>
  );
}

/**
 * /taelling/:year: the registration of the week-6 count (issue 18 §1) — the by-name list's people
 * homeless in the week, prefilled, each registered with VIVE's person form; a person not on the
 * list by initials and birth date; corrections; closing; the export for VIVE.
 */
export function CountPage() {
  const { t } = useTranslation();
  const year = Number(useParams().year);
  const query = useCount(year);
  const notFound =
    query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
  return (
    <Page title={t('count.title', { year: Number.isInteger(year) ? year : '' })}>
      <QueryState
        query={query}
        loadingText={t('count.loading')}
        renderError={() => (notFound ? <p>{t('count.notFound')}</p> : undefined)}
      >
        {(count) => <CountView count={count} />}
      </QueryState>
    </Page>
  );
}
