import { useTranslation } from 'react-i18next';
import { formatTime, isoDateTime } from '../../i18n/format';

/**
 * When kept figures (a dashboard's, a committee report's) were computed today, and a button that
 * computes them now (ADR 0026); the line is announced when the new figures arrive.
 */
export function ComputedAt({
  computedAt,
  computing,
  onRefresh,
}: {
  computedAt: string;
  computing: boolean;
  onRefresh: () => void;
}) {
  const { t } = useTranslation();
  return (
    <p aria-live="polite">
      {t('insightDashboard.computedAt')}{' '}
      <time dateTime={isoDateTime(computedAt)}>{formatTime(computedAt)}</time>.{' '}
      <button
        type="button"
        className="button button-tertiary d-print-none"
        disabled={computing}
        onClick={onRefresh}
      >
        {computing ? t('insightDashboard.computing') : t('insightDashboard.refresh')}
      </button>
    </p>
  );
}
