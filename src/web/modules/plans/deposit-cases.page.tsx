import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText } from '../../components/date-text';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { isoToDanishDate } from '../../i18n/format';
import { DecisionForm } from './plan-forms';
import { planHref, useDepositCases } from './plans.api';
import { PlansNav } from './plans-nav';

/**
 * /planer/depositumslaan: deposit-loan and § 81 cases, with working days open against the fast-track
 * limit (Danish working days) and whether the citizen holds a live offer of a dwelling.
 */
export function DepositCasesPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'decided'>('open');
  const [notice, setNotice] = useState<Notice | null>(null);
  const list = useDepositCases(status);
  return (
    <Page title={t('plans.deposit.title')}>
      <PlansNav />
      <p>{t('plans.deposit.intro')}</p>
      <NoticeArea notice={notice} headingLevel={2} />
      <SelectField
        id="deposit-status"
        label={t('plans.deposit.status.label')}
        value={status}
        onChange={(e) => setStatus(e.target.value === 'decided' ? 'decided' : 'open')}
        options={[
          { value: 'open', label: t('plans.deposit.status.open') },
          { value: 'decided', label: t('plans.deposit.status.decided') },
        ]}
      />
      <QueryState query={list} isEmpty={(d) => d.cases.length === 0} empty={<p>{t('plans.deposit.none')}</p>}>
        {({ limit, cases }) => (
          <>
            <p>{t('plans.deposit.limit', { days: limit })}</p>
            <TableScroll label={t('plans.deposit.caption', { count: cases.length })}>
              <table className="table table--zebra table--compact">
                <caption className="sr-only">{t('plans.deposit.caption', { count: cases.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('plans.deposit.citizen')}</th>
                    <th scope="col">{t('plans.deposit.kind')}</th>
                    <th scope="col">{t('plans.deposit.openedOn')}</th>
                    <th scope="col">{t('plans.deposit.workingDays')}</th>
                    <th scope="col">{t('plans.deposit.liveOffer')}</th>
                    <th scope="col">{t('plans.deposit.decision')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cases.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={planHref(c.citizenId)}>{c.citizenName ?? t('citizens.unnamed')}</Link>
                      </th>
                      <td>{t(`plans.depositKinds.${c.kind}`)}</td>
                      <td>
                        <DateText value={c.openedOn} />
                      </td>
                      <td>
                        {t('plans.deposit.daysOfLimit', { days: c.workingDaysOpen, limit: c.limit })}
                        {c.overLimit ? (
                          <span className="badge badge-error ml-3">{t('plans.deposit.overLimit')}</span>
                        ) : null}
                      </td>
                      <td>
                        {c.liveOfferReplyBy ? (
                          t('plans.deposit.replyBy', { date: isoToDanishDate(c.liveOfferReplyBy) })
                        ) : (
                          <NoValue />
                        )}
                      </td>
                      <td>
                        {c.decidedOn && c.outcome ? (
                          t('plans.deposit.decided', {
                            outcome: t(`plans.depositOutcomes.${c.outcome}`),
                            date: isoToDanishDate(c.decidedOn),
                          })
                        ) : (
                          <NoValue />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            {cases
              .filter((c) => !c.decidedOn)
              .map((c) => (
                <DecisionForm
                  key={c.id}
                  id={c.id}
                  openedOn={c.openedOn}
                  label={`${c.citizenName ?? t('citizens.unnamed')}, ${t(`plans.depositKinds.${c.kind}`)}`}
                  onDone={setNotice}
                />
              ))}
          </>
        )}
      </QueryState>
    </Page>
  );
}
