import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import { Icon } from '../../components/icon';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { readDate } from '../../components/read-field';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { useForm } from '../../components/use-form';
import {
  formatExpected,
  formatKroner,
  formatWhole,
  isoToDanishDate,
  parseDate,
  todayIso,
} from '../../i18n/format';
import { i18n } from '../../i18n/index';
import { type DialogueReport, reportQuery, useOrganisations, useReport } from './housing.api';
import { AreaStatusText, departmentName, organisationOptions } from './housing-format';

/** The report's choice as it stands in the URL (so it can be bookmarked and sent to a colleague). */
interface ReportChoice {
  organisationId: string;
  from: string;
  to: string;
}

function defaultPeriod(): { from: string; to: string } {
  const to = todayIso();
  return { from: `${to.slice(0, 4)}-01-01`, to };
}

function choiceFromParams(params: URLSearchParams): ReportChoice {
  const period = defaultPeriod();
  const from = parseDate(params.get('fra') ?? '') ?? period.from;
  const to = parseDate(params.get('til') ?? '') ?? period.to;
  return { organisationId: params.get('org') ?? '', from, to };
}

function ReportForm({ choice, onShow }: { choice: ReportChoice; onShow: (choice: ReportChoice) => void }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const initial = {
    organisationId: choice.organisationId,
    from: isoToDanishDate(choice.from),
    to: isoToDanishDate(choice.to),
  };
  const form = useForm({
    formKey: 'housingReport',
    initial: initial,
    fields: {
      organisationId: { id: 'report-organisation', label: t('housing.report.organisation') },
      from: { id: 'report-from', label: t('housing.report.from') },
      to: { id: 'report-to', label: t('housing.report.to') },
    },
  });
  const { values } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (values.organisationId === '') problems.push({ path: 'organisationId', code: 'required' });
    const from = readDate(values.from, 'from', problems, true);
    const to = readDate(values.to, 'to', problems, true);
    if (from && to && to < from) problems.push({ path: 'to', code: 'end_before_start' });
    if (form.failed(problems) || !from || !to) return;
    form.clear();
    onShow({ organisationId: values.organisationId, from, to });
  };

  return (
    <section aria-labelledby="report-form-heading">
      <h2 id="report-form-heading">{t('housing.report.formHeading')}</h2>
      <QueryState query={organisations} spinner={false} headingLevel={3} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate className="housing-period">
        <SelectField
          {...form.field('organisationId')}
          placeholder={t('housing.report.organisationPlaceholder')}
          options={organisationOptions(organisations.data?.items ?? [])}
        />
        <div className="row">
          <div className="col-12 col-md-6">
            <DateField {...form.field('from')} />
          </div>
          <div className="col-12 col-md-6">
            <DateField {...form.field('to')} />
          </div>
        </div>
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('housing.report.show')}
          </button>
        </div>
      </form>
    </section>
  );
}

function reasonText(t: ReturnType<typeof useTranslation>['t'], reason: string): string {
  const key = `housing.report.reasons.${reason}`;
  return i18n.exists(key) ? t(key) : reason;
}

