import { isValidElement } from 'react';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import { AppLayout } from './components/app-layout';
import { WEB_MODULES } from './modules/index';
import type { LazyPage } from './modules/module';

/**
 * Every page of the app, under the app layout: each module's routes (src/web/modules/index.ts) with
 * their guards. Paths are Danish, as users see them; React Router ranks them, so the order of the
 * modules does not decide which page a path opens.
 */
/** The main menu's entries: every module's, in the order of the module list. */
export const navigation = WEB_MODULES.flatMap((module) => module.nav ?? []);

/** The citizen page's links into the modules, in the order of the module list. */
export const citizenActions = WEB_MODULES.flatMap((module) => module.citizenActions ?? []);

const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: WEB_MODULES.flatMap((module) => module.routes),
  },
];

export const router = createBrowserRouter(routes);

/**
 * Loads the code of the page the address opens (see `lazyPage`); settles when it is in, or has
 * failed to load (the page then says so when it is shown).
 */
export async function preloadPages(location: Pick<Location, 'pathname'>): Promise<void> {
  const loads = (matchRoutes(routes, location.pathname) ?? []).map((match) => {
    const type: unknown = isValidElement(match.route.element) ? match.route.element.type : undefined;
    return typeof type === 'function' && 'preload' in type && typeof type.preload === 'function'
      ? (type as LazyPage).preload().catch(() => undefined)
      : undefined;
  });
  await Promise.all(loads);
}
