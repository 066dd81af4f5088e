import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icon';

/** The four DKFDS alert variants. */
export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

/** Props of {@link Alert}. */
export interface AlertProps {
  variant: AlertVariant;
  heading?: ReactNode;
  /** Heading level; defaults to 2 (alerts sit directly under the page's h1). */
  headingLevel?: 2 | 3;
  children?: ReactNode;
  /** `alert` interrupts (errors), `status` is announced politely (results); omit for static text. */
  live?: 'alert' | 'status';
  /** Makes the alert focusable by script, so a result can take focus. */
  focusable?: boolean;
  ref?: Ref<HTMLDivElement>;
  id?: string;
}

/** A DKFDS alert (`alert alert-<variant>`) with its icon, heading and body. */
export function Alert({
  variant,
  heading,
  headingLevel = 2,
  children,
  live,
  focusable,
  ref,
  id,
}: AlertProps) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div
      ref={ref}
      id={id}
      className={`alert alert-${variant}`}
      role={live}
      tabIndex={focusable ? -1 : undefined}
    >
      <Icon name={variant} className="alert-icon" label={t(`alert.${variant}`)} />
      <div className="alert-body">
        {heading ? <Heading className="alert-heading">{heading}</Heading> : null}
        {children ? <div className="alert-text">{children}</div> : null}
      </div>
    </div>
  );
}