function ReportResult({ report, focus }: { report: DialogueReport; focus: boolean }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a newly chosen report is the trigger.
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus, report.organisation.id, report.from, report.to]);
  const base = `/api/housing/organisations/${encodeURIComponent(report.organisation.id)}`;
  const query = reportQuery(report.from, report.to);
  const period = { from: isoToDanishDate(report.from), to: isoToDanishDate(report.to) };

  return (
    <section aria-labelledby="report-heading" className="citizen-section">
      <h2 id="report-heading" ref={heading} tabIndex={-1}>
        {t('housing.report.resultHeading', { name: report.organisation.name, ...period })}
      </h2>
      {report.vacancyDataAvailable ? null : (
        <Alert variant="info" headingLevel={3}>
          <p>{t('housing.report.noVacancyData')}</p>
        </Alert>
      )}
      {report.departments.length === 0 ? (
        <p>{t('housing.report.noDepartments')}</p>
      ) : (
        <TableScroll label={t('housing.report.caption', { name: report.organisation.name, ...period })}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">
              {t('housing.report.caption', { name: report.organisation.name, ...period })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('housing.agreement.department')}</th>
                <th scope="col">{t('housing.report.areaStatus')}</th>
                <th scope="col" className="align-text-right">
                  {t('housing.report.expected')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('housing.report.received')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('housing.report.used')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('housing.report.returnedUnused')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('housing.report.emptyDays')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('housing.report.emptyRent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.departments.map((department) => (
                <tr key={department.departmentId}>
                  <th scope="row">{departmentName(t, department)}</th>
                  <td>
                    <AreaStatusText status={department.areaStatus} />
                  </td>
                  <td className="align-text-right">{formatExpected(department.expected)}</td>
                  <td className="align-text-right">{formatWhole(department.received)}</td>
                  <td className="align-text-right">{formatWhole(department.used)}</td>
                  <td className="align-text-right">{formatWhole(department.returnedUnused)}</td>
                  <td className="align-text-right">{formatWhole(department.emptyDays)}</td>
                  <td className="align-text-right nowrap">{formatKroner(t, department.emptyRent)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('housing.expected.total')}
                </th>
                <td className="align-text-right weight-semibold">{formatExpected(report.totals.expected)}</td>
                <td className="align-text-right weight-semibold">{formatWhole(report.totals.received)}</td>
                <td className="align-text-right weight-semibold">{formatWhole(report.totals.used)}</td>
                <td className="align-text-right weight-semibold">
                  {formatWhole(report.totals.returnedUnused)}
                </td>
                <td className="align-text-right weight-semibold">{formatWhole(report.totals.emptyDays)}</td>
                <td className="align-text-right weight-semibold nowrap">
                  {formatKroner(t, report.totals.emptyRent)}
                </td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
      <p className="form-hint">{t('housing.report.emptyRentHint')}</p>
      <h3>{t('housing.report.reasonsHeading')}</h3>
      {report.returnedReasons.length === 0 ? (
        <p>{t('housing.report.noReasons')}</p>
      ) : (
        <ul>
          {report.returnedReasons.map((reason) => (
            <li key={reason.reason}>
              {t('housing.report.reason', { reason: reasonText(t, reason.reason), count: reason.count })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('housing.report.downloadHeading')}</h3>
      <ul className="nobullet-list housing-downloads">
        <li>
          <a href={`${base}/report.xlsx?${query}`} download className="function-link">
            <Icon name="file-excel" />
            {t('housing.report.downloadXlsx')}
          </a>
        </li>
        <li>
          <a href={`${base}/report.pdf?${query}`} download className="function-link">
            <Icon name="file-pdf" />
            {t('housing.report.downloadPdf')}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** /boliger/rapport: expected, received and used units of one organisation, for a dialogue meeting. */
export function ReportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const choice = choiceFromParams(params);
  const chosen = choice.organisationId !== '';
  const report = useReport(choice.organisationId, choice.from, choice.to, chosen);
  const [asked, setAsked] = useState(false);

  return (
    <Page title={t('housing.report.title')}>
      <p className="font-lead">{t('housing.report.intro')}</p>
      <ReportForm
        // A new choice in the URL (shown, or back/forward) is the form's new starting point.
        key={params.toString()}
        choice={choice}
        onShow={(next) => {
          setAsked(true);
          setParams({ org: next.organisationId, fra: next.from, til: next.to });
        }}
      />
      <div role="status">
        {chosen && report.isFetching ? <Loading text={t('housing.report.loading')} announce={false} /> : null}
      </div>
      <QueryState query={report} spinner={false} />
      {chosen && report.data ? <ReportResult report={report.data} focus={asked} /> : null}
    </Page>
  );
}
