import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError, configureApi } from './api';
import { CitizenActionsProvider, NavigationProvider } from './components/navigation';
import { citizenActions, navigation, router } from './routes';
import { clearUserData, SESSION_KEY, type Session } from './session';

/** Retry only what may succeed on a second try: network trouble and server errors, twice. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** The app's one query cache. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

configureApi({
  getCsrfToken: () => queryClient.getQueryData<Session | null>(SESSION_KEY)?.csrfToken ?? null,
  onUnauthorized: () => {
    // The session has ended: without a session the guards send the user to /login,
    // remembering the page. Other users' data must not outlive it.
    queryClient.setQueryData(SESSION_KEY, null);
    setTimeout(() => clearUserData(queryClient), 0);
  },
});

/** The root component: query cache and router. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <NavigationProvider value={navigation}>
        <CitizenActionsProvider value={citizenActions}>
          <RouterProvider router={router} />
        </CitizenActionsProvider>
      </NavigationProvider>
    </QueryClientProvider>
  );
}
