import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary } from '../../components/error-summary';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { TableScroll } from '../../components/table-scroll';
import { TextField } from '../../components/text-field';
import { useConfirmedMutation } from '../../components/use-confirmed-mutation';
import { useForm } from '../../components/use-form';
import { errorMessage } from '../../i18n/errors';
import { formatDate, formatTime, formatWhole } from '../../i18n/format';
import {
  type DryRunView,
  type RetentionPolicy,
  type RetentionRunView,
  useDeletionRun,
  useDryRun,
  useRetentionPolicy,
  useRetentionRuns,
  useSaveRetentionPolicy,
} from './retention.api';

/** Whole years from 1 to 30, as typed; null otherwise. */
function years(value: string): number | null {
  if (!/^\d{1,2}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= 1 && n <= 30 ? n : null;
}

function PolicyForm({ policy }: { policy: RetentionPolicy }) {
  const { t } = useTranslation();
  const save = useSaveRetentionPolicy();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    formKey: 'dataRetention',
    initial: () => ({ years: String(policy.years) }),
    fields: { years: { id: 'retention-years', label: t('dataRetention.policy.years') } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    const value = years(form.values.years);
    const problems: FieldError[] = value === null ? [{ path: 'years', code: 'years' }] : [];
    if (form.failed(problems) || value === null) return;
    save.mutate(value, {
      onSuccess: () => {
        form.clear();
        setSaved(true);
      },
      onError: form.reportError,
    });
  };
  return (
    <section aria-labelledby="retention-policy-heading">
      <h2 id="retention-policy-heading">{t('dataRetention.policy.heading')}</h2>
      <p>{t('dataRetention.policy.intro')}</p>
      <div role="status">
        {saved ? (
          <Alert variant="success">
            <p>{t('dataRetention.policy.saved')}</p>
          </Alert>
        ) : null}
      </div>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          {...form.field('years')}
          hint={t('dataRetention.policy.yearsHint')}
          inputMode="numeric"
          required
          widthClass="input-width-xs"
        />
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('dataRetention.policy.save')}
        </button>
      </form>
    </section>
  );
}

