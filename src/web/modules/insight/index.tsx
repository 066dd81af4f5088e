import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const FlowPage = lazyPage(() => import('./flow.page'), 'FlowPage');

/** Insight for steering (issue 18): the monthly by-name flow (rule 35), figures only. */
export const insightModule: WebModule = {
  name: 'insight',
  routes: [
    {
      element: <RequireAuth permission="insight.flow" />,
      children: [{ path: '/indsigt/flow', element: <FlowPage /> }],
    },
  ],
  nav: [{ to: '/indsigt/flow', labelKey: 'nav.insightFlow', permission: 'insight.flow' }],
};

export { INSIGHT_KEY } from './insight.api';
