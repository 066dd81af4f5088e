import { RequireAuth } from '../../components/require-auth';
import type { WebModule } from '../module';
import { AuditPage } from './audit.page';

/** The audit log: search and chain verification. */
export const auditModule: WebModule = {
  name: 'audit',
  routes: [
    {
      element: <RequireAuth permission="audit.read" />,
      children: [{ path: '/revision', element: <AuditPage /> }],
    },
  ],
  nav: [{ to: '/revision', labelKey: 'nav.audit', permission: 'audit.read' }],
};
