import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/app-layout';
import { LoginPage } from './modules/access/login.page';
import { RequireAuth } from './modules/access/require-auth';
import { UsersPage } from './modules/access/users.page';
import { AuditPage } from './modules/audit/audit.page';
import { CitizenPage } from './modules/citizens/citizen.page';
import { CitizensPage } from './modules/citizens/citizens.page';
import { CreateCitizenPage } from './modules/citizens/create-citizen.page';
import { DuplicatesPage } from './modules/citizens/duplicates.page';
import { ImportPage } from './modules/citizens/import.page';
import { SettingsPage } from './modules/settings/settings.page';
import { AccessibilityPage } from './modules/site/accessibility.page';
import { NotFoundPage } from './modules/site/not-found.page';
import { HomePage } from './modules/tasks/tasks.page';

/** Every page of the app; paths are Danish, as users see them. */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/tilgaengelighed', element: <AccessibilityPage /> },
      {
        element: <RequireAuth />,
        children: [{ index: true, element: <HomePage /> }],
      },
      {
        element: <RequireAuth permission="users.manage" />,
        children: [{ path: '/admin/brugere', element: <UsersPage /> }],
      },
      {
        element: <RequireAuth permission="settings.manage" />,
        children: [{ path: '/admin/indstillinger', element: <SettingsPage /> }],
      },
      {
        element: <RequireAuth permission="citizens.read" />,
        children: [
          { path: '/borgere', element: <CitizensPage /> },
          { path: '/borgere/:id', element: <CitizenPage /> },
        ],
      },
      {
        element: <RequireAuth permission="citizens.write" />,
        children: [{ path: '/borgere/ny', element: <CreateCitizenPage /> }],
      },
      {
        element: <RequireAuth permission="citizens.import" />,
        children: [{ path: '/borgere/import', element: <ImportPage /> }],
      },
      {
        element: <RequireAuth permission="citizens.merge" />,
        children: [{ path: '/borgere/dubletter', element: <DuplicatesPage /> }],
      },
      {
        element: <RequireAuth permission="audit.read" />,
        children: [{ path: '/revision', element: <AuditPage /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
