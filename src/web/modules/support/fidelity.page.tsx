import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { formatDate } from '../../i18n/format';
import { type FidelityOverview, useFidelity } from './support.api';
import { loadText, reported } from './support-format';

function UnitsTable({ data }: { data: FidelityOverview }) {
  const { t } = useTranslation();
  const caption = t('fidelity.units.caption');
  const over = data.units.filter((u) => u.overNorm);
  return (
    <Section id="fidelity-units" heading={t('fidelity.unitsHeading')}>
      {over.length > 0 ? (
        <Alert variant="warning" heading={t('fidelity.overHeading')} headingLevel={3}>
          <p>{t('fidelity.over', { names: over.map((u) => u.name).join(', ') })}</p>
        </Alert>
      ) : null}
      <TableScroll label={caption}>
        <table className="table table--zebra table--compact">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fidelity.units.name')}</th>
              <th scope="col">{t('fidelity.units.kind')}</th>
              <th scope="col" className="align-text-right">
                {t('fidelity.units.fte')}
              </th>
              <th scope="col" className="align-text-right">
                {t('fidelity.units.active')}
              </th>
              <th scope="col" className="align-text-right">
                {t('fidelity.units.load')}
              </th>
              <th scope="col">{t('fidelity.units.status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.units.map((u) => (
              <tr key={`${u.kind}-${u.id}`}>
                <th scope="row">{u.name}</th>
                <td>
                  {u.kind === 'team'
                    ? t('fidelity.units.team')
                    : t('fidelity.units.worker', { team: u.teamName ?? '–' })}
                </td>
                <td className="align-text-right">{u.fte.toLocaleString('da-DK')}</td>
                <td className="align-text-right">{reported(t, u.active)}</td>
                <td className="align-text-right">{loadText(u.load)}</td>
                <td>
                  {u.load === null ? (
                    <NoValue />
                  ) : u.overNorm ? (
                    <strong>{t('fidelity.overNorm')}</strong>
                  ) : (
                    t('fidelity.withinNorm')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

function MethodsTable({ data }: { data: FidelityOverview }) {
  const { t } = useTranslation();
  const caption = t('fidelity.methods.caption');
  return (
    <Section id="fidelity-methods" heading={t('fidelity.methodsHeading')}>
      <p>{t('fidelity.ctiWarnings', { count: reported(t, data.ctiPatternWarnings) })}</p>
      <TableScroll label={caption}>
        <table className="table table--zebra table--compact">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('support.fields.method')}</th>
              <th scope="col" className="align-text-right">
                {t('fidelity.methods.active')}
              </th>
              <th scope="col" className="align-text-right">
                {t('fidelity.methods.capacity')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.methods.map((m) => (
              <tr key={m.method}>
                <th scope="row">{t(`support.methods.${m.method}`)}</th>
                <td className="align-text-right">{reported(t, m.active)}</td>
                <td className="align-text-right">
                  {m.capacity === null ? <NoValue /> : m.capacity.toLocaleString('da-DK')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

function MonthsTable({ data }: { data: FidelityOverview }) {
  const { t, i18n } = useTranslation();
  const caption = t('fidelity.months.caption');
  const monthName = (month: string) =>
    new Date(`${month}-15T12:00:00Z`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'da-DK', {
      month: 'long',
      year: 'numeric',
    });
  return (
    <Section id="fidelity-months" heading={t('fidelity.monthsHeading')}>
      <TableScroll label={caption}>
        <table className="table table--zebra table--compact">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fidelity.months.month')}</th>
              <th scope="col" className="align-text-right">
                {t('fidelity.months.active')}
              </th>
              <th scope="col" className="align-text-right">
                {t('fidelity.months.started')}
              </th>
              <th scope="col" className="align-text-right">
                {t('fidelity.months.ended')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthName(m.month)}</th>
                <td className="align-text-right">{reported(t, m.active)}</td>
                <td className="align-text-right">{reported(t, m.started)}</td>
                <td className="align-text-right">{reported(t, m.ended)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

/** /stoette/fidelitet: the leader's overview of caseload against the norms, aggregates only (suppressed). */
export function FidelityPage() {
  const { t } = useTranslation();
  const fidelity = useFidelity();
  return (
    <Page title={t('fidelity.title')}>
      <p className="font-lead">{t('fidelity.intro')}</p>
      <p>{t('support.suppressionNote')}</p>
      <QueryState query={fidelity}>
        {(data) => (
          <>
            <p>{t('fidelity.onDate', { date: formatDate(data.onDate) })}</p>
            <UnitsTable data={data} />
            <MethodsTable data={data} />
            <MonthsTable data={data} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
