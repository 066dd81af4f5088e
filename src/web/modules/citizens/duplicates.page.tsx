import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateText } from '../../components/date-text';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { errorMessage } from '../../i18n/errors';
import { CprText, citizenName } from './citizen-format';
import {
  type CitizenSummary,
  type DuplicatePair,
  useDismissDuplicate,
  useDuplicates,
  useMergeDuplicate,
} from './citizens.api';

/** A merge the user is asked to confirm. */
interface PendingMerge {
  pair: DuplicatePair;
  survivor: CitizenSummary;
  other: CitizenSummary;
}

type Result =
  | { kind: 'merged'; survivorId: string; name: string }
  | { kind: 'dismissed'; a: string; b: string }
  | { kind: 'error'; error: unknown };

function PairTable({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const rows: { key: string; label: string; cell: (c: CitizenSummary) => ReactNode }[] = [
    {
      key: 'name',
      label: t('duplicates.name'),
      cell: (c) => <Link to={`/borgere/${encodeURIComponent(c.id)}`}>{citizenName(t, c)}</Link>,
    },
    { key: 'birthDate', label: t('duplicates.birthDate'), cell: (c) => <DateText value={c.birthDate} /> },
    { key: 'cpr', label: t('duplicates.cpr'), cell: (c) => <CprText value={c.cpr} /> },
    {
      key: 'status',
      label: t('duplicates.status'),
      cell: (c) => `${t(`statuses.${c.status}`)} (${t(`situations.${c.situation}`)})`,
    },
  ];
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact duplicate-table">
        <caption className="sr-only">{t('duplicates.caption')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('duplicates.left')}</th>
            <th scope="col">{t('duplicates.right')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.cell(pair.a)}</td>
              <td>{row.cell(pair.b)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PairSection({
  pair,
  onMerge,
  onDismiss,
}: {
  pair: DuplicatePair;
  onMerge: (merge: PendingMerge) => void;
  onDismiss: (pair: DuplicatePair) => void;
}) {
  const { t } = useTranslation();
  const a = citizenName(t, pair.a);
  const b = citizenName(t, pair.b);
  const headingId = `pair-${pair.id}-heading`;
  return (
    <section aria-labelledby={headingId} className="duplicate-pair">
      <h2 id={headingId}>{t('duplicates.pairHeading', { a, b })}</h2>
      <PairTable pair={pair} />
      <div className="button-group">
        <button
          type="button"
          className="button button-primary"
          onClick={() => onMerge({ pair, survivor: pair.a, other: pair.b })}
        >
          {t('duplicates.keepLeft')}
          <span className="sr-only">: {a}</span>
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => onMerge({ pair, survivor: pair.b, other: pair.a })}
        >
          {t('duplicates.keepRight')}
          <span className="sr-only">: {b}</span>
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDismiss(pair)}>
          {t('duplicates.dismiss')}
        </button>
      </div>
    </section>
  );
}

/** /borgere/dubletter: likely duplicates (similar name, same birth date) to merge or dismiss. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const duplicates = useDuplicates();
  const merge = useMergeDuplicate();
  const dismiss = useDismissDuplicate();
  const [pending, setPending] = useState<PendingMerge | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  const confirmMerge = () => {
    if (!pending || merge.isPending) return;
    const { pair, survivor } = pending;
    const name = citizenName(t, survivor);
    merge.mutate(
      { pairId: pair.id, survivorId: survivor.id },
      {
        onSuccess: (merged) =>
          setResult({ kind: 'merged', survivorId: merged?.survivorId ?? survivor.id, name }),
        onError: (error) => setResult({ kind: 'error', error }),
        onSettled: () => setPending(null),
      },
    );
  };

  const doDismiss = (pair: DuplicatePair) => {
    if (dismiss.isPending) return;
    const a = citizenName(t, pair.a);
    const b = citizenName(t, pair.b);
    dismiss.mutate(pair.id, {
      onSuccess: () => setResult({ kind: 'dismissed', a, b }),
      onError: (error) => setResult({ kind: 'error', error }),
    });
  };

  const items = duplicates.data?.items ?? [];

  return (
    <Page title={t('duplicates.title')}>
      <p className="font-lead">{t('duplicates.intro')}</p>
      <p>
        <Link to="/borgere">{t('citizen.backToList')}</Link>
      </p>
      <div role="status">
        {result?.kind === 'merged' ? (
          <Alert variant="success">
            <p>{t('duplicates.merged', { name: result.name })}</p>
            <p>
              <Link to={`/borgere/${encodeURIComponent(result.survivorId)}`}>
                {t('duplicates.openSurvivor', { name: result.name })}
              </Link>
            </p>
          </Alert>
        ) : null}
        {result?.kind === 'dismissed' ? (
          <Alert variant="success">
            <p>{t('duplicates.dismissed', { a: result.a, b: result.b })}</p>
          </Alert>
        ) : null}
      </div>
      {result?.kind === 'error' ? (
        <Alert variant="error" live="alert">
          <p>{errorMessage(t, result.error)}</p>
        </Alert>
      ) : null}
      <QueryState query={duplicates} loadingText={t('duplicates.loading')} />
      {duplicates.data && items.length === 0 ? (
        <Alert variant="info" heading={t('duplicates.emptyHeading')}>
          <p>{t('duplicates.empty')}</p>
        </Alert>
      ) : null}
      {items.length > 0 ? <p>{t('duplicates.count', { count: items.length })}</p> : null}
      {items.map((pair) => (
        <PairSection key={pair.id} pair={pair} onMerge={setPending} onDismiss={doDismiss} />
      ))}
      <ConfirmDialog
        open={pending !== null}
        heading={t('duplicates.dialog.heading')}
        confirmLabel={t('duplicates.dialog.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={confirmMerge}
        onCancel={() => setPending(null)}
        busy={merge.isPending}
      >
        <p>
          {pending
            ? t('duplicates.dialog.text', {
                survivor: citizenName(t, pending.survivor),
                other: citizenName(t, pending.other),
              })
            : null}
        </p>
      </ConfirmDialog>
    </Page>
  );
}
