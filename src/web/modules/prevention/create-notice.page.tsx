import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { hasPermission, useSession } from '../../session';
import { NoticeForm } from './notice-form';
import { caseHref, useCreateNotice, useHousingDepartments } from './prevention.api';
import { noticeDepartmentOptions } from './prevention-format';

/** What the case page shows after a notice is registered (passed as router state). */
export interface NoticeCreatedState {
  noticeCreated: true;
  joinedCase: boolean;
  citizenCreated: boolean;
  citizenLinked: boolean;
}

export function isNoticeCreatedState(state: unknown): state is NoticeCreatedState {
  return typeof state === 'object' && state !== null && (state as NoticeCreatedState).noticeCreated === true;
}

/**
 * /udsaettelser/ny: the prevention officer registers a notice of rent arrears from a landlord or the
 * bailiff's court. It opens a case, or joins the open case of the same tenancy.
 */
export function CreateNoticePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Only users who may read the housing supply can choose a department (prevention officers may not).
  const canReadHousing = hasPermission(useSession().data?.user, 'housing.read');
  const departments = useHousingDepartments(canReadHousing);
  const create = useCreateNotice();

  const form = (
    <NoticeForm
      idPrefix="notice"
      departmentOptions={departments.data ? noticeDepartmentOptions(t, departments.data.items) : null}
      departmentRequired={false}
      departmentNote={t('evictionCases.create.noDepartments')}
      save={create}
      submitLabel={t('evictionCases.create.submit')}
      onSaved={(created) => {
        const state: NoticeCreatedState = {
          noticeCreated: true,
          joinedCase: created.joinedCase,
          citizenCreated: created.citizenCreated,
          citizenLinked: created.citizenId !== null,
        };
        void navigate(caseHref(created.caseId), { state });
      }}
    />
  );

  return (
    <Page title={t('evictionCases.create.title')}>
      <p className="font-lead">{t('evictionCases.create.intro')}</p>
      <p>
        <Link to="/udsaettelser">{t('evictionCases.backToInbox')}</Link>
      </p>
      <QueryState query={departments} spinner={canReadHousing} />
      {!canReadHousing || departments.data || departments.isError ? form : null}
    </Page>
  );
}
