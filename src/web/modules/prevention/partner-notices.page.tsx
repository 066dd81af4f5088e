import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { DateText } from '../../components/date-text';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { usePartnerDepartments } from '../allocation';
import { NoticeForm } from './notice-form';
import { type NoticeDepartment, usePartnerNotices, useReportNotice } from './prevention.api';
import { arrearsText, ChildrenBadge, noticeDepartmentOptions } from './prevention-format';

function ReportSection({ departments }: { departments: NoticeDepartment[] }) {
  const { t } = useTranslation();
  const report = useReportNotice();
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <Section id="partner-notice-report" heading={t('partnerNotices.report.heading')}>
      <p>{t('partnerNotices.report.intro')}</p>
      <NoticeArea notice={notice} />
      <NoticeForm
        idPrefix="partner-notice"
        fixedSource="public_landlord"
        departmentOptions={noticeDepartmentOptions(t, departments)}
        departmentRequired
        save={report}
        submitLabel={t('partnerNotices.report.submit')}
        onSaved={(_created, input, reset) => {
          reset();
          setNotice({
            kind: 'success',
            key: 'partnerNotices.report.done',
            params: { name: input.tenantName, address: input.address },
          });
        }}
      />
    </Section>
  );
}

function NoticesSection() {
  const { t } = useTranslation();
  const notices = usePartnerNotices();
  const items = notices.data?.items;
  const caption = t('partnerNotices.list.caption', { count: items?.length ?? 0 });
  return (
    <Section id="partner-notice-list" heading={t('partnerNotices.list.heading')}>
      <p>{t('partnerNotices.list.intro')}</p>
      <QueryState query={notices} headingLevel={3} />
      {items && items.length === 0 ? <p>{t('partnerNotices.list.empty')}</p> : null}
      {items && items.length > 0 ? (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('partnerNotices.list.tenant')}</th>
                <th scope="col">{t('partnerNotices.list.address')}</th>
                <th scope="col">{t('partnerNotices.list.department')}</th>
                <th scope="col">{t('partnerNotices.list.receivedOn')}</th>
                <th scope="col" className="align-text-right">
                  {t('partnerNotices.list.arrears')}
                </th>
                <th scope="col">{t('partnerNotices.list.step')}</th>
                <th scope="col">{t('partnerNotices.list.children')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.tenantName}</th>
                  <td>{item.address}</td>
                  <td>{item.departmentName}</td>
                  <td>
                    <DateText value={item.receivedOn} />
                  </td>
                  <td className="align-text-right nowrap">{arrearsText(t, item.arrearsAmount)}</td>
                  <td>{t(`prevention.steps.${item.step}`)}</td>
                  <td>{item.childrenUnder18 ? <ChildrenBadge /> : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </Section>
  );
}

/**
 * /partner/underretninger: a housing organisation notifies the municipality of rent arrears in its
 * own departments (a public landlord must), and sees the notices it has sent.
 */
export function PartnerNoticesPage() {
  const { t } = useTranslation();
  const departments = usePartnerDepartments();
  return (
    <Page title={t('partnerNotices.title')}>
      <p className="font-lead">{t('partnerNotices.intro')}</p>
      <QueryState
        query={departments}
        empty={
          <Alert variant="info" heading={t('partnerNotices.notLinkedHeading')}>
            <p>{t('partnerNotices.notLinked')}</p>
          </Alert>
        }
      >
        {(data) => (
          <>
            <ReportSection departments={data.items} />
            <NoticesSection />
          </>
        )}
      </QueryState>
    </Page>
  );
}
