import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateText } from '../../components/date-text';
import { Section } from '../../components/section';
import { errorMessage } from '../../i18n/errors';
import { type CitizenDetail, type MergedRecord, useUndoMerge } from './citizens.api';

type Result = { kind: 'undone'; record: MergedRecord } | { kind: 'error'; error: unknown };

/** Records merged into this one; each merge can be undone, giving back both histories. */
export function MergesSection({ citizen }: { citizen: CitizenDetail }) {
  const { t } = useTranslation();
  const undo = useUndoMerge();
  const [target, setTarget] = useState<MergedRecord | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const merged = citizen.mergedFrom;
  const recordName = (record: MergedRecord) => record.name ?? t('citizens.unnamed');

  const confirm = () => {
    if (!target || undo.isPending) return;
    const record = target;
    undo.mutate(record.mergeId, {
      onSuccess: () => setResult({ kind: 'undone', record }),
      onError: (error) => setResult({ kind: 'error', error }),
      onSettled: () => setTarget(null),
    });
  };

  if (merged.length === 0 && !result) return null;
  return (
    <Section id="citizen-merges" heading={t('citizen.merges.heading')}>
      <div role="status">
        {result?.kind === 'undone' ? (
          <Alert variant="success" headingLevel={3}>
            <p>{t('citizen.merges.undone', { name: recordName(result.record) })}</p>
            <p>
              <Link to={`/borgere/${encodeURIComponent(result.record.citizenId)}`}>
                {t('citizen.merges.open', { name: recordName(result.record) })}
              </Link>
            </p>
          </Alert>
        ) : null}
      </div>
      {result?.kind === 'error' ? (
        <Alert variant="error" live="alert" headingLevel={3}>
          <p>{errorMessage(t, result.error)}</p>
        </Alert>
      ) : null}
      {merged.length > 0 ? (
        <>
          <p>{t('citizen.merges.intro')}</p>
          <ul className="merged-list nobullet-list">
            {merged.map((record) => (
              <li key={record.mergeId}>
                <span>
                  <span className="weight-semibold">{recordName(record)}</span>, {t('citizen.merges.born')}{' '}
                  <DateText value={record.birthDate} />
                </span>
                {citizen.abilities.merge ? (
                  <button type="button" className="button button-secondary" onClick={() => setTarget(record)}>
                    {t('citizen.merges.undo')}
                    <span className="sr-only"> {recordName(record)}</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ConfirmDialog
        open={target !== null}
        heading={t('citizen.merges.dialog.heading', { name: target ? recordName(target) : '' })}
        confirmLabel={t('citizen.merges.dialog.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={confirm}
        onCancel={() => setTarget(null)}
        busy={undo.isPending}
      >
        <p>{t('citizen.merges.dialog.text')}</p>
      </ConfirmDialog>
    </Section>
  );
}
