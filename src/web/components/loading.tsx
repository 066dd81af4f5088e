import { useTranslation } from 'react-i18next';

/** Props of {@link Loading}. */
export interface LoadingProps {
  /** What is loading; defaults to the generic "Indlæser …". */
  text?: string;
  /** Set to false inside an element that is already a live region (no nested live regions). */
  announce?: boolean;
}

/** The DKFDS spinner with a status message that screen readers announce. */
export function Loading({ text, announce = true }: LoadingProps) {
  const { t } = useTranslation();
  return (
    <div className="loading">
      <div className="spinner" aria-hidden="true" />
      <div className="spinner-status" role={announce ? 'status' : undefined}>
        {text ?? t('common.loading')}
      </div>
    </div>
  );
}
