import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icon';
import { SideMenuLayout, type SideMenuPage, under } from '../../components/side-menu-layout';

/** The housing module's pages, in the order of the side menu. */
export const HOUSING_PAGES: SideMenuPage[] = [
  { to: '/boliger', labelKey: 'housing.nav.organisations', below: under('/boliger/afdelinger') },
  { to: '/boliger/aftaler', labelKey: 'housing.nav.agreements', below: under('/boliger/aftaler') },
  { to: '/boliger/forventet', labelKey: 'housing.nav.expected' },
  { to: '/boliger/rapport', labelKey: 'housing.nav.report' },
  { to: '/boliger/puljer', labelKey: 'housing.nav.pools' },
  { to: '/boliger/nybyggeri', labelKey: 'housing.nav.pipeline' },
  { to: '/boliger/aeldre', labelKey: 'housing.nav.elderly' },
  { to: '/boliger/import', labelKey: 'housing.nav.import', permission: 'housing.manage' },
];

/** Where the whole module can be downloaded as one workbook. */
export const EXPORT_HREF = '/api/housing/export.xlsx';

/**
 * The housing module's frame: its side menu, and the export of everything below it, beside the page.
 */
export function HousingLayout() {
  const { t } = useTranslation();
  return (
    <SideMenuLayout
      labelKey="housing.nav.label"
      pages={HOUSING_PAGES}
      aside={
        <p className="housing-export">
          <a href={EXPORT_HREF} download className="function-link">
            <Icon name="file-excel" />
            {t('housing.nav.export')}
          </a>
        </p>
      }
    />
  );
}
