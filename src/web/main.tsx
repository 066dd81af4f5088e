import 'dkfds-dist/css/dkfds.min.css';
import './styles/app.css';
import './i18n/index';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, queryClient } from './app';
import { preloadPages } from './routes';
import { sessionQuery } from './session';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/** How long the first render waits for the page's code before it shows the spinner instead. */
const PRELOAD_WAIT_MS = 1000;

// The session check and the code of the page the address opens load side by side, and the app
// first renders with the page's code in, so the page fetches its data at once instead of suspending
// first (see `lazyPage`).
void queryClient.prefetchQuery(sessionQuery);
void Promise.race([
  preloadPages(window.location),
  new Promise((resolve) => setTimeout(resolve, PRELOAD_WAIT_MS)),
]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
