import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { monthsBefore } from '../../../shared/dates';
import { quarterOf, quarterPeriod, quartersUpTo } from '../../../shared/shelters/statistics';
import { DateText } from '../../components/date-text';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { todayIso } from '../../i18n/format';
import { type StayReportCheck, stayReportHref, useStayReportCheck } from './statistics.api';

function Check({ check }: { check: StayReportCheck }) {
  const { t } = useTranslation();
  const gaps = (['cpr', 'last_stay', 'moved_to'] as const).filter((g) => check.gaps[g] > 0);
  return (
    <>
      <Section id="stay-report-check" heading={t('stayReport.checkHeading')}>
        <p>{t('stayReport.summary', { stays: check.stays, complete: check.complete })}</p>
        {gaps.length > 0 ? (
          <ul>
            {gaps.map((g) => (
              <li key={g}>{t(`stayReport.gapCount.${g}`, { count: check.gaps[g] })}</li>
            ))}
          </ul>
        ) : null}
        {check.incomplete.length === 0 ? (
          <p>{t(check.stays === 0 ? 'stayReport.noStays' : 'stayReport.allComplete')}</p>
        ) : (
          <TableScroll label={t('stayReport.incompleteCaption')}>
            <table className="table table--zebra table--compact">
              <caption>{t('stayReport.incompleteCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stayReport.name')}</th>
                  <th scope="col">{t('stayReport.admittedOn')}</th>
                  <th scope="col">{t('stayReport.dischargedOn')}</th>
                  <th scope="col">{t('stayReport.missing')}</th>
                </tr>
              </thead>
              <tbody>
                {check.incomplete.map((s) => (
                  <tr key={s.stayId}>
                    <td>
                      <Link to={`/borgere/${encodeURIComponent(s.citizenId)}`}>{s.name ?? s.citizenId}</Link>
                    </td>
                    <td>
                      <DateText value={s.admittedOn} />
                    </td>
                    <td>{s.dischargedOn ? <DateText value={s.dischargedOn} /> : <NoValue />}</td>
                    <td>{s.gaps.map((g) => t(`stayReport.gap.${g}`)).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>
      <Section id="stay-report-file" heading={t('stayReport.fileHeading')}>
        <p>{t('stayReport.fileIntro')}</p>
        <a href={stayReportHref(check.quarter)} className="button button-primary" download>
          {t('stayReport.download', { quarter: check.quarter })}
        </a>
      </Section>
    </>
  );
}

/**
 * /herberg/indberetning: the shelter's quarterly report of its stays to Danmarks Statistik (issue
 * 16 §9): choose the quarter (the last ended one by default), see which stays lack the fields DST
 * often finds blank, and download the file.
 */
export function StayReportPage() {
  const { t } = useTranslation();
  const today = todayIso();
  const lastEnded = quarterOf(monthsBefore(quarterPeriod(quarterOf(today)).from, 1));
  const quarters = quartersUpTo(today, 8).reverse();
  const [quarter, setQuarter] = useState<string>(lastEnded);
  const query = useStayReportCheck(quarter);
  return (
    <Page title={t('stayReport.title')}>
      <p>{t('stayReport.intro')}</p>
      <SelectField
        id="stay-report-quarter"
        label={t('stayReport.quarter')}
        hint={t('stayReport.quarterHint')}
        value={quarter}
        onChange={(e) => setQuarter(e.target.value)}
        options={quarters.map((q) => ({
          value: q,
          label: q === quarterOf(today) ? t('stayReport.quarterRunning', { quarter: q }) : q,
        }))}
      />
      <QueryState query={query} loadingText={t('stayReport.loading')} isEmpty={() => false}>
        {(check) => <Check check={check} />}
      </QueryState>
    </Page>
  );
}
