import type { WebModule } from '../module';
import { AccessibilityPage } from './accessibility.page';
import { NotFoundPage } from './not-found.page';

/** The accessibility statement and the page for unknown addresses. */
export const siteModule: WebModule = {
  name: 'site',
  routes: [
    { path: '/tilgaengelighed', element: <AccessibilityPage /> },
    { path: '*', element: <NotFoundPage /> },
  ],
};
