import { SideMenuLayout, type SideMenuPage } from '../../components/side-menu-layout';

/** The module's own pages; any other path under /udsaettelser/ is a case, which belongs to the inbox. */
const OWN_PATHS = [
  '/udsaettelser/ny',
  '/udsaettelser/import',
  '/udsaettelser/overvaagning',
  '/udsaettelser/indstillinger',
];

/** The eviction-prevention pages, in the order of the side menu. */
export const PREVENTION_PAGES: SideMenuPage[] = [
  {
    to: '/udsaettelser',
    labelKey: 'preventionLayout.inbox',
    below: (pathname) => pathname.startsWith('/udsaettelser/') && !OWN_PATHS.includes(pathname),
    permission: 'prevention.read',
  },
  { to: '/udsaettelser/ny', labelKey: 'preventionLayout.create', permission: 'prevention.manage' },
  { to: '/udsaettelser/import', labelKey: 'preventionLayout.import', permission: 'prevention.manage' },
  {
    to: '/udsaettelser/overvaagning',
    labelKey: 'preventionLayout.monitoring',
    permission: 'prevention.reports',
  },
  { to: '/udsaettelser/indstillinger', labelKey: 'preventionLayout.settings', permission: 'prevention.read' },
];

/**
 * The eviction-prevention module's frame: its side menu beside the page. Each link shows only with
 * its permission; a leader who may only read the monitoring sees that one.
 */
export function PreventionLayout() {
  return (
    <SideMenuLayout
      labelKey="preventionLayout.label"
      pages={PREVENTION_PAGES}
      className="prevention-layout"
    />
  );
}
