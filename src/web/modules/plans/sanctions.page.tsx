import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SANCTION_KINDS, type SanctionKind } from '../../../shared/plans/model';
import { type FieldError, settle } from '../../api';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { optionalText, readDate } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { planHref, useRecordSanction, useSanctions } from './plans.api';
import { PlansNav } from './plans-nav';

function SanctionForm({ onDone }: { onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const record = useRecordSanction();
  const form = useForm({
    formKey: 'sanctions.form',
    initial: { cpr: '', kind: '', effectiveOn: '', note: '' },
    fields: {
      cpr: { id: 'sanction-cpr', label: t('sanctions.form.cpr') },
      kind: { id: 'sanction-kind', label: t('sanctions.form.kind') },
      effectiveOn: { id: 'sanction-date', label: t('sanctions.form.effectiveOn') },
      note: { id: 'sanction-note', label: t('sanctions.form.note') },
    },
    serverErrors: { CITIZEN_UNKNOWN_CPR: { path: 'cpr', code: 'unknown_cpr' } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    const problems: FieldError[] = [];
    if (!form.values.cpr.trim()) problems.push({ path: 'cpr', code: 'required' });
    if (!form.values.kind) problems.push({ path: 'kind', code: 'required' });
    const effectiveOn = readDate(form.values.effectiveOn, 'effectiveOn', problems, true);
    if (form.failed(problems) || !effectiveOn) return;
    settle(
      record,
      {
        cpr: form.values.cpr.trim(),
        kind: form.values.kind as SanctionKind,
        effectiveOn,
        note: optionalText(form.values.note) ?? null,
      },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          onDone({ kind: 'success', key: 'sanctions.form.done' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <FormDetails summary={t('sanctions.form.summary')}>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField {...form.field('cpr')} autoComplete="off" />
        <SelectField
          {...form.field('kind')}
          placeholder={t('sanctions.form.kindPlaceholder')}
          options={SANCTION_KINDS.map((k) => ({ value: k, label: t(`plans.sanctionKinds.${k}`) }))}
        />
        <DateField {...form.field('effectiveOn')} />
        <TextField {...form.field('note')} />
        <button type="submit" className="button button-primary">
          {t('sanctions.form.submit')}
        </button>
        {record.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** /planer/sanktioner: benefit sanctions and stops from the benefits office, open and handled. */
export function SanctionsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'handled'>('open');
  const [notice, setNotice] = useState<Notice | null>(null);
  const list = useSanctions(status);
  return (
    <Page title={t('sanctions.title')}>
      <PlansNav />
      <p>{t('sanctions.intro')}</p>
      <p>
        <Link to="/planer/sanktioner/import">{t('sanctions.toImport')}</Link>
      </p>
      <NoticeArea notice={notice} headingLevel={2} />
      <SanctionForm onDone={setNotice} />
      <Section id="sanctions-list" heading={t('sanctions.listHeading')}>
        <SelectField
          id="sanctions-status"
          label={t('sanctions.status.label')}
          value={status}
          onChange={(e) => setStatus(e.target.value === 'handled' ? 'handled' : 'open')}
          options={[
            { value: 'open', label: t('sanctions.status.open') },
            { value: 'handled', label: t('sanctions.status.handled') },
          ]}
        />
        <QueryState query={list} empty={<p>{t('sanctions.none')}</p>}>
          {(items) => (
            <TableScroll label={t('sanctions.caption', { count: items.length })}>
              <table className="table table--zebra table--compact">
                <caption className="sr-only">{t('sanctions.caption', { count: items.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('sanctions.columns.citizen')}</th>
                    <th scope="col">{t('sanctions.columns.kind')}</th>
                    <th scope="col">{t('sanctions.columns.effectiveOn')}</th>
                    <th scope="col">{t('sanctions.columns.source')}</th>
                    <th scope="col">{t('sanctions.columns.handled')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link to={planHref(s.citizenId)}>{s.citizenName ?? t('citizens.unnamed')}</Link>
                      </th>
                      <td>
                        {t(`plans.sanctionKinds.${s.kind}`)}
                        {s.note ? <div className="form-hint">{s.note}</div> : null}
                      </td>
                      <td>
                        <DateText value={s.effectiveOn} />
                      </td>
                      <td>{t(`sanctions.sources.${s.source}`)}</td>
                      <td>
                        {s.handledOn ? (
                          <>
                            <DateText value={s.handledOn} />
                            {s.handledNote ? <div className="form-hint">{s.handledNote}</div> : null}
                          </>
                        ) : (
                          <NoValue />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </QueryState>
      </Section>
    </Page>
  );
}
