import { SideMenuLayout, type SideMenuPage, under } from '../../components/side-menu-layout';

/** The support pages, in the order of the side menu. */
const SUPPORT_PAGES: SideMenuPage[] = [
  {
    to: '/stoette',
    labelKey: 'supportLayout.caseload',
    permission: 'support.read',
    below: under('/stoette/forloeb'),
  },
  { to: '/stoette/nyt', labelKey: 'supportLayout.create', permission: 'support.write' },
  { to: '/stoette/fidelitet', labelKey: 'supportLayout.fidelity', permission: 'support.reports' },
  { to: '/stoette/boligfastholdelse', labelKey: 'supportLayout.retention', permission: 'support.reports' },
  { to: '/stoette/metoder', labelKey: 'supportLayout.catalogue', permission: 'support.read' },
];

/** The support module's frame: its side menu beside the page, each link with its permission. */
export function SupportLayout() {
  return <SideMenuLayout labelKey="supportLayout.label" pages={SUPPORT_PAGES} />;
}
