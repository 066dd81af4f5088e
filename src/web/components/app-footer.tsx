import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../session';

/** The DKFDS footer: responsible authority, accessibility statement and cookie information. */
export function AppFooter() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const authority = session?.user.municipality.authority ?? t('app.name');
  return (
    <footer>
      <div className="footer">
        <div className="container">
          <ul className="align-text-left unstyled-list inline-list">
            <li>
              <span className="weight-semibold">{t('footer.authority')}</span> {authority}
            </li>
            <li>
              <Link to="/tilgaengelighed" className="function-link">
                {t('footer.accessibility')}
              </Link>
            </li>
            <li>{t('footer.cookies')}</li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
