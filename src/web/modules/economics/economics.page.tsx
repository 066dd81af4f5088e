import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EconomicsReport, EconomicsSettingsView } from '../../../shared/economics/api';
import { DAY_SUMS, type DaySum, RUNNING_YEARS, type RunningYear } from '../../../shared/economics/model';
import type { ReportedCount } from '../../../shared/suppression';
import { type FieldError, settle } from '../../api';
import { BarChart } from '../../components/chart';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { readDate, readNumber } from '../../components/read-field';
import { Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { formatKroner, todayText } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { useEconomics, useEconomicsSettings, useSaveLimit, useSaveSettings } from './economics.api';

const MONTHS_DA = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function useMonthLabel() {
  const { i18n } = useTranslation();
  const names = i18n.language.startsWith('en') ? MONTHS_EN : MONTHS_DA;
  return (month: string) => `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** A kroner figure, or the mark of a suppressed one. */
function Kr({ value }: { value: number | null }) {
  const { t } = useTranslation();
  return value === null ? <NoValue /> : formatKroner(t, value);
}

function Count({ value }: { value: ReportedCount }) {
  return <>{typeof value === 'number' ? value.toLocaleString('da-DK') : value}</>;
}

function CostsSection({ report }: { report: EconomicsReport }) {
  const { t } = useTranslation();
  const label = useMonthLabel();
  const labels = report.months.map((m) => label(m.month));
  const kr = (v: number) => formatKroner(t, v);
  const series = (
    key: 'shelter' | 'support' | 'placements' | 'stayRefund' | 'supportRefund' | 'careRefund',
    sign = 1,
  ) => ({
    key,
    label: t(`economics.components.${key}`),
    values: report.months.map((m) => (m[key] === null ? null : m[key] === 0 ? 0 : sign * (m[key] as number))),
  });
  return (
    <Section id="economics-costs" heading={t('economics.costs.heading')}>
      <p>{t('economics.costs.intro', { code: report.handlekommune })}</p>
      <BarChart
        id="economics-monthly"
        title={t('economics.costs.chart')}
        labelHeader={t('economics.month')}
        labels={labels}
        stacked
        valueFormat={kr}
        series={[
          series('shelter'),
          series('support'),
          series('placements'),
          series('stayRefund', -1),
          series('supportRefund', -1),
          series('careRefund', -1),
        ]}
      />
      <p className="form-hint">{t('economics.suppressed')}</p>
      <TotalsTable report={report} />
    </Section>
  );
}

function TotalsTable({ report }: { report: EconomicsReport }) {
  const { t } = useTranslation();
  const label = useMonthLabel();
  const caption = t('economics.costs.table');
  const rows = [
    ...report.months.map((m) => ({ key: m.month, name: label(m.month), f: m })),
    { key: 'total', name: t('economics.total'), f: report.total },
  ];
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact" id="economics-net-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('economics.month')}</th>
            <th scope="col" className="align-text-right">
              {t('economics.citizens')}
            </th>
            <th scope="col" className="align-text-right">
              {t('economics.costsTotal')}
            </th>
            <th scope="col" className="align-text-right">
              {t('economics.refundsTotal')}
            </th>
            <th scope="col" className="align-text-right">
              {t('economics.net')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td className="align-text-right">
                <Count value={r.f.citizens} />
              </td>
              <td className="align-text-right nowrap">
                <Kr value={r.f.costs} />
              </td>
              <td className="align-text-right nowrap">
                <Kr value={r.f.refunds} />
              </td>
              <td className="align-text-right nowrap">
                <Kr value={r.f.net} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function GroupsSection({ report }: { report: EconomicsReport }) {
  const { t } = useTranslation();
  const caption = t('economics.groups.heading');
  return (
    <Section id="economics-groups" heading={caption}>
      <p>{t('economics.groups.intro')}</p>
      <TableScroll label={caption}>
        <table className="table table--zebra table--compact" id="economics-groups-table">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('economics.groups.group')}</th>
              <th scope="col" className="align-text-right">
                {t('economics.citizens')}
              </th>
              <th scope="col" className="align-text-right">
                {t('economics.components.shelter')}
              </th>
              <th scope="col" className="align-text-right">
                {t('economics.components.support')}
              </th>
              <th scope="col" className="align-text-right">
                {t('economics.components.placements')}
              </th>
              <th scope="col" className="align-text-right">
                {t('economics.refundsTotal')}
              </th>
              <th scope="col" className="align-text-right">
                {t('economics.net')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{t(`economics.groups.names.${g.group}`)}</th>
                <td className="align-text-right">
                  <Count value={g.citizens} />
                </td>
                <td className="align-text-right nowrap">
                  <Kr value={g.shelter} />
                </td>
                <td className="align-text-right nowrap">
                  <Kr value={g.support} />
                </td>
                <td className="align-text-right nowrap">
                  <Kr value={g.placements} />
                </td>
                <td className="align-text-right nowrap">
                  <Kr value={g.refunds} />
                </td>
                <td className="align-text-right nowrap">
                  <Kr value={g.net} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

function DilemmaSection({ report }: { report: EconomicsReport }) {
  const { t } = useTranslation();
  const label = useMonthLabel();
  const d = report.dilemma;
  const kr = (v: number) => formatKroner(t, v);
  return (
    <Section id="economics-dilemma" heading={t('economics.dilemma.heading')}>
      <p>{t('economics.dilemma.intro')}</p>
      {d.total.beyondNet === null ? (
        <p>{t('economics.dilemma.suppressed')}</p>
      ) : (
        <p>
          {t('economics.dilemma.summary', {
            days: d.total.beyondDays?.toLocaleString('da-DK'),
            citizens: d.total.citizensBeyond,
            cost: kr(d.total.beyondNet),
            lost: kr(d.total.lostRefund ?? 0),
          })}
        </p>
      )}
      <BarChart
        id="economics-dilemma"
        title={t('economics.dilemma.chart')}
        labelHeader={t('economics.month')}
        labels={d.months.map((m) => label(m.month))}
        stacked
        valueFormat={kr}
        series={[
          {
            key: 'refundedMunicipal',
            label: t('economics.dilemma.refundedMunicipal'),
            values: d.months.map((m) => m.refundedMunicipal),
          },
          {
            key: 'beyondNet',
            label: t('economics.dilemma.beyondNet'),
            values: d.months.map((m) => m.beyondNet),
          },
        ]}
      />
      <BarChart
        id="economics-housing-first"
        title={t('economics.dilemma.housingFirst')}
        labelHeader={t('economics.dilemma.method')}
        labels={d.housingFirst.map((h) => t(`economics.methods.${h.method}`))}
        valueFormat={(v) => t('economics.dilemma.monthsValue', { months: v.toLocaleString('da-DK') })}
        series={[
          {
            key: 'months',
            label: t('economics.dilemma.months'),
            values: d.housingFirst.map((h) => h.months),
          },
          {
            key: 'monthsWithRefund',
            label: t('economics.dilemma.monthsWithRefund'),
            values: d.housingFirst.map((h) => h.monthsWithRefund),
          },
        ]}
      />
      <p className="form-hint">
        {t('economics.dilemma.basis', {
          housing: kr(report.settings.housingMonthlyCost),
          share: report.settings.refundSharePercent,
        })}
      </p>
    </Section>
  );
}

function SettingsTables({ view }: { view: EconomicsSettingsView }) {
  const { t } = useTranslation();
  const caption = t('economics.settings.historyCaption');
  const limitsCaption = t('economics.settings.limitsCaption');
  return (
    <>
      <TableScroll label={caption}>
        <table className="table table--zebra table--compact" id="economics-settings-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('economics.settings.validFrom')}</th>
              <th scope="col" className="align-text-right">
                {t('economics.settings.ownPaymentPerDay')}
              </th>
              <th scope="col" className="align-text-right">
                {t('economics.settings.refundSharePercent')}
              </th>
              <th scope="col">{t('economics.settings.runningYear')}</th>
              <th scope="col">{t('economics.settings.daySum')}</th>
              <th scope="col" className="align-text-right">
                {t('economics.settings.housingMonthlyCost')}
              </th>
              <th scope="col">{t('economics.settings.source')}</th>
            </tr>
          </thead>
          <tbody>
            {view.history.map((s) => (
              <tr key={`${s.validFrom}-${s.source}`}>
                <th scope="row">
                  {s.source === 'default' ? t('economics.settings.always') : <DateText value={s.validFrom} />}
                </th>
                <td className="align-text-right nowrap">{formatKroner(t, s.ownPaymentPerDay)}</td>
                <td className="align-text-right">{s.refundSharePercent} %</td>
                <td>{t(`economics.settings.runningYears.${s.runningYear}`)}</td>
                <td>{t(`economics.settings.daySums.${s.daySum}`)}</td>
                <td className="align-text-right nowrap">{formatKroner(t, s.housingMonthlyCost)}</td>
                <td>{t(`economics.settings.sources.${s.source}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <TableScroll label={limitsCaption}>
        <table className="table table--zebra table--compact" id="economics-limits-table">
          <caption>{limitsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('economics.settings.validFrom')}</th>
              <th scope="col" className="align-text-right">
                {t('economics.settings.limitDays')}
              </th>
              <th scope="col">{t('economics.settings.source')}</th>
            </tr>
          </thead>
          <tbody>
            {view.limits.map((l) => (
              <tr key={l.validFrom}>
                <th scope="row">
                  {l.validFrom === '1900-01-01' ? (
                    t('economics.settings.beforeReform')
                  ) : (
                    <DateText value={l.validFrom} />
                  )}
                </th>
                <td className="align-text-right">{l.days ?? t('economics.settings.noLimit')}</td>
                <td>{t(`economics.settings.sources.${l.source}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function SettingsForm({ view, onDone }: { view: EconomicsSettingsView; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const c = view.current;
  const label = (key: string) => t(`economics.settings.${key}`);
  const form = useForm({
    formKey: 'economicsSettings',
    initial: () => ({
      validFrom: todayText(),
      ownPaymentPerDay: String(c.ownPaymentPerDay),
      refundSharePercent: String(c.refundSharePercent),
      runningYear: c.runningYear as string,
      daySum: c.daySum as string,
      housingMonthlyCost: String(c.housingMonthlyCost),
    }),
    fields: {
      validFrom: { id: 'econ-valid-from', label: label('validFrom') },
      ownPaymentPerDay: { id: 'econ-own-payment', label: label('ownPaymentPerDay') },
      refundSharePercent: { id: 'econ-share', label: label('refundSharePercent') },
      runningYear: { id: 'econ-running-year', label: label('runningYear') },
      daySum: { id: 'econ-day-sum', label: label('daySum') },
      housingMonthlyCost: { id: 'econ-housing', label: label('housingMonthlyCost') },
    },
  });
  const { values } = form;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const problems: FieldError[] = [];
    const validFrom = readDate(values.validFrom, 'validFrom', problems, true);
    const own = readNumber(values.ownPaymentPerDay, 'kroner', 'ownPaymentPerDay', problems);
    const share = readNumber(values.refundSharePercent, 'percent', 'refundSharePercent', problems);
    const housing = readNumber(values.housingMonthlyCost, 'kroner', 'housingMonthlyCost', problems);
    if (
      form.failed(problems) ||
      !validFrom ||
      own === undefined ||
      share === undefined ||
      housing === undefined
    )
      return;
    settle(
      save,
      {
        validFrom,
        ownPaymentPerDay: own,
        refundSharePercent: share,
        runningYear: values.runningYear as RunningYear,
        daySum: values.daySum as DaySum,
        housingMonthlyCost: housing,
      },
      {
        onSuccess: () => {
          form.clear();
          onDone({ kind: 'success', key: 'economics.settings.saved' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <h3>{t('economics.settings.addHeading')}</h3>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <DateField {...form.field('validFrom')} />
      <TextField
        {...form.field('ownPaymentPerDay')}
        hint={t('economics.settings.ownPaymentHint')}
        inputMode="decimal"
        widthClass="input-width-s"
      />
      <TextField {...form.field('refundSharePercent')} inputMode="decimal" widthClass="input-width-xs" />
      <SelectField
        {...form.field('runningYear')}
        hint={t('economics.settings.runningYearHint')}
        options={RUNNING_YEARS.map((v) => ({ value: v, label: t(`economics.settings.runningYears.${v}`) }))}
      />
      <SelectField
        {...form.field('daySum')}
        options={DAY_SUMS.map((v) => ({ value: v, label: t(`economics.settings.daySums.${v}`) }))}
      />
      <TextField
        {...form.field('housingMonthlyCost')}
        hint={t('economics.settings.housingHint')}
        inputMode="decimal"
        widthClass="input-width-s"
      />
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {t('economics.settings.save')}
      </button>
    </form>
  );
}

function LimitForm({ onDone }: { onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const save = useSaveLimit();
  const form = useForm({
    formKey: 'economicsLimit',
    initial: () => ({ validFrom: todayText(), days: '' }),
    fields: {
      validFrom: { id: 'limit-valid-from', label: t('economics.settings.validFrom') },
      days: { id: 'limit-days', label: t('economics.settings.limitDays') },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const problems: FieldError[] = [];
    const validFrom = readDate(form.values.validFrom, 'validFrom', problems, true);
    const days = readNumber(form.values.days, 'positiveCount', 'days', problems, false);
    if (form.failed(problems) || !validFrom) return;
    settle(
      save,
      { validFrom, days: days ?? null },
      {
        onSuccess: () => {
          form.clear();
          onDone({ kind: 'success', key: 'economics.settings.limitSaved' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <h3>{t('economics.settings.limitHeading')}</h3>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <DateField {...form.field('validFrom')} />
      <TextField
        {...form.field('days')}
        hint={t('economics.settings.limitHint')}
        inputMode="numeric"
        widthClass="input-width-xs"
      />
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {t('economics.settings.saveLimit')}
      </button>
    </form>
  );
}

function SettingsSection() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const settings = useEconomicsSettings();
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <Section id="economics-settings" heading={t('economics.settings.heading')}>
      <p>{t('economics.settings.intro')}</p>
      <NoticeArea notice={notice} />
      <QueryState query={settings}>
        {(view) => (
          <>
            <SettingsTables view={view} />
            {hasPermission(user, 'economics.manage') ? (
              <>
                <SettingsForm view={view} onDone={setNotice} />
                <LimitForm onDone={setNotice} />
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </Section>
  );
}

/** The economics page: costs and refunds, groups, the dilemma (economy, leader) and the settings. */
export function EconomicsPage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const figures = hasPermission(user, 'economics.read');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | null>(null);
  const report = useEconomics(year, figures);
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
  return (
    <Page title={t('economics.title')}>
      {figures ? (
        <>
          <SelectField
            id="economics-period"
            label={t('economics.period')}
            value={year === null ? '' : String(year)}
            onChange={(event) => setYear(event.target.value === '' ? null : Number(event.target.value))}
            options={[
              { value: '', label: t('economics.last12') },
              ...years.map((y) => ({ value: String(y), label: String(y) })),
            ]}
          />
          <QueryState query={report} loadingText={t('economics.loading')}>
            {(r) => (
              <>
                {r.daysWithoutRate > 0 ? (
                  <p className="alert alert-warning">
                    {t('economics.daysWithoutRate', { days: r.daysWithoutRate })}
                  </p>
                ) : null}
                <CostsSection report={r} />
                <GroupsSection report={r} />
                <DilemmaSection report={r} />
              </>
            )}
          </QueryState>
        </>
      ) : null}
      <SettingsSection />
    </Page>
  );
}