function TableCounts({ run, caption }: { run: RetentionRunView; caption: string }) {
  const { t } = useTranslation();
  const rows = run.tables.filter((c) => c.rows > 0);
  if (rows.length === 0) return null;
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dataRetention.counts.module')}</th>
            <th scope="col">{t('dataRetention.counts.table')}</th>
            <th scope="col">{t('dataRetention.counts.erase')}</th>
            <th scope="col" className="text-align-right">
              {t('dataRetention.counts.rows')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.table}>
              <td>{t(`dataRetention.modules.${c.module}`)}</td>
              <td>
                <code>{c.table}</code>
              </td>
              <td>{t(`dataRetention.erase.${c.erase}`)}</td>
              <td className="text-align-right">{formatWhole(c.rows)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function DryRun() {
  const { t } = useTranslation();
  const dryRun = useDryRun();
  const deletion = useDeletionRun();
  const [result, setResult] = useState<DryRunView | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const confirm = useConfirmedMutation(deletion, {
    onSuccess: (run) => {
      setResult(null);
      setMessage({ kind: 'success', text: t('dataRetention.deletion.done', { count: run.citizens }) });
    },
    onError: (error) => setMessage({ kind: 'error', text: errorMessage(t, error) }),
  });
  const start = () => {
    setMessage(null);
    dryRun.mutate(undefined, {
      onSuccess: setResult,
      onError: (error) => setMessage({ kind: 'error', text: errorMessage(t, error) }),
    });
  };
  return (
    <section aria-labelledby="retention-dry-run-heading">
      <h2 id="retention-dry-run-heading">{t('dataRetention.dryRun.heading')}</h2>
      <p>{t('dataRetention.dryRun.intro')}</p>
      <button type="button" className="button button-secondary" onClick={start} disabled={dryRun.isPending}>
        {t('dataRetention.dryRun.start')}
      </button>
      <div role="status">
        {message ? (
          <Alert variant={message.kind}>
            <p>{message.text}</p>
          </Alert>
        ) : null}
        {result ? (
          <p>
            {t('dataRetention.dryRun.found', {
              count: result.citizens,
              cutoff: formatDate(result.cutoff),
              years: result.years,
            })}
          </p>
        ) : null}
      </div>
      {result && result.due.length > 0 ? (
        <>
          <TableScroll label={t('dataRetention.dryRun.caption')}>
            <table className="table table--zebra table--compact">
              <caption>{t('dataRetention.dryRun.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dataRetention.dryRun.name')}</th>
                  <th scope="col">{t('dataRetention.dryRun.birthYear')}</th>
                  <th scope="col">{t('dataRetention.dryRun.lastActivity')}</th>
                </tr>
              </thead>
              <tbody>
                {result.due.map((c) => (
                  <tr key={c.id}>
                    <td>{c.name}</td>
                    <td>{c.birthYear}</td>
                    <td>{formatDate(c.lastActivityOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <TableCounts run={result} caption={t('dataRetention.counts.caption')} />
          <button
            type="button"
            className="button button-primary"
            onClick={() => confirm.ask({ dryRunId: result.id, citizens: result.citizens })}
          >
            {t('dataRetention.deletion.start', { count: result.citizens })}
          </button>
        </>
      ) : null}
      <ConfirmDialog
        {...confirm.dialog}
        heading={t('dataRetention.deletion.confirmHeading', { count: confirm.pending?.citizens ?? 0 })}
        confirmLabel={t('dataRetention.deletion.confirm', { count: confirm.pending?.citizens ?? 0 })}
        cancelLabel={t('common.cancel')}
      >
        <p>{t('dataRetention.deletion.confirmText', { count: confirm.pending?.citizens ?? 0 })}</p>
      </ConfirmDialog>
    </section>
  );
}

function Runs() {
  const { t } = useTranslation();
  const runs = useRetentionRuns();
  return (
    <section aria-labelledby="retention-runs-heading">
      <h2 id="retention-runs-heading">{t('dataRetention.runs.heading')}</h2>
      <QueryState
        query={runs}
        live={false}
        errorText={() => t('errors.UNKNOWN')}
        isEmpty={(data) => data.items.length === 0}
        empty={<p>{t('dataRetention.runs.none')}</p>}
      >
        {(data) => (
          <TableScroll label={t('dataRetention.runs.caption')}>
            <table className="table table--zebra table--compact">
              <caption>{t('dataRetention.runs.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dataRetention.runs.ranAt')}</th>
                  <th scope="col">{t('dataRetention.runs.kind')}</th>
                  <th scope="col">{t('dataRetention.runs.by')}</th>
                  <th scope="col">{t('dataRetention.runs.policy')}</th>
                  <th scope="col" className="text-align-right">
                    {t('dataRetention.runs.citizens')}
                  </th>
                  <th scope="col" className="text-align-right">
                    {t('dataRetention.runs.audit')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {formatDate(r.ranAt)} {formatTime(r.ranAt)}
                    </td>
                    <td>{t(`dataRetention.runs.kinds.${r.kind}`)}</td>
                    <td>{r.ranBy ?? '–'}</td>
                    <td>
                      {t('dataRetention.runs.policyText', { years: r.years, cutoff: formatDate(r.cutoff) })}
                    </td>
                    <td className="text-align-right">
                      {formatWhole(r.citizens)}
                      {r.failed > 0 ? ` (${t('dataRetention.runs.failed', { count: r.failed })})` : ''}
                    </td>
                    <td className="text-align-right">
                      {r.kind === 'deletion' ? formatWhole(r.auditPseudonymised) : '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryState>
    </section>
  );
}

/** /admin/sletning: the retention policy, the dry run and the deletion it confirms, and the run log. */
export function RetentionPage() {
  const { t } = useTranslation();
  const policy = useRetentionPolicy();
  return (
    <Page title={t('dataRetention.title')}>
      <p>{t('dataRetention.intro')}</p>
      <QueryState query={policy} live={false} errorText={() => t('errors.UNKNOWN')}>
        {(data) => <PolicyForm policy={data} />}
      </QueryState>
      <DryRun />
      <Runs />
    </Page>
  );
}
