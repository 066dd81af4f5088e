import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { TableScroll } from '../../components/table-scroll';
import { errorMessage } from '../../i18n/errors';
import { Section } from '../citizens/citizen-layout';
import { useElderly } from './housing.api';
import { departmentName, formatWhole } from './housing-format';

/**
 * /boliger/aeldre: the elderly and handicap stock. The plan asks that this list and the family
 * housing list are used together; the applicants come with the allocation module.
 */
export function ElderlyPage() {
  const { t } = useTranslation();
  const elderly = useElderly();
  const departments = [...(elderly.data?.departments ?? [])].sort(
    (a, b) =>
      a.organisationName.localeCompare(b.organisationName, 'da') ||
      a.number.localeCompare(b.number, 'da', { numeric: true }),
  );

  return (
    <Page title={t('housing.elderly.title')}>
      <p className="font-lead">{t('housing.elderly.intro')}</p>
      <Alert variant="info" heading={t('housing.elderly.applicantsHeading')}>
        <p>{t('housing.elderly.applicants')}</p>
      </Alert>
      {elderly.isPending ? <Loading /> : null}
      {elderly.isError ? (
        <Alert variant="error" live="alert">
          <p>{errorMessage(t, elderly.error)}</p>
        </Alert>
      ) : null}
      {elderly.data ? (
        <Section id="elderly-stock" heading={t('housing.elderly.stockHeading')}>
          <p>
            {t('housing.elderly.total', {
              count: elderly.data.totalElderly,
              units: formatWhole(elderly.data.totalElderly),
            })}
          </p>
          {departments.length === 0 ? (
            <p>{t('housing.elderly.none')}</p>
          ) : (
            <TableScroll label={t('housing.elderly.caption', { count: departments.length })}>
              <table className="table table--zebra table--compact">
                <caption className="sr-only">
                  {t('housing.elderly.caption', { count: departments.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('housing.department.organisation')}</th>
                    <th scope="col">{t('housing.agreement.department')}</th>
                    <th scope="col" className="align-text-right">
                      {t('housing.unitTypes.elderly')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {departments.map((department) => (
                    <tr key={department.departmentId}>
                      <td>{department.organisationName}</td>
                      <th scope="row">{departmentName(t, department)}</th>
                      <td className="align-text-right">{formatWhole(department.unitsElderly)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2}>
                      {t('housing.expected.total')}
                    </th>
                    <td className="align-text-right weight-semibold">
                      {formatWhole(elderly.data.totalElderly)}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          )}
        </Section>
      ) : null}
    </Page>
  );
}
