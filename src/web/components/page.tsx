import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** Props of {@link Page}. */
export interface PageProps {
  /** The page's h1, also used in the document title. */
  title: string;
  /**
   * The document title instead of `title`, when the h1 holds personal data (a citizen's name) that
   * should not end up in the browser history or the window list.
   */
  documentTitle?: string;
  children?: ReactNode;
}

/**
 * Every page starts here: one h1, a translated document title, and after an in-app navigation
 * focus on the h1, so screen reader users hear where they landed (the first load keeps the skip
 * link first in the tab order).
 */
export function Page({ title, documentTitle, children }: PageProps) {
  const { t } = useTranslation();
  const { key, pathname } = useLocation();
  // The router gives the first location the key 'default'; every navigation gets a new key.
  const navigated = key !== 'default';
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: documentTitle ?? title });
  }, [t, title, documentTitle]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new path is the trigger; a changed query (paging, filters) is not.
  useEffect(() => {
    if (navigated) heading.current?.focus();
  }, [navigated, pathname]);

  return (
    <>
      <h1 ref={heading} tabIndex={-1} className="page-heading">
        {title}
      </h1>
      {children}
    </>
  );
}
