import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { settle } from '../../api';
import { DateText } from '../../components/date-text';
import { Loading } from '../../components/loading';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { FormDetails, Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { PageTasks } from '../tasks';
import { type ShelterNotification, useAcknowledge, useNotifications } from './shelters.api';

/** The person as notified: name, and CPR number or birth date and initials. */
function Person({ n }: { n: ShelterNotification }) {
  const { t } = useTranslation();
  return (
    <>
      {n.citizenId ? (
        <Link to={`/borgere/${encodeURIComponent(n.citizenId)}`}>{n.name ?? n.initials ?? n.cpr}</Link>
      ) : (
        (n.name ?? n.initials ?? n.cpr)
      )}
      <br />
      {n.cpr ? (
        t('shelterNotifications.cpr', { cpr: n.cpr })
      ) : (
        <>
          {t('shelterNotifications.born')} <DateText value={n.birthDate} />
          {n.initials ? `, ${n.initials}` : ''}
        </>
      )}
    </>
  );
}

/**
 * Acknowledges a notification: linked to the citizen the CPR number matches in the by-name list,
 * by registering the citizen there, or as it is.
 */
function AcknowledgeForm({ n, onDone }: { n: ShelterNotification; onDone: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const acknowledge = useAcknowledge();
  const name = n.name ?? n.initials ?? '';
  const run = (link: 'none' | 'match' | 'register', key: string) => {
    if (acknowledge.isPending) return;
    settle(
      acknowledge,
      { id: n.id, link },
      {
        onSuccess: () => onDone({ kind: 'success', key, params: { name } }),
        onError: (error) => onDone({ kind: 'error', error }),
      },
    );
  };
  return (
    <FormDetails summary={t('shelterNotifications.acknowledge.summary', { name })}>
      {n.citizenId ? (
        <p>{t('shelterNotifications.acknowledge.linked')}</p>
      ) : n.matchCitizenId ? (
        <p>{t('shelterNotifications.acknowledge.match')}</p>
      ) : (
        <p>{t('shelterNotifications.acknowledge.unknown')}</p>
      )}
      <div className="button-group">
        {n.citizenId ? null : n.matchCitizenId ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => run('match', 'shelterNotifications.acknowledge.doneMatch')}
          >
            {t('shelterNotifications.acknowledge.linkMatch')}
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            onClick={() => run('register', 'shelterNotifications.acknowledge.doneRegister')}
          >
            {t('shelterNotifications.acknowledge.register')}
          </button>
        )}
        <button
          type="button"
          className={n.citizenId ? 'button button-primary' : 'button button-secondary'}
          onClick={() => run('none', 'shelterNotifications.acknowledge.done')}
        >
          {t('shelterNotifications.acknowledge.only')}
        </button>
      </div>
      {acknowledge.isPending ? <Loading text={t('common.saving')} /> : null}
    </FormDetails>
  );
}

/**
 * /herberg/underretninger: the notifications shelters have sent the municipality as handlekommune
 * (§ 110 stk. 6), from its own shelters and from other municipalities' shelters in Hjemvej; each is
 * a task until acknowledged.
 */
export function ShelterNotificationsPage() {
  const { t } = useTranslation();
  const query = useNotifications();
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <Page title={t('shelterNotifications.title')}>
      <NoticeArea notice={notice} headingLevel={2} />
      <p>{t('shelterNotifications.intro')}</p>
      <p>
        <Link to="/herberg/borgere">{t('shelterNotifications.toResidents')}</Link>
      </p>
      <PageTasks />
      <QueryState query={query} loadingText={t('shelterNotifications.loading')} isEmpty={() => false}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('shelterNotifications.none')}</p>
          ) : (
            <Section id="shelter-notifications" heading={t('shelterNotifications.heading')}>
              <TableScroll label={t('shelterNotifications.caption')}>
                <table className="table table--compact">
                  <caption className="sr-only">{t('shelterNotifications.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('shelterNotifications.person')}</th>
                      <th scope="col">{t('shelterNotifications.shelter')}</th>
                      <th scope="col">{t('shelterNotifications.decidedOn')}</th>
                      <th scope="col">{t('shelterNotifications.admittedOn')}</th>
                      <th scope="col">{t('shelterNotifications.notifiedOn')}</th>
                      <th scope="col">{t('shelterNotifications.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((n) => (
                      <tr key={n.id}>
                        <td>
                          <Person n={n} />
                        </td>
                        <td>
                          {n.shelterName}
                          <br />
                          {n.fromMunicipality}
                        </td>
                        <td>
                          <DateText value={n.admissionDecidedOn} />
                        </td>
                        <td>
                          <DateText value={n.admittedOn} />
                        </td>
                        <td>
                          <DateText value={n.notifiedOn} />
                        </td>
                        <td>
                          {n.acknowledgedOn ? (
                            <>
                              {t('shelterNotifications.acknowledgedBy', { user: n.acknowledgedBy ?? '' })}{' '}
                              <DateText value={n.acknowledgedOn} />
                            </>
                          ) : (
                            <strong>{t('shelterNotifications.new')}</strong>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              {items
                .filter((n) => n.acknowledgedOn === null)
                .map((n) => (
                  <AcknowledgeForm key={n.id} n={n} onDone={setNotice} />
                ))}
            </Section>
          )
        }
      </QueryState>
    </Page>
  );
}
