import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countDay, countYears, week6 } from '../../../shared/count/rules';
import { type FieldError, settle } from '../../api';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { useForm } from '../../components/use-form';
import { currentYear, formatReported } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { type CountSummary, countHref, countReportHref, useCounts, useOpenCount } from './count.api';

/** How many years ahead a count may be opened (to prepare it before its week). */
const YEARS_AHEAD = 2;

function CountsTable({ counts, canRead }: { counts: CountSummary[]; canRead: boolean }) {
  const { t } = useTranslation();
  const caption = t('count.list.caption');
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('count.list.year')}</th>
            <th scope="col">{t('count.list.week')}</th>
            <th scope="col">{t('count.list.status')}</th>
            <th scope="col" className="align-text-right">
              {t('count.list.registered')}
            </th>
            <th scope="col">{t('count.list.pages')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.year}>
              <th scope="row">{c.year}</th>
              <td>
                <DateText value={c.weekFrom} />–<DateText value={c.weekTo} />
              </td>
              <td>{t(`count.statuses.${c.status}`)}</td>
              <td className="align-text-right">{formatReported(t, c.registered)}</td>
              <td>
                <ul className="nobullet-list">
                  {canRead ? (
                    <li>
                      <Link to={countHref(c.year)}>
                        {t(c.status === 'open' ? 'count.list.register' : 'count.list.registrations', {
                          year: c.year,
                        })}
                      </Link>
                    </li>
                  ) : null}
                  <li>
                    <Link to={countReportHref(c.year)}>{t('count.list.report', { year: c.year })}</Link>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Opens a count year's count: the server decides the week (ISO week 6, rule 5); the form shows it. */
function OpenCountForm({ existing, onDone }: { existing: readonly number[]; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const open = useOpenCount();
  const form = useForm({
    formKey: 'count.open',
    initial: () => ({ year: '' }),
    fields: { year: { id: 'count-open-year', label: t('count.open.year') } },
    serverErrors: {
      COUNT_EXISTS: { path: 'year', code: 'taken' },
      COUNT_NOT_A_COUNT_YEAR: { path: 'year', code: 'invalid' },
    },
  });
  const years = countYears(currentYear() + YEARS_AHEAD)
    .filter((y) => !existing.includes(y))
    .reverse();
  const year = years.find((y) => String(y) === form.values.year);
  const week = year === undefined ? null : week6(year);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (open.isPending) return;
    const problems: FieldError[] = [];
    if (year === undefined) problems.push({ path: 'year', code: 'required' });
    if (form.failed(problems) || year === undefined) return;
    settle(
      open,
      { year },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'count.open.done', params: { year } });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <Section id="count-open" heading={t('count.open.heading')}>
      <p>{t('count.open.intro')}</p>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('year')}
          placeholder={t('count.open.choose')}
          hint={t('count.open.yearHint')}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        {week && year !== undefined ? (
          <p id="count-open-week">
            {t('count.open.week', { year })} <DateText value={week.from} />–<DateText value={week.to} />.{' '}
            {t('count.open.countDay')} <DateText value={countDay(year)} />.
          </p>
        ) : null}
        <button type="submit" className="button button-primary">
          {t('count.open.submit')}
        </button>
        {open.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </Section>
  );
}

/**
 * /taelling: the week-6 counts of the municipality (issue 18 §1) — the years, their status, how many
 * are registered (suppressed for those outside case work) and links to the registration and the
 * report; for those who manage the count, the form that opens a count year's count.
 */
export function CountsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.user;
  const canRead = hasPermission(user, 'count.read');
  const canManage = hasPermission(user, 'count.manage');
  const query = useCounts();
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <Page title={t('count.list.title')}>
      <p>{t('count.list.intro')}</p>
      <NoticeArea notice={notice} headingLevel={2} />
      <QueryState
        query={query}
        loadingText={t('count.list.loading')}
        empty={<p>{t(canManage ? 'count.list.emptyManage' : 'count.list.empty')}</p>}
      >
        {(counts) => <CountsTable counts={counts} canRead={canRead} />}
      </QueryState>
      {canManage && query.data ? (
        <OpenCountForm existing={query.data.map((c) => c.year)} onDone={setNotice} />
      ) : null}
      {canRead ? null : <p className="form-hint">{t('count.list.suppressionNote')}</p>}
    </Page>
  );
}
