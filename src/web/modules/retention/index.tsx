import { RequireAuth } from '../../components/require-auth';
import type { WebModule } from '../module';
import { RegisterPage } from './register.page';
import { RetentionPage } from './retention.page';

/** Retention and deletion (GDPR art. 5(1)(e)) and the register of processing (art. 30). */
export const retentionModule: WebModule = {
  name: 'retention',
  routes: [
    {
      element: <RequireAuth permission="retention.manage" />,
      children: [{ path: '/admin/sletning', element: <RetentionPage /> }],
    },
    {
      element: <RequireAuth permission="retention.register" />,
      children: [{ path: '/fortegnelse', element: <RegisterPage /> }],
    },
  ],
  nav: [
    { to: '/admin/sletning', labelKey: 'nav.retention', permission: 'retention.manage' },
    { to: '/fortegnelse', labelKey: 'nav.register', permission: 'retention.register' },
  ],
};
