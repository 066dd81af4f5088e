import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errors';
import { Alert } from './alert';

/** A result to show after an action: a translated success text (kept as key + params) or an error. */
export type Notice =
  | { kind: 'success'; key: string; params?: Record<string, string | number> }
  | { kind: 'error'; error: unknown };

/**
 * Where the result of an action appears. The status region stays in the page, so screen readers
 * notice when a result appears in it; an error interrupts.
 */
export function NoticeArea({ notice, headingLevel = 3 }: { notice: Notice | null; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <>
      <div role="status">
        {notice?.kind === 'success' ? (
          <Alert variant="success" headingLevel={headingLevel}>
            <p>{t(notice.key, notice.params ?? {})}</p>
          </Alert>
        ) : null}
      </div>
      {notice?.kind === 'error' ? (
        <Alert variant="error" live="alert" headingLevel={headingLevel}>
          <p>{errorMessage(t, notice.error)}</p>
        </Alert>
      ) : null}
    </>
  );
}
