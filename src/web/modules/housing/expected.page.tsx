import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { UNIT_TYPES } from '../../../shared/housing/supply';
import { DateText } from '../../components/date-text';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { currentYear, formatExpected, formatPercent, formatWhole } from '../../i18n/format';
import { type ExpectedUnits, useExpected } from './housing.api';
import { departmentName } from './housing-format';

/** The URL parameter of the chosen year. */
const YEAR_PARAM = 'aar';

function yearFromParams(params: URLSearchParams): number {
  const year = Number.parseInt(params.get(YEAR_PARAM) ?? '', 10);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : currentYear();
}

/** The years to choose from: from the first framework agreement (2023) to five years ahead. */
function yearOptions(chosen: number) {
  const first = Math.min(2023, chosen);
  const last = Math.max(currentYear() + 5, chosen);
  const years: number[] = [];
  for (let year = first; year <= last; year += 1) years.push(year);
  return years.map((year) => ({ value: String(year), label: String(year) }));
}

function YearForm({ year, onChoose }: { year: number; onChoose: (year: number) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(year));
  const [shown, setShown] = useState(year);
  if (shown !== year) {
    // Back/forward changed the year: show it without remounting (keeps focus).
    setShown(year);
    setValue(String(year));
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChoose(Number(value));
  };
  return (
    <form onSubmit={onSubmit} noValidate className="housing-filter">
      <SelectField
        id="expected-year"
        label={t('housing.expected.year')}
        options={yearOptions(year)}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button button-secondary">
        {t('housing.expected.show')}
      </button>
    </form>
  );
}

/** The grand totals, large: what the municipality can count on in the year. */
function Totals({ data }: { data: ExpectedUnits }) {
  const { t } = useTranslation();
  return (
    <Section id="expected-totals" heading={t('housing.expected.totalsHeading', { year: data.year })}>
      <ul className="housing-totals nobullet-list">
        {UNIT_TYPES.map((type) => (
          <li key={type}>
            <span className="housing-total-value">{formatExpected(data.totals[type])}</span>{' '}
            <span className="housing-total-label">
              {t(`housing.expected.totalLabel.${type}`)}
              <span className="d-block form-hint">
                {t('housing.expected.perQuarter', { value: formatExpected(data.totals[type] / 4) })}
              </span>
            </span>
          </li>
        ))}
        <li>
          <span className="housing-total-value">{formatExpected(data.totals.pipeline)}</span>{' '}
          <span className="housing-total-label">{t('housing.expected.totalLabel.pipeline')}</span>
        </li>
      </ul>
      <p className="form-hint">{t('housing.expected.method')}</p>
    </Section>
  );
}

function OrganisationSection({ organisation }: { organisation: ExpectedUnits['organisations'][number] }) {
  const { t } = useTranslation();
  // A unit type the department has none of adds nothing; its line would only fill the table.
  const lines = organisation.departments.flatMap((department) =>
    department.lines.filter((line) => line.units > 0).map((line) => ({ department, line })),
  );
  const perYear = lines.reduce((sum, { line }) => sum + line.perYear, 0);
  const perQuarter = lines.reduce((sum, { line }) => sum + line.perQuarter, 0);
  return (
    <Section id={`expected-${organisation.organisationId}`} heading={organisation.name}>
      <p>
        {t('housing.expected.organisationSummary', {
          family: formatExpected(organisation.expected.family),
          youth: formatExpected(organisation.expected.youth),
          elderly: formatExpected(organisation.expected.elderly),
          alternative: formatExpected(organisation.expected.alternative),
        })}
      </p>
      {lines.length === 0 ? (
        <p>{t('housing.expected.noLines')}</p>
      ) : (
        <TableScroll label={t('housing.expected.caption', { name: organisation.name })}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">
              {t('housing.expected.caption', { name: organisation.name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('housing.agreement.department')}</th>
                <th scope="col">{t('housing.expected.unitType')}</th>
                <th scope="col" className="align-text-right">
                  {t('housing.expected.units')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('housing.expected.turnover')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('housing.expected.quota')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('housing.expected.perYearColumn')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('housing.expected.perQuarterColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map(({ department, line }) => (
                <tr key={`${department.departmentId}-${line.unitType}`}>
                  <th scope="row">{departmentName(t, department)}</th>
                  <td>{t(`housing.unitTypes.${line.unitType}`)}</td>
                  <td className="align-text-right">{formatWhole(line.units)}</td>
                  <td className="align-text-right nowrap">{formatPercent(t, line.turnoverPercent)}</td>
                  <td className="align-text-right nowrap">{formatPercent(t, line.quotaPercent)}</td>
                  <td className="align-text-right">{formatExpected(line.perYear)}</td>
                  <td className="align-text-right">{formatExpected(line.perQuarter)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={5}>
                  {t('housing.expected.total')}
                </th>
                <td className="align-text-right weight-semibold">{formatExpected(perYear)}</td>
                <td className="align-text-right weight-semibold">{formatExpected(perQuarter)}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

function PipelineSection({ data }: { data: ExpectedUnits }) {
  const { t } = useTranslation();
  return (
    <Section id="expected-pipeline" heading={t('housing.expected.pipelineHeading')}>
      {data.pipeline.length === 0 ? (
        <p>{t('housing.expected.noPipeline')}</p>
      ) : (
        <TableScroll label={t('housing.expected.pipelineCaption', { year: data.year })}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">
              {t('housing.expected.pipelineCaption', { year: data.year })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('housing.pipeline.name')}</th>
                <th scope="col">{t('housing.expected.unitType')}</th>
                <th scope="col" className="align-text-right">
                  {t('housing.expected.units')}
                </th>
                <th scope="col">{t('housing.pipeline.readyDate')}</th>
                <th scope="col" className="align-text-right">
                  {t('housing.pipeline.allocationShort')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('housing.expected.expectedColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.pipeline.map((project) => (
                <tr key={project.id}>
                  <th scope="row">{project.name}</th>
                  <td>{t(`housing.unitTypes.${project.unitType}`)}</td>
                  <td className="align-text-right">{formatWhole(project.units)}</td>
                  <td>
                    <DateText value={project.readyDate} />
                  </td>
                  <td className="align-text-right nowrap">{formatPercent(t, project.allocationPercent)}</td>
                  <td className="align-text-right">{formatExpected(project.expected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

/** /boliger/forventet: the units the municipality can expect in a year, per organisation and in total. */
export function ExpectedPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = yearFromParams(params);
  const expected = useExpected(year);
  const data = expected.data;

  return (
    <Page title={t('housing.expected.title')}>
      <p className="font-lead">{t('housing.expected.intro')}</p>
      <YearForm
        year={year}
        onChoose={(next) => setParams(next === currentYear() ? {} : { [YEAR_PARAM]: String(next) })}
      />
      <div role="status">
        {expected.isFetching ? <Loading text={t('housing.expected.loading')} announce={false} /> : null}
      </div>
      <QueryState query={expected} spinner={false} />
      {data ? (
        <>
          <Totals data={data} />
          {data.organisations.map((organisation) => (
            <OrganisationSection key={organisation.organisationId} organisation={organisation} />
          ))}
          <PipelineSection data={data} />
        </>
      ) : null}
    </Page>
  );
}
