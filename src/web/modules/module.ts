import { type ComponentType, createElement, type FunctionComponent, lazy } from 'react';
import type { RouteObject } from 'react-router';

/** A main-menu entry, shown only to users holding its permission. */
export interface NavEntry {
  to: string;
  labelKey: string;
  permission: string;
  /** Hidden from users who hold this permission (they have a fuller entry). */
  unless?: string;
}

/**
 * A link another module puts on the citizen page (`/borgere/:id`), shown only to users holding its
 * permission: the citizens module lists them without knowing the modules behind them.
 */
export interface CitizenAction {
  labelKey: string;
  permission: string;
  /** The page the link opens, for the citizen shown. */
  to: (citizenId: string) => string;
}

/**
 * What a web module adds to the app: its pages (route objects under the app layout, each behind its
 * `RequireAuth` guard) and its main-menu entries (in menu order). The list of modules is
 * src/web/modules/index.ts; routes.tsx and the header assemble from it. The module's texts sit beside
 * it, in src/web/modules/<name>/i18n/<name>.da.json and .en.json (src/web/i18n/catalogue.ts merges them).
 */
export interface WebModule {
  name: string;
  routes: RouteObject[];
  nav?: NavEntry[];
  /** Links on the citizen page into this module (a recommendation, an enrollment, the plan). */
  citizenActions?: CitizenAction[];
}

/** A page whose code loads when it is first shown, or earlier with `preload()`. */
export type LazyPage = FunctionComponent & {
  /** Starts loading the page's code; once it is in, the page renders without waiting. */
  preload: () => Promise<unknown>;
};

/**
 * A page loaded when it is first shown, so the first page a user opens does not wait for every
 * module's code. While the code is on its way, the nearest `<Suspense>` (the page shell or a
 * module's layout) shows the spinner.
 *
 * Once the code is in (`preload()`, see `preloadPages` in routes.tsx), the page renders directly,
 * without suspending: React holds back what a suspended boundary reveals for up to 300 ms after its
 * spinner appeared, so a page opened by its address started fetching its data about 0.3 s late.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  let loaded: ComponentType | undefined;
  const preload = () =>
    load().then((module) => {
      loaded = module[name];
      return { default: loaded };
    });
  // The lazy component only ever suspends: by the time it has resolved, `loaded` is set and the
  // page renders directly, so it is never swapped for another component while shown.
  const Lazy = lazy(preload);
  const page = () => createElement(loaded ?? Lazy);
  return Object.assign(page, { preload });
}
