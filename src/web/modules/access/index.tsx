import { RequireAuth } from '../../components/require-auth';
import type { WebModule } from '../module';
import { LoginPage } from './login.page';
import { UsersPage } from './users.page';

/** Login and the administration of users. */
export const accessModule: WebModule = {
  name: 'access',
  routes: [
    { path: '/login', element: <LoginPage /> },
    {
      element: <RequireAuth permission="users.manage" />,
      children: [{ path: '/admin/brugere', element: <UsersPage /> }],
    },
  ],
  nav: [{ to: '/admin/brugere', labelKey: 'nav.users', permission: 'users.manage' }],
};
