import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHELTER_KINDS } from '../../../shared/shelters/model';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { CheckboxField } from '../../components/checkbox-field';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { readDate, readNumber } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { formatKroner, todayText } from '../../i18n/format';
import {
  type ShelterSummary,
  useCreateShelter,
  useLinkUser,
  useSetRate,
  useShelters,
  useShelterUsers,
} from './shelters.api';

type OnDone = (notice: Notice) => void;

function CreateShelterForm({ onDone }: { onDone: OnDone }) {
  const { t } = useTranslation();
  const create = useCreateShelter();
  const form = useForm({
    formKey: 'shelterAdmin.create',
    initial: () => ({
      name: '',
      kind: '',
      places: '',
      onTilbudsportalen: true,
      dailyRate: '',
      rateFrom: todayText(),
    }),
    fields: {
      name: { id: 'shelter-name', label: t('shelterAdmin.create.name') },
      kind: { id: 'shelter-kind', label: t('shelterAdmin.create.kind') },
      places: { id: 'shelter-places', label: t('shelterAdmin.create.places') },
      onTilbudsportalen: { id: 'shelter-tilbudsportalen', label: t('shelterAdmin.create.onTilbudsportalen') },
      dailyRate: { id: 'shelter-rate', label: t('shelterAdmin.create.dailyRate') },
      rateFrom: { id: 'shelter-rate-from', label: t('shelterAdmin.create.rateFrom') },
    },
  });
  const { values } = form;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const problems: FieldError[] = [];
    const name = values.name.trim();
    if (!name) problems.push({ path: 'name', code: 'required' });
    const kind = SHELTER_KINDS.find((k) => k === values.kind);
    if (!kind) problems.push({ path: 'kind', code: 'required' });
    const places = readNumber(values.places, 'count', 'places', problems);
    const dailyRate = readNumber(values.dailyRate, 'kroner', 'dailyRate', problems);
    const rateFrom = readDate(values.rateFrom, 'rateFrom', problems, true);
    if (form.failed(problems) || !kind || places === undefined || dailyRate === undefined || !rateFrom)
      return;
    settle(
      create,
      {
        name,
        kind,
        places,
        onTilbudsportalen: values.onTilbudsportalen,
        dailyRate,
        rateFrom,
      },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'shelterAdmin.create.done', params: { name } });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('shelterAdmin.create.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField {...form.field('name')} />
        <SelectField
          {...form.field('kind')}
          placeholder={t('shelterAdmin.create.kindPlaceholder')}
          options={SHELTER_KINDS.map((k) => ({ value: k, label: t(`shelterAdmin.kinds.${k}`) }))}
        />
        <TextField {...form.field('places')} inputMode="numeric" widthClass="input-width-xs" />
        <CheckboxField {...form.checkbox('onTilbudsportalen')} />
        <TextField {...form.field('dailyRate')} inputMode="decimal" widthClass="input-width-s" />
        <DateField {...form.field('rateFrom')} />
        <button type="submit" className="button button-primary">
          {t('shelterAdmin.create.submit')}
        </button>
        {create.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

function RateForm({ shelter, onDone }: { shelter: ShelterSummary; onDone: OnDone }) {
  const { t } = useTranslation();
  const setRate = useSetRate();
  const form = useForm({
    formKey: 'shelterAdmin.rate',
    initial: () => ({ dailyRate: '', validFrom: todayText() }),
    fields: {
      dailyRate: { id: `rate-${shelter.id}`, label: t('shelterAdmin.rate.dailyRate') },
      validFrom: { id: `rate-from-${shelter.id}`, label: t('shelterAdmin.rate.validFrom') },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (setRate.isPending) return;
    const problems: FieldError[] = [];
    const dailyRate = readNumber(form.values.dailyRate, 'kroner', 'dailyRate', problems);
    const validFrom = readDate(form.values.validFrom, 'validFrom', problems, true);
    if (form.failed(problems) || dailyRate === undefined || !validFrom) return;
    settle(
      setRate,
      { shelterId: shelter.id, dailyRate, validFrom },
      {
        onSuccess: () =>
          onDone({ kind: 'success', key: 'shelterAdmin.rate.done', params: { name: shelter.name } }),
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('shelterAdmin.rate.summary', { name: shelter.name })}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField {...form.field('dailyRate')} inputMode="decimal" widthClass="input-width-s" />
        <DateField {...form.field('validFrom')} />
        <button type="submit" className="button button-primary">
          {t('shelterAdmin.rate.submit')}
        </button>
      </form>
    </FormDetails>
  );
}

function LinkUserForm({ shelters, onDone }: { shelters: ShelterSummary[]; onDone: OnDone }) {
  const { t } = useTranslation();
  const users = useShelterUsers();
  const link = useLinkUser();
  const form = useForm({
    formKey: 'shelterAdmin.link',
    initial: () => ({ userId: '', shelterId: '' }),
    fields: {
      userId: { id: 'link-user', label: t('shelterAdmin.link.userId') },
      shelterId: { id: 'link-shelter', label: t('shelterAdmin.link.shelterId') },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (link.isPending) return;
    const problems: FieldError[] = [];
    if (!form.values.userId) problems.push({ path: 'userId', code: 'required' });
    if (!form.values.shelterId) problems.push({ path: 'shelterId', code: 'required' });
    if (form.failed(problems)) return;
    const user = users.data?.find((u) => u.id === form.values.userId);
    const shelter = shelters.find((s) => s.id === form.values.shelterId);
    settle(
      link,
      { userId: form.values.userId, shelterId: form.values.shelterId },
      {
        onSuccess: () =>
          onDone({
            kind: 'success',
            key: 'shelterAdmin.link.done',
            params: { user: user?.displayName ?? '', shelter: shelter?.name ?? '' },
          }),
        onError: form.reportError,
      },
    );
  };
  const list = users.data ?? [];
  return (
    <Section id="shelter-users" heading={t('shelterAdmin.link.heading')}>
      {list.length === 0 ? (
        <p>{t('shelterAdmin.link.none')}</p>
      ) : (
        <ul>
          {list.map((u) => (
            <li key={u.id}>
              {t('shelterAdmin.link.item', {
                user: u.displayName,
                shelter: shelters.find((s) => s.id === u.shelterId)?.name ?? t('shelterAdmin.link.unlinked'),
              })}
            </li>
          ))}
        </ul>
      )}
      {list.length > 0 && shelters.length > 0 ? (
        <FormDetails summary={t('shelterAdmin.link.summary')}>
          {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
          <form onSubmit={onSubmit} noValidate>
            <SelectField
              {...form.field('userId')}
              placeholder={t('shelterAdmin.link.userPlaceholder')}
              options={list.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
            />
            <SelectField
              {...form.field('shelterId')}
              placeholder={t('shelterAdmin.link.shelterPlaceholder')}
              options={shelters.map((s) => ({ value: s.id, label: s.name }))}
            />
            <button type="submit" className="button button-primary">
              {t('shelterAdmin.link.submit')}
            </button>
          </form>
        </FormDetails>
      ) : null}
    </Section>
  );
}

/** /herberger: the administrator's shelters, their daily rates and the shelter users. */
export function SheltersAdminPage() {
  const { t } = useTranslation();
  const query = useShelters();
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <Page title={t('shelterAdmin.title')}>
      <NoticeArea notice={notice} headingLevel={2} />
      <p>{t('shelterAdmin.intro')}</p>
      <QueryState query={query} loadingText={t('shelterAdmin.loading')} isEmpty={() => false}>
        {(shelters) => (
          <>
            <Section id="shelter-list" heading={t('shelterAdmin.list.heading')}>
              {shelters.length === 0 ? (
                <p>{t('shelterAdmin.list.none')}</p>
              ) : (
                <TableScroll label={t('shelterAdmin.list.caption')}>
                  <table className="table table--compact">
                    <caption className="sr-only">{t('shelterAdmin.list.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('shelterAdmin.list.name')}</th>
                        <th scope="col">{t('shelterAdmin.list.kind')}</th>
                        <th scope="col">{t('shelterAdmin.list.places')}</th>
                        <th scope="col">{t('shelterAdmin.list.residents')}</th>
                        <th scope="col">{t('shelterAdmin.list.tilbudsportalen')}</th>
                        <th scope="col">{t('shelterAdmin.list.dailyRate')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shelters.map((s) => (
                        <tr key={s.id}>
                          <td>{s.name}</td>
                          <td>{t(`shelterAdmin.kinds.${s.kind}`)}</td>
                          <td>{s.places}</td>
                          <td>{s.residents}</td>
                          <td>{s.onTilbudsportalen ? t('common.yes') : t('common.no')}</td>
                          <td>{s.dailyRate === null ? <NoValue /> : formatKroner(t, s.dailyRate)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
              {shelters.map((s) => (
                <RateForm key={s.id} shelter={s} onDone={setNotice} />
              ))}
              <CreateShelterForm onDone={setNotice} />
            </Section>
            <LinkUserForm shelters={shelters} onDone={setNotice} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
