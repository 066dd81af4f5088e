import { createContext, useContext } from 'react';
import type { CitizenAction, NavEntry } from '../modules/module';

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

const CitizenActionsContext = createContext<readonly CitizenAction[]>([]);

/** Every web module's links on the citizen page, in the order of the module list (app.tsx). */
export const CitizenActionsProvider = CitizenActionsContext.Provider;

/** The citizen page's links into other modules (each still to be filtered by the user's permissions). */
export function useCitizenActions(): readonly CitizenAction[] {
  return useContext(CitizenActionsContext);
}
