import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/alert';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useDepartments } from '../housing';
import { useAllocationSettings, useCreateVacancy } from './vacancies.api';
import { departmentOptions, VacancyForm } from './vacancy-form';

/** What the vacancy page shows after a registration (passed as router state). */
export interface VacancyCreatedState {
  created: true;
  address: string;
}

/** /anvisning/boliger/ny: the allocation officer registers a vacant unit the municipality may fill. */
export function CreateVacancyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const departments = useDepartments();
  const settings = useAllocationSettings();
  const create = useCreateVacancy();

  return (
    <Page title={t('vacancies.create.title')}>
      <p className="font-lead">{t('vacancies.create.intro')}</p>
      <p>
        <Link to="/anvisning/boliger">{t('vacancies.backToList')}</Link>
      </p>
      <QueryState
        query={departments}
        empty={
          <Alert variant="info" heading={t('vacancies.create.noDepartmentsHeading')}>
            <p>{t('vacancies.create.noDepartments')}</p>
          </Alert>
        }
      >
        {(data) => (
          <VacancyForm
            idPrefix="vacancy"
            departmentOptions={departmentOptions(t, data.items)}
            deadlineDays={settings.data?.nameDeadlineDays ?? null}
            save={create}
            submitLabel={t('vacancies.create.submit')}
            onSaved={(id, input) => {
              const state: VacancyCreatedState = { created: true, address: input.address };
              void navigate(`/anvisning/boliger/${encodeURIComponent(id)}`, { state });
            }}
          />
        )}
      </QueryState>
    </Page>
  );
}
