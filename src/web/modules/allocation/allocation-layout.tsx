import { SideMenuLayout, type SideMenuPage, under } from '../../components/side-menu-layout';

/** The allocation module's pages, in the order of the side menu. */
export const ALLOCATION_PAGES: SideMenuPage[] = [
  {
    to: '/anvisning',
    labelKey: 'allocationLayout.applications',
    below: under('/anvisning/ansoegninger', '/anvisning/ny'),
    permission: 'allocation.read',
  },
  {
    to: '/anvisning/venteliste',
    labelKey: 'allocationLayout.waitingList',
    // Leaders and economy see the waiting-list figures (allocation.reports), not the names.
    permission: ['allocation.read', 'allocation.reports'],
  },
  {
    to: '/anvisning/boliger',
    labelKey: 'allocationLayout.vacancies',
    below: under('/anvisning/boliger'),
    permission: 'allocation.read',
  },
  { to: '/anvisning/optaelling', labelKey: 'allocationLayout.census', permission: 'allocation.manage' },
  { to: '/anvisning/indstillinger', labelKey: 'allocationLayout.settings', permission: 'allocation.read' },
];

/**
 * The allocation module's frame: its side menu beside the page. Each link shows only with its
 * permission.
 */
export function AllocationLayout() {
  return (
    <SideMenuLayout
      labelKey="allocationLayout.label"
      pages={ALLOCATION_PAGES}
      className="allocation-layout"
    />
  );
}
