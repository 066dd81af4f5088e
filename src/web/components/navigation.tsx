import { createContext, useContext } from 'react';
import type { NavEntry } from '../modules/module';

const NavigationContext = createContext<readonly NavEntry[]>([]);

/**
 * The main menu's entries: every web module's, in the order of the module list. The app provides
 * them (app.tsx, from src/web/modules/index.ts), so the shell and the pages that point into the menu
 * read them without importing the module list, and no module depends on the shell that lists it.
 */
export const NavigationProvider = NavigationContext.Provider;

/** The main menu's entries, in menu order (each still to be filtered by the user's permissions). */
export function useNavigation(): readonly NavEntry[] {
  return useContext(NavigationContext);
}
