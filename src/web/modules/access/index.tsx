import { RequireAuth } from '../../components/require-auth';
import type { WebModule } from '../module';
import { LoginPage } from './login.page';
import { SecondFactorPage } from './second-factor.page';
import { UsersPage } from './users.page';

/** Login, the user's second factor and the administration of users. */
export const accessModule: WebModule = {
  name: 'access',
  routes: [
    { path: '/login', element: <LoginPage /> },
    { element: <RequireAuth />, children: [{ path: '/konto/totrin', element: <SecondFactorPage /> }] },
    {
      element: <RequireAuth permission="users.manage" />,
      children: [{ path: '/admin/brugere', element: <UsersPage /> }],
    },
  ],
  nav: [{ to: '/admin/brugere', labelKey: 'nav.users', permission: 'users.manage' }],
};

export { useSaveSecondFactorRoles, useSecondFactorRoles } from './second-factor.api';
export { useRoles } from './users.api';
