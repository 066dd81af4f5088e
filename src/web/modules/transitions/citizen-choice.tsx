import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading';
import type { RadioOption } from '../../components/radio-group';
import { TextField } from '../../components/text-field';
import { formatDate } from '../../i18n/format';
import { useCitizenSearch } from './transitions.api';

/**
 * Finding the young person of a new plan: a search form of its own (by name, initials or CPR
 * number), whose hits the plan's form offers as radio options.
 */
export function useCitizenChoice(idPrefix: string) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const found = useCitizenSearch(searched);
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearched(query.trim());
  };
  const hits = found.data?.items ?? [];
  const options: RadioOption[] = hits.map((c) => ({
    value: c.id,
    label: `${c.name ?? c.initials ?? t('transitions.unnamed')} (${formatDate(c.birthDate)})`,
  }));
  const searchForm = (
    <form onSubmit={onSearch} noValidate>
      <TextField
        id={`${idPrefix}-search`}
        label={t('transitions.search.label')}
        hint={t('transitions.search.hint')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        autoComplete="off"
        widthClass="input-width-l"
      />
      <button type="submit" className="button button-secondary">
        {t('transitions.search.submit')}
      </button>
      {found.isFetching ? <Loading text={t('common.loading')} /> : null}
      {searched && found.data && hits.length === 0 ? (
        <p role="status">{t('transitions.search.none')}</p>
      ) : null}
    </form>
  );
  return { searchForm, options };
}
