import { type MouseEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icon';

/** One line of an error summary; with `fieldId` it links to the field. */
export interface ErrorSummaryItem {
  message: string;
  fieldId?: string | undefined;
}

/** Props of {@link ErrorSummary}. */
export interface ErrorSummaryProps {
  items: ErrorSummaryItem[];
  /**
   * Changes with every failed submit; the summary takes focus each time it changes, so the user
   * hears what went wrong.
   */
  focusKey: unknown;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  // Show the label above the field too, not only the field (as DKFDS' error-summary.js does).
  const label = document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
  (label ?? field).scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
}

/** The DKFDS error summary: an error alert listing every problem, linking to the fields. */
export function ErrorSummary({ items, focusKey }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey is the trigger, by design.
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);

  if (items.length === 0) return null;
  return (
    <div ref={ref} className="alert alert-error" role="alert" tabIndex={-1}>
      <Icon name="error" className="alert-icon" label={t('alert.error')} />
      <div className="alert-body">
        <h2 className="alert-heading">{t('form.errorSummaryHeading')}</h2>
        <ul className="alert-text nobullet-list">
          {items.map((item) => (
            <li key={`${item.fieldId ?? ''}:${item.message}`}>
              {item.fieldId ? (
                <a href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId ?? '')}>
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
