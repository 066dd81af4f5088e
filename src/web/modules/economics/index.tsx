import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const EconomicsPage = lazyPage(() => import('./economics.page'), 'EconomicsPage');

/** Economics (issue 16 §7–8): costs, refunds and the reform's dilemma; the settings they rest on. */
export const economicsModule: WebModule = {
  name: 'economics',
  routes: [
    {
      element: <RequireAuth permission="economics.settings" />,
      children: [{ path: '/okonomi', element: <EconomicsPage /> }],
    },
  ],
  nav: [{ to: '/okonomi', labelKey: 'nav.economics', permission: 'economics.settings' }],
};

export { ECONOMICS_KEY } from './economics.api';
