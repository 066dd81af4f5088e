import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { useSession } from '../../session';

/**
 * /tilgaengelighed: the accessibility statement (tilgængelighedserklæring). Public, so it can be
 * read before signing in; signed-in users are pointed to their own municipality.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const authority = session?.user.municipality.authority;

  return (
    <Page title={t('accessibility.title')}>
      <p className="font-lead">{t('accessibility.intro')}</p>

      <h2>{t('accessibility.responsible.heading')}</h2>
      <p>
        {authority
          ? t('accessibility.responsible.textWithAuthority', { authority })
          : t('accessibility.responsible.text')}
      </p>

      <h2>{t('accessibility.status.heading')}</h2>
      <p>{t('accessibility.status.text')}</p>
      <p>{t('accessibility.status.testing')}</p>
      <ul>
        <li>{t('accessibility.status.measure1')}</li>
        <li>{t('accessibility.status.measure2')}</li>
        <li>{t('accessibility.status.measure3')}</li>
      </ul>

      <h2>{t('accessibility.known.heading')}</h2>
      <p>{t('accessibility.known.text')}</p>

      <h2>{t('accessibility.feedback.heading')}</h2>
      <p>
        {authority
          ? t('accessibility.feedback.textWithAuthority', { authority })
          : t('accessibility.feedback.text')}
      </p>

      <h2>{t('accessibility.complaint.heading')}</h2>
      <p>{t('accessibility.complaint.text')}</p>
      <p>{t('accessibility.complaint.how')}</p>
    </Page>
  );
}
