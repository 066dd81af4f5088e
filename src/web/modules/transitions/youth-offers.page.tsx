import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { YouthOfferInput } from '../../../shared/transitions/api';
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
import { useCreateOffer, useUpdateOffer, useYouthOffers, type YouthOffer } from './transitions.api';

type OfferValues = Record<
  'kind' | 'name' | 'provider' | 'minAge' | 'maxAge' | 'contact' | 'description',
  string
>;

const valuesOf = (o: YouthOffer | null): OfferValues => ({
  kind: o?.kind ?? '',
  name: o?.name ?? '',
  provider: o?.provider ?? '',
  minAge: o ? String(o.minAge) : '',
  maxAge: o ? String(o.maxAge) : '',
  contact: o?.contact ?? '',
  description: o?.description ?? '',
});

/** Reads the offer form as the server checks it; undefined when something is missing or wrong. */
function readOffer(values: OfferValues, problems: FieldError[]): YouthOfferInput | undefined {
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
  if (!kind || !name || !provider || !contact || minAge === undefined || maxAge === undefined) return;
  return {
    kind,
    name,
    provider,
    minAge,
    maxAge,
    contact,
    description: optionalText(values.description) ?? null,
  };
}

/**
 * An offer of the catalogue: kind, name, provider, age range and contact. A new one when `offer` is
 * null; else the offer changed (its ids are prefixed, so both forms can be on the page).
 */
function OfferForm({ offer, onDone }: { offer: YouthOffer | null; onDone: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const create = useCreateOffer();
  const update = useUpdateOffer();
  const pending = create.isPending || update.isPending;
  const prefix = offer ? 'offer-edit' : 'offer';
  const form = useForm({
    formKey: 'transitions.catalogue',
    initial: () => valuesOf(offer),
    fields: {
      kind: { id: `${prefix}-kind`, label: t('transitions.catalogue.kind') },
      name: { id: `${prefix}-name`, label: t('transitions.catalogue.name') },
      provider: { id: `${prefix}-provider`, label: t('transitions.catalogue.provider') },
      minAge: { id: `${prefix}-min-age`, label: t('transitions.catalogue.minAge') },
      maxAge: { id: `${prefix}-max-age`, label: t('transitions.catalogue.maxAge') },
      contact: { id: `${prefix}-contact`, label: t('transitions.catalogue.contact') },
      description: { id: `${prefix}-description`, label: t('transitions.catalogue.description') },
    },
    serverErrors: {
      TRANSITION_OFFER_AGE_RANGE: { path: 'maxAge', code: 'below_min' },
      TRANSITION_OFFER_NAME_TAKEN: { path: 'name', code: 'taken' },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const problems: FieldError[] = [];
    const input = readOffer(form.values, problems);
    if (form.failed(problems) || !input) return;
    const onSuccess = () => {
      form.clear();
      if (!offer) form.reset();
      onDone({
        kind: 'success',
        key: offer ? 'transitions.catalogue.updated' : 'transitions.catalogue.done',
        params: { name: input.name },
      });
    };
    if (offer) settle(update, { id: offer.id, ...input }, { onSuccess, onError: form.reportError });
    else settle(create, input, { onSuccess, onError: form.reportError });
  };
  return (
    <>
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
          {t(offer ? 'transitions.catalogue.save' : 'transitions.catalogue.submit')}
        </button>
        {pending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </>
  );
}

/** Changing an offer: choose it, then its form, filled in. */
function EditOffer({ rows, onDone }: { rows: YouthOffer[]; onDone: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState('');
  const offer = rows.find((o) => o.id === chosen) ?? null;
  return (
    <FormDetails summary={t('transitions.catalogue.editSummary')}>
      <SelectField
        id="offer-edit-choice"
        label={t('transitions.catalogue.editChoice')}
        value={chosen}
        onChange={(event) => setChosen(event.target.value)}
        placeholder={t('transitions.catalogue.editPlaceholder')}
        options={rows.map((o) => ({ value: o.id, label: `${o.name} – ${o.provider}` }))}
      />
      {offer ? <OfferForm key={offer.id} offer={offer} onDone={onDone} /> : null}
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
          <FormDetails summary={t('transitions.catalogue.summary')}>
            <OfferForm offer={null} onDone={setNotice} />
          </FormDetails>
        </Section>
      ) : null}
      <Section id="offer-list" heading={t('transitions.catalogue.listHeading')}>
        <QueryState
          query={query}
          loadingText={t('transitions.catalogue.loading')}
          empty={<p>{t(keeps ? 'transitions.catalogue.noneAdmin' : 'transitions.catalogue.none')}</p>}
          isEmpty={(rows) => rows.length === 0}
        >
          {(rows) => (
            <>
              <OffersTable rows={rows} />
              {keeps ? <EditOffer rows={rows} onDone={setNotice} /> : null}
            </>
          )}
        </QueryState>
      </Section>
    </Page>
  );
}
