import { useTranslation } from 'react-i18next';
import type { PeopleSeries, PlanningBaseline } from '../../../shared/planning/api';
import { PLAN_METHODS } from '../../../shared/planning/model';
import type { ReportedCountAt } from '../../../shared/suppression';
import { BarChart } from '../../components/chart';
import { DateText } from '../../components/date-text';
import { Facts, Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import {
  formatExpected,
  formatPercent,
  formatReported,
  formatWhole,
  isoToDanishDate,
} from '../../i18n/format';
import { Figure, formatFigure, formatShare, useMonthLabel } from './planning-format';

/** A chart value: a suppressed count ("<5", "x") has no bar; the table says "under 5" or "hidden". */
const drawn = (count: ReportedCountAt) => (typeof count === 'number' ? count : null);

/** The past month ends of some series as a bar chart with its table. */
function PastChart({
  id,
  title,
  baseline,
  keys,
}: {
  id: string;
  title: string;
  baseline: PlanningBaseline;
  keys: readonly PeopleSeries[];
}) {
  const { t } = useTranslation();
  const label = useMonthLabel();
  const past = baseline.past;
  return (
    <BarChart
      id={id}
      title={title}
      labelHeader={t('planning.month')}
      labels={past.monthEnds.map(label)}
      valueFormat={formatWhole}
      series={keys.map((key) => ({
        key,
        label: t(`planning.series.${key}`),
        values: past.series[key].map(drawn),
        cells: past.series[key].map((c) => formatReported(t, c)),
      }))}
    />
  );
}

function StaffingTable({ baseline }: { baseline: PlanningBaseline }) {
  const { t } = useTranslation();
  const caption = t('planning.baseline.staffing');
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact" id="planning-staffing-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planning.baseline.method')}</th>
            <th scope="col" className="align-text-right">
              {t('planning.baseline.fte')}
            </th>
            <th scope="col" className="align-text-right">
              {t('planning.baseline.norm')}
            </th>
            <th scope="col" className="align-text-right">
              {t('planning.baseline.places')}
            </th>
          </tr>
        </thead>
        <tbody>
          {PLAN_METHODS.map((method) => {
            const s = baseline.staffing[method];
            return (
              <tr key={method}>
                <th scope="row">{t(`planning.methods.${method}`)}</th>
                <td className="align-text-right">{formatFigure(s.fte)}</td>
                <td className="align-text-right">
                  <Figure value={s.caseloadNorm} />
                </td>
                <td className="align-text-right">{formatFigure(s.capacity)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function SupplyTables({ baseline }: { baseline: PlanningBaseline }) {
  const { t } = useTranslation();
  const { organisations, builds } = baseline.supply;
  const quotasCaption = t('planning.baseline.organisations');
  const buildsCaption = t('planning.baseline.builds');
  return (
    <>
      {organisations.length === 0 ? (
        <p>{t('planning.baseline.noOrganisations')}</p>
      ) : (
        <TableScroll label={quotasCaption}>
          <table className="table table--zebra table--compact" id="planning-quotas-table">
            <caption className="sr-only">{quotasCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('planning.baseline.organisation')}</th>
                <th scope="col" className="align-text-right">
                  {t('planning.baseline.quota')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('planning.baseline.perYear')}
                </th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.name}</th>
                  <td className="align-text-right">
                    {formatPercent(t, Math.round(o.quotaPercent * 100) / 100)}
                  </td>
                  <td className="align-text-right">{formatExpected(o.perYear)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3>{buildsCaption}</h3>
      {builds.length === 0 ? (
        <p>{t('planning.baseline.noBuilds')}</p>
      ) : (
        <TableScroll label={buildsCaption}>
          <table className="table table--zebra table--compact" id="planning-builds-table">
            <caption className="sr-only">{buildsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('planning.baseline.buildName')}</th>
                <th scope="col">{t('planning.baseline.readyDate')}</th>
                <th scope="col" className="align-text-right">
                  {t('planning.baseline.units')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('planning.baseline.allocationPercent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {builds.map((b) => (
                <tr key={`${b.name}-${b.readyDate}`}>
                  <th scope="row">{b.name}</th>
                  <td>
                    <DateText value={b.readyDate} />
                  </td>
                  <td className="align-text-right">{formatWhole(b.units)}</td>
                  <td className="align-text-right">{formatPercent(t, b.allocationPercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

/**
 * What a forecast starts from (issue 19 §1–2): the history the model is fitted on as charts of the
 * past month ends (suppressed counts), the rates and supply of today, the support places per method
 * and the builds to come.
 */
export function BaselineSection({ baseline }: { baseline: PlanningBaseline }) {
  const { t } = useTranslation();
  const { assumptions, supply } = baseline;
  const none = t('planning.baseline.noneYet');
  return (
    <Section id="planning-baseline" heading={t('planning.baseline.heading')}>
      <p>
        {t('planning.baseline.fitted', {
          months: baseline.fitMonths,
          date: isoToDanishDate(baseline.fittedUpTo),
        })}
      </p>
      <PastChart
        id="planning-past-homeless"
        title={t('planning.baseline.pastHomeless')}
        baseline={baseline}
        keys={['homeless', 'waiting', 'shelter']}
      />
      <PastChart
        id="planning-past-housed"
        title={t('planning.baseline.pastHoused')}
        baseline={baseline}
        keys={['housedWithSupport', 'atRisk']}
      />
      <p className="form-hint">{t('planning.baseline.suppressed')}</p>
      <h3>{t('planning.baseline.assumptions')}</h3>
      <Facts
        label={t('planning.baseline.assumptions')}
        items={[
          {
            label: t('planning.baseline.inflow'),
            value: formatFigure(assumptions.inflowPerMonth),
          },
          {
            label: t('planning.baseline.shelterStay'),
            value: t('planning.monthsValue', { months: formatFigure(assumptions.shelterStayMonths) }),
          },
          {
            label: t('planning.baseline.prevention'),
            value:
              assumptions.preventionSuccessPercent === null
                ? none
                : formatPercent(t, Math.round(assumptions.preventionSuccessPercent * 10) / 10),
          },
          {
            label: t('planning.baseline.usedShare'),
            value: supply.usedShare === null ? none : formatShare(t, supply.usedShare),
          },
          {
            label: t('planning.baseline.acceptanceShare'),
            value: supply.acceptanceShare === null ? none : formatShare(t, supply.acceptanceShare),
          },
          {
            label: t('planning.baseline.agreementsPerYear'),
            value: formatExpected(supply.agreementsPerYear),
          },
          {
            label: t('planning.baseline.otherPerYear'),
            value: formatExpected(supply.otherPerYear),
          },
        ]}
      />
      <h3>{t('planning.baseline.staffing')}</h3>
      <StaffingTable baseline={baseline} />
      <h3>{t('planning.baseline.organisations')}</h3>
      <SupplyTables baseline={baseline} />
    </Section>
  );
}
