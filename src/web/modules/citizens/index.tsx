import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const CitizenPage = lazyPage(() => import('./citizen.page'), 'CitizenPage');
const CitizensPage = lazyPage(() => import('./citizens.page'), 'CitizensPage');
const CreateCitizenPage = lazyPage(() => import('./create-citizen.page'), 'CreateCitizenPage');
const DuplicatesPage = lazyPage(() => import('./duplicates.page'), 'DuplicatesPage');
const ImportPage = lazyPage(() => import('./import.page'), 'ImportPage');

/** The by-name registry of citizens (issue 3). */
export const citizensModule: WebModule = {
  name: 'citizens',
  routes: [
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
  ],
  nav: [{ to: '/borgere', labelKey: 'nav.citizens', permission: 'citizens.read' }],
};

export { citizenName, readCpr } from './citizen-format';
// What other modules may use (they import this folder, never its files).
export { CITIZENS_KEY, type CitizenDetail, useCitizen } from './citizens.api';
