import { type FormEvent, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { notInFuture, readDate } from '../../components/read-field';
import { TableScroll } from '../../components/table-scroll';
import { useForm } from '../../components/use-form';
import { isoToDanishDate, parseDate, todayIso } from '../../i18n/format';
import { applicationHref } from './applications.api';
import { type CensusDay, useCensus } from './vacancies.api';
import { daysText, PriorityText } from './vacancy-format';

function DateForm({ date, onShow }: { date: string; onShow: (date: string) => void }) {
  const { t } = useTranslation();
  const form = useForm({
    formKey: 'census',
    initial: { date: isoToDanishDate(date) },
    fields: { date: { id: 'census-date', label: t('census.date') } },
  });
  // Back/forward changes the URL: show its date.
  const { set } = form;
  useEffect(() => set('date', isoToDanishDate(date)), [date, set]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const iso = readDate(form.values.date, 'date', problems, true);
    notInFuture(iso, 'date', problems);
    if (form.failed(problems) || iso === undefined) return;
    form.clear();
    onShow(iso);
  };
  return (
    <section aria-labelledby="census-form-heading">
      <h2 id="census-form-heading">{t('census.formHeading')}</h2>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <DateField {...form.field('date')} />
        <button type="submit" className="button button-primary">
          {t('census.show')}
        </button>
      </form>
    </section>
  );
}

function CensusVacancy({ vacancy, date }: { vacancy: CensusDay['vacancies'][number]; date: string }) {
  const { t } = useTranslation();
  const caption = t('census.caption', { address: vacancy.address, date: isoToDanishDate(date) });
  return (
    <section aria-labelledby={`census-${vacancy.vacancyId}`} className="mt-6">
      <h3 id={`census-${vacancy.vacancyId}`}>
        <Link to={`/anvisning/boliger/${encodeURIComponent(vacancy.vacancyId)}`}>{vacancy.address}</Link>
      </h3>
      <p>
        {vacancy.departmentName}.{' '}
        {t('census.counts', {
          eligible: vacancy.eligibleCount,
          excluded: vacancy.excludedCount,
        })}
      </p>
      {vacancy.candidates.length === 0 ? (
        <p>{t('census.noEligible')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col" className="align-text-right">
                  {t('census.rank')}
                </th>
                <th scope="col">{t('census.applicant')}</th>
                <th scope="col">{t('census.priority')}</th>
                <th scope="col">{t('census.waiting')}</th>
              </tr>
            </thead>
            <tbody>
              {vacancy.candidates.map((candidate) => (
                <tr key={candidate.applicationId}>
                  <td className="align-text-right">{candidate.rank}</td>
                  <th scope="row">
                    <Link to={applicationHref(candidate.applicationId)}>{candidate.citizenName}</Link>
                  </th>
                  <td>
                    <PriorityText priority={candidate.priority} />
                  </td>
                  <td>{daysText(t, candidate.waitingDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/**
 * /anvisning/optaelling: the fairness census. Each day Hjemvej stores, per vacant unit, who was
 * eligible and in which order, so the allocation can be checked afterwards; this page shows a day.
 */
export function CensusPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const date = parseDate(params.get('dato') ?? '') ?? todayIso();
  const census = useCensus(date);
  const data = census.data;
  const day = isoToDanishDate(date);

  return (
    <Page title={t('census.title')}>
      <p className="font-lead">{t('census.intro')}</p>
      <p>{t('census.how')}</p>
      <DateForm date={date} onShow={(next) => setParams(next === todayIso() ? {} : { dato: next })} />
      <section aria-labelledby="census-result-heading" className="citizen-section">
        <h2 id="census-result-heading">{t('census.resultHeading', { date: day })}</h2>
        <QueryState query={census} headingLevel={3} />
        <div role="status">
          {data && !census.isFetching ? (
            <p>{t('census.summary', { count: data.vacancies.length, date: day })}</p>
          ) : null}
        </div>
        {data && data.vacancies.length === 0 && !census.isFetching ? (
          <Alert variant="info" headingLevel={3} heading={t('census.emptyHeading')}>
            <p>{t('census.empty', { date: day })}</p>
          </Alert>
        ) : null}
        {data?.vacancies.map((vacancy) => (
          <CensusVacancy key={vacancy.vacancyId} vacancy={vacancy} date={data.date} />
        ))}
      </section>
    </Page>
  );
}
