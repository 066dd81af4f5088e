import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ComparedMunicipality, SHARED_FIGURE_KEYS } from '../../../shared/insight/comparison';
import { Alert } from '../../components/alert';
import { BarChart } from '../../components/chart';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { formatReported, formatWhole } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { formatDateTime, formatRate, monthLabel } from './steering';
import { type Comparison, useComparison } from './steering.api';

/** The figure keys shown, the known ones first, then any other the municipalities publish. */
function figureKeys(data: Comparison): string[] {
  const all = [data.own, ...data.others].flatMap((m) => m.figures.map((f) => f.key));
  const known = SHARED_FIGURE_KEYS.filter((k) => all.includes(k));
  return [
    ...known,
    ...[...new Set(all)].filter((k) => !(SHARED_FIGURE_KEYS as readonly string[]).includes(k)),
  ];
}

/** A figure key as a catalogue key: "flow.active" is "flow_active" (a dot would nest). */
const textKey = (key: string) => key.replace(/\./g, '_');

/** A figure's name, its period as the page writes it ("nov. 2026", "2025"). */
function useFigureTexts() {
  const { t, i18n } = useTranslation();
  return {
    name: (key: string) => t(`insightCompare.figures.${textKey(key)}`, { defaultValue: key }),
    period: (period: string) => (period.length === 7 ? monthLabel(period, i18n.language) : period),
  };
}

/** One figure across the municipalities: a chart of the rates and a table with the counts. */
function FigureSection({ data, figureKey }: { data: Comparison; figureKey: string }) {
  const { t } = useTranslation();
  const texts = useFigureTexts();
  const name = texts.name(figureKey);
  const id = `compare-${figureKey.replace(/[^a-z0-9]+/g, '-')}`;
  const rows = [data.own, ...data.others]
    .map((m) => ({ m, own: m === data.own, f: m.figures.find((f) => f.key === figureKey) }))
    .filter((r) => r.f !== undefined);
  const label = (m: ComparedMunicipality, own: boolean) =>
    own ? t('insightCompare.own', { name: m.name }) : m.name;
  const national = figureKey === 'count.total' ? data.national : null;
  const labels = [
    ...rows.map((r) => label(r.m, r.own)),
    ...(national ? [t('insightCompare.national', { year: national.year })] : []),
  ];
  const rates = [...rows.map((r) => r.f?.ratePer10000 ?? null), ...(national ? [national.ratePer10000] : [])];
  const caption = t('insightCompare.tableCaption', { figure: name });
  const known = (SHARED_FIGURE_KEYS as readonly string[]).includes(figureKey);
  return (
    <Section id={id} heading={name}>
      {known ? <p>{t(`insightCompare.definitions.${textKey(figureKey)}`)}</p> : null}
      <BarChart
        id={`${id}-rates`}
        title={t('insightCompare.chart', { figure: name })}
        labelHeader={t('insightCompare.municipality')}
        labels={labels}
        series={[
          {
            key: 'rate',
            label: t('insightCompare.rate'),
            values: rates,
            cells: rates.map((r) => (r === null ? null : formatRate(r))),
          },
        ]}
        valueFormat={formatRate}
      />
      <TableScroll label={caption}>
        <table className="table table--zebra table--compact" id={`${id}-table`}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('insightCompare.municipality')}</th>
              <th scope="col">{t('insightCompare.period')}</th>
              <th scope="col" className="align-text-right">
                {t('insightCompare.count')}
              </th>
              <th scope="col" className="align-text-right">
                {t('insightCompare.inhabitants')}
              </th>
              <th scope="col" className="align-text-right">
                {t('insightCompare.rate')}
              </th>
              <th scope="col">{t('insightCompare.publishedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ m, own, f }) =>
              f ? (
                <tr key={m.code}>
                  <th scope="row">{label(m, own)}</th>
                  <td>{texts.period(f.period)}</td>
                  <td className="align-text-right">{formatReported(t, f.value)}</td>
                  <td className="align-text-right">
                    {m.inhabitants === null ? <NoValue /> : formatWhole(m.inhabitants)}
                  </td>
                  <td className="align-text-right">
                    {f.ratePer10000 === null ? <NoValue /> : formatRate(f.ratePer10000)}
                  </td>
                  <td>
                    {m.publishedAt ? formatDateTime(t, m.publishedAt) : t('insightCompare.notPublished')}
                  </td>
                </tr>
              ) : null,
            )}
            {national ? (
              <tr>
                <th scope="row">{t('insightCompare.national', { year: national.year })}</th>
                <td>{national.year}</td>
                <td className="align-text-right">{formatWhole(national.total)}</td>
                <td className="align-text-right">{formatWhole(national.inhabitants)}</td>
                <td className="align-text-right">{formatRate(national.ratePer10000)}</td>
                <td>{t('insightCompare.nationalSource')}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

/** Why only the own figures are shown, and what to do about it. */
function Alone({ data }: { data: Comparison }) {
  const { t } = useTranslation();
  const canSettle = hasPermission(useSession().data?.user, 'insight.settings');
  const text = !data.sharing ? t('insightCompare.notSharing') : t('insightCompare.nobodyElse');
  return (
    <Alert variant="info" id="compare-alone" heading={t('insightCompare.aloneHeading')}>
      <p>{text}</p>
      <p>
        {canSettle ? (
          <Link to="/indsigt/indstillinger">{t('insightCompare.toSettings')}</Link>
        ) : (
          t('insightCompare.askAdmin')
        )}
      </p>
    </Alert>
  );
}

function ComparisonView({ data }: { data: Comparison }) {
  const { t } = useTranslation();
  const keys = figureKeys(data);
  const n = data.national;
  return (
    <>
      {!data.sharing || data.others.length === 0 ? <Alone data={data} /> : null}
      {data.own.inhabitants === null ? <p>{t('insightCompare.noInhabitants')}</p> : null}
      <p>
        {t('insightCompare.nationalContext', {
          year: n.year,
          total: formatWhole(n.total),
          rate: formatRate(n.ratePer10000),
        })}
      </p>
      {keys.length === 0 ? (
        <p>{t('insightCompare.noFigures')}</p>
      ) : (
        keys.map((key) => <FigureSection key={key} data={data} figureKey={key} />)
      )}
      <p className="form-hint">{t('insightCompare.suppressionNote', { limit: data.own.suppressionLimit })}</p>
    </>
  );
}

/**
 * /indsigt/sammenligning: the municipality's figures against those the other municipalities of the
 * deployment share (issue 18 §7), per 10,000 inhabitants, with the national count for context. Only
 * a municipality that shares sees the others; the administrator opts in on the settings page.
 */
export function ComparisonPage() {
  const { t } = useTranslation();
  const query = useComparison();
  return (
    <Page title={t('insightCompare.title')}>
      <p>{t('insightCompare.intro')}</p>
      <QueryState query={query} loadingText={t('insightCompare.loading')}>
        {(data) => <ComparisonView data={data} />}
      </QueryState>
    </Page>
  );
}
