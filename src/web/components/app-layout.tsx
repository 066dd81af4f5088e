import { useTranslation } from 'react-i18next';
import { AppFooter } from './app-footer';
import { AppHeader } from './app-header';
import { PageOutlet } from './page-outlet';

/** The page shell: skip link, header, the one `<main>`, footer. */
export function AppLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skipnav" href="#main-content">
        {t('app.skipLink')}
      </a>
      <AppHeader />
      <div className="container page-container">
        {/* tabIndex lets the skip link move focus here, not only scroll. */}
        <main id="main-content" tabIndex={-1}>
          <PageOutlet />
        </main>
      </div>
      <AppFooter />
    </>
  );
}
