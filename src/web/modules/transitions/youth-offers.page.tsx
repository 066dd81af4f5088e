import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFER_KINDS } from '../../../shared/transitions/model';
import type { FieldError } from '../../api';
import { settle } from '../../api';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { optionalText, readNumber } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { hasPermission, useSession } from '../../session';
import { useCreateOffer, useYouthOffers, type YouthOffer } from './transitions.api';

/** A new offer in the catalogue: kind, name, provider, age range and contact. */
function NewOfferForm({ onDone }: { onDone: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const create = useCreateOffer();
  const form = useForm({
    formKey: 'transitions.catalogue',
    initial: () => ({
      kind: '',
      name: '',
      provider: '',
      minAge: '',
      maxAge: '',
      contact: '',
      description: '',
    }),
    fields: {
      kind: { id: 'offer-kind', label: t('transitions.catalogue.kind') },
      name: { id: 'offer-name', label: t('transitions.catalogue.name') },
      provider: { id: 'offer-provider', label: t('transitions.catalogue.provider') },
      minAge: { id: 'offer-min-age', label: t('transitions.catalogue.minAge') },
      maxAge: { id: 'offer-max-age', label: t('transitions.catalogue.maxAge') },
      contact: { id: 'offer-contact', label: t('transitions.catalogue.contact') },
      description: { id: 'offer-description', label: t('transitions.catalogue.description') },
    },
    serverErrors: {
      TRANSITION_OFFER_AGE_RANGE: { path: 'maxAge', code: 'below_min' },
      TRANSITION_OFFER_NAME_TAKEN: { path: 'name', code: 'taken' },
    },
  });
  const { values } = form;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const problems: FieldError[] = [];
    const kind = OFFER_KINDS.find((k) => k === values.kind);
    if (!kind) problems.push({ path: 'kind', code: 'required' });
    const name = optionalText(values.name);
    if (!name) problems.push({ path: 'name', code: 'required' });
    const provider = optionalText(values.provider);
    if (!provider) problems.push({ path: 'provider', code: 'required' });
    const minAge = readNumber(values.minAge, 'count', 'minAge', problems);
    const maxAge = readNumber(values.maxAge, 'count', 'maxAge', problems);
    if (minAge !== undefined && maxAge !== undefined && minAge > maxAge)
      problems.push({ path: 'maxAge', code: 'below_min' });
    const contact = optionalText(values.contact);
    if (!contact) problems.push({ path: 'contact', code: 'required' });
    if (
      form.failed(problems) ||
      !kind ||
      !name ||
      !provider ||
      !contact ||
      minAge === undefined ||
      maxAge === undefined
    )
      return;
    const description = optionalText(values.description);
    settle(
      create,
      { kind, name, provider, minAge, maxAge, contact, ...(description ? { description } : {}) },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'transitions.catalogue.done', params: { name } });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('transitions.catalogue.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('kind')}
          placeholder={t('transitions.catalogue.kindPlaceholder')}
          options={OFFER_KINDS.map((k) => ({ value: k, label: t(`transitions.offerKinds.${k}`) }))}
        />
        <TextField {...form.field('name')} />
        <TextField {...form.field('provider')} hint={t('transitions.catalogue.providerHint')} />
        <TextField {...form.field('minAge')} inputMode="numeric" widthClass="input-width-xs" />
        <TextField {...form.field('maxAge')} inputMode="numeric" widthClass="input-width-xs" />
        <TextField {...form.field('contact')} />
        <TextAreaField {...form.field('description')} rows={2} />
        <button type="submit" className="button button-primary">
          {t('transitions.catalogue.submit')}
        </button>
        {create.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

function OffersTable({ rows }: { rows: YouthOffer[] }) {
  const { t } = useTranslation();
  const caption = t('transitions.catalogue.caption');
  return (
    <TableScroll label={caption}>
      <table className="table table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transitions.catalogue.kind')}</th>
            <th scope="col">{t('transitions.catalogue.name')}</th>
            <th scope="col">{t('transitions.catalogue.provider')}</th>
            <th scope="col">{t('transitions.catalogue.ages')}</th>
            <th scope="col">{t('transitions.catalogue.contact')}</th>
            <th scope="col">{t('transitions.catalogue.description')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id}>
              <td>{t(`transitions.offerKinds.${o.kind}`)}</td>
              <td>{o.name}</td>
              <td>{o.provider}</td>
              <td className="nowrap">{t('transitions.offers.ages', { min: o.minAge, max: o.maxAge })}</td>
              <td>{o.contact}</td>
              <td>{o.description ?? <NoValue />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** /ungetilbud: the municipality's catalogue of youth offers ("bedre overblik over tilbuddene"). */
export function YouthOffersPage() {
  const { t } = useTranslation();
  const query = useYouthOffers();
  const [notice, setNotice] = useState<Notice | null>(null);
  const keeps = hasPermission(useSession().data?.user, 'transitions.catalogue');
  return (
    <Page title={t('transitions.catalogue.title')}>
      <p className="font-lead">{t('transitions.catalogue.intro')}</p>
      <NoticeArea notice={notice} headingLevel={2} />
      {keeps ? (
        <Section id="offer-new" heading={t('transitions.catalogue.newHeading')}>
          <NewOfferForm onDone={setNotice} />
        </Section>
      ) : null}
      <Section id="offer-list" heading={t('transitions.catalogue.listHeading')}>
        <QueryState
          query={query}
          loadingText={t('transitions.catalogue.loading')}
          empty={<p>{t(keeps ? 'transitions.catalogue.noneAdmin' : 'transitions.catalogue.none')}</p>}
          isEmpty={(rows) => rows.length === 0}
        >
          {(rows) => <OffersTable rows={rows} />}
        </QueryState>
      </Section>
    </Page>
  );
}
