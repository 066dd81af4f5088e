import { type ComponentType, lazy } from 'react';
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

/**
 * A page loaded when it is first shown, so the first page a user opens does not wait for every
 * module's code. The nearest `<Suspense>` (the page shell or a module's layout) shows the spinner.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
