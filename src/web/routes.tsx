import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/app-layout';
import { WEB_MODULES } from './modules/index';

/**
 * Every page of the app, under the app layout: each module's routes (src/web/modules/index.ts) with
 * their guards. Paths are Danish, as users see them; React Router ranks them, so the order of the
 * modules does not decide which page a path opens.
 */
/** The main menu's entries: every module's, in the order of the module list. */
export const navigation = WEB_MODULES.flatMap((module) => module.nav ?? []);

/** The citizen page's links into the modules, in the order of the module list. */
export const citizenActions = WEB_MODULES.flatMap((module) => module.citizenActions ?? []);

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: WEB_MODULES.flatMap((module) => module.routes),
  },
]);
