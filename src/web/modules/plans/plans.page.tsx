import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText } from '../../components/date-text';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextField } from '../../components/text-field';
import { isoToDanishDate } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { planHref, useCitizenSearch, usePlans } from './plans.api';
import { PlansNav } from './plans-nav';

/** Find a citizen to open or make a plan for. */
function CitizenSearch() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const found = useCitizenSearch(q);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQ(text.trim());
  };
  return (
    <Section id="plans-search" heading={t('plans.search.heading')}>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id="plans-search-q"
          label={t('plans.search.label')}
          hint={t('plans.search.hint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button button-secondary">
          {t('plans.search.submit')}
        </button>
      </form>
      {q ? (
        <QueryState query={found} empty={<p>{t('plans.search.none')}</p>}>
          {({ items }) => (
            <ul aria-label={t('plans.search.results')}>
              {items.map((c) => (
                <li key={c.id}>
                  <Link to={planHref(c.id)}>
                    {t('plans.search.planOf', {
                      name: c.name ?? t('citizens.unnamed'),
                      birthDate: isoToDanishDate(c.birthDate),
                    })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      ) : null}
    </Section>
  );
}

/** /planer: the active coherent plans the user coordinates or has need-to-know of (all, for the authority). */
export function PlansPage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const readsAll = hasPermission(user, 'plans.all');
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const plans = usePlans(scope);
  return (
    <Page title={t('plans.title')}>
      <PlansNav />
      <p>{t('plans.intro')}</p>
      {readsAll ? (
        <SelectField
          id="plans-scope"
          label={t('plans.scope.label')}
          value={scope}
          onChange={(e) => setScope(e.target.value === 'all' ? 'all' : 'mine')}
          options={[
            { value: 'mine', label: t('plans.scope.mine') },
            { value: 'all', label: t('plans.scope.all') },
          ]}
        />
      ) : null}
      <QueryState query={plans} empty={<p>{t('plans.none')}</p>}>
        {(items) => (
          <TableScroll label={t('plans.caption', { count: items.length })}>
            <table className="table table--zebra table--compact">
              <caption>{t('plans.caption', { count: items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.columns.citizen')}</th>
                  <th scope="col">{t('plans.columns.coordinator')}</th>
                  <th scope="col">{t('plans.columns.startedOn')}</th>
                  <th scope="col" className="align-text-right">
                    {t('plans.columns.actions')}
                  </th>
                  <th scope="col" className="align-text-right">
                    {t('plans.columns.overdue')}
                  </th>
                  <th scope="col">{t('plans.columns.nextReview')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={planHref(p.citizenId)}>{p.citizenName ?? t('citizens.unnamed')}</Link>
                    </th>
                    <td>{p.coordinatorName}</td>
                    <td>
                      <DateText value={p.startedOn} />
                    </td>
                    <td className="align-text-right">{p.actions}</td>
                    <td className="align-text-right">
                      {p.overdueActions > 0 ? (
                        <span className="badge badge-error">{p.overdueActions}</span>
                      ) : (
                        p.overdueActions
                      )}
                    </td>
                    <td>{p.nextReviewOn ? <DateText value={p.nextReviewOn} /> : <NoValue />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryState>
      <CitizenSearch />
    </Page>
  );
}
