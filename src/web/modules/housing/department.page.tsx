import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { UNIT_TYPES } from '../../../shared/housing/supply';
import { ApiError, type FieldError } from '../../api';
import { CheckboxField } from '../../components/checkbox-field';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { readDate } from '../../components/read-field';
import { type Fact, Facts, FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { useForm } from '../../components/use-form';
import { formatPercent, formatWhole, isoToDanishDate } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import {
  DepartmentFields,
  departmentFieldMap,
  departmentRange,
  departmentValues,
  readDepartment,
} from './department-form';
import {
  type AreaStatus,
  type DepartmentDetail,
  useAddAreaStatus,
  useDepartment,
  useUpdateDepartment,
} from './housing.api';
import { AreaStatusText, areaStatusOptions, departmentName } from './housing-format';

function FactsSection({ department }: { department: DepartmentDetail }) {
  const { t } = useTranslation();
  const status = department.areaStatus;
  const items: Fact[] = [
    { label: t('housing.department.organisation'), value: department.organisationName },
    { label: t('housing.department.number'), value: department.number },
    { label: t('housing.department.name'), value: department.name },
    { label: t('housing.department.address'), value: department.address ?? <NoValue /> },
    ...UNIT_TYPES.map((type) => ({
      label: t(`housing.department.units.${type}`),
      value: formatWhole(department.units[type]),
    })),
    { label: t('housing.department.turnoverPercent'), value: formatPercent(t, department.turnoverPercent) },
    {
      label: t('housing.department.areaStatusToday'),
      value: status ? (
        <>
          <AreaStatusText status={status.status} /> ({t('housing.department.since')}{' '}
          <DateText value={status.validFrom} />)
        </>
      ) : (
        t('housing.department.noAreaStatus')
      ),
    },
  ];
  return (
    <Section id="department-facts" heading={t('housing.department.factsHeading')}>
      <Facts items={items} label={t('housing.department.factsHeading')} />
    </Section>
  );
}

const EMPTY_STATUS = { status: '', validFrom: '', combinedLetting: false, section51c: false };

function AddAreaStatusForm({ department }: { department: DepartmentDetail }) {
  const { t } = useTranslation();
  const add = useAddAreaStatus(department.id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'housingAreaStatus',
    initial: EMPTY_STATUS,
    serverErrors: { AREA_STATUS_DATE_TAKEN: { path: 'validFrom', code: 'taken' } },
    fields: {
      status: { id: 'area-status', label: t('housing.areaStatus.status') },
      validFrom: { id: 'area-status-from', label: t('housing.areaStatus.validFrom') },
      combinedLetting: { id: 'area-status-51b', label: t('housing.section51b.label') },
      section51c: { id: 'area-status-51c', label: t('housing.section51c.label') },
    },
  });
  const { values } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    if (values.status === '') problems.push({ path: 'status', code: 'required' });
    const validFrom = readDate(values.validFrom, 'validFrom', problems, true);
    if (form.failed(problems) || validFrom === undefined) return;
    const status = values.status as AreaStatus;
    add.mutate(
      { status, validFrom, combinedLetting: values.combinedLetting, section51c: values.section51c },
      {
        onSuccess: () => {
          form.clear();
          form.reset();
          setNotice({
            kind: 'success',
            key: 'housing.areaStatus.saved',
            params: { status: t(`housing.areaStatuses.${status}`), date: isoToDanishDate(validFrom) },
          });
        },
        onError: (error) => {
          form.reportError(error);
        },
      },
    );
  };

  return (
    <FormDetails summary={t('housing.areaStatus.add')}>
      <NoticeArea notice={notice} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('status')}
          placeholder={t('housing.areaStatus.statusPlaceholder')}
          options={areaStatusOptions(t)}
        />
        <DateField {...form.field('validFrom')} hint={t('housing.areaStatus.validFromHint')} />
        <fieldset className="form-group">
          <legend className="form-label">{t('housing.areaStatus.rules')}</legend>
          <CheckboxField {...form.checkbox('combinedLetting')} hint={t('housing.section51b.hint')} />
          <CheckboxField {...form.checkbox('section51c')} hint={t('housing.section51c.hint')} />
        </fieldset>
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('housing.areaStatus.submit')}
          </button>
        </div>
        {add.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

function AreaHistorySection({ department, canManage }: { department: DepartmentDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const history = department.areaHistory;
  const current = department.areaStatus;
  return (
    <Section id="department-area-status" heading={t('housing.areaStatus.heading')}>
      <p>{t('housing.areaStatus.intro')}</p>
      {history.length === 0 ? (
        <p>{t('housing.areaStatus.none')}</p>
      ) : (
        <TableScroll label={t('housing.areaStatus.caption', { count: history.length })}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">
              {t('housing.areaStatus.caption', { count: history.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('housing.areaStatus.validFrom')}</th>
                <th scope="col">{t('housing.areaStatus.status')}</th>
                <th scope="col">{t('housing.section51b.label')}</th>
                <th scope="col">{t('housing.section51c.label')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry) => {
                const inForce =
                  current !== null &&
                  current.validFrom === entry.validFrom &&
                  current.status === entry.status;
                return (
                  <tr key={entry.id}>
                    <td>
                      <DateText value={entry.validFrom} />
                    </td>
                    <th scope="row">
                      <AreaStatusText status={entry.status} />
                      {inForce ? (
                        <span className="d-block">
                          <span className="badge badge-info">{t('housing.areaStatus.inForce')}</span>
                        </span>
                      ) : null}
                    </th>
                    <td>{entry.combinedLetting ? t('common.yes') : t('common.no')}</td>
                    <td>{entry.section51c ? t('common.yes') : t('common.no')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canManage ? <AddAreaStatusForm department={department} /> : null}
    </Section>
  );
}

function EditDepartmentForm({ department }: { department: DepartmentDetail }) {
  const { t } = useTranslation();
  const update = useUpdateDepartment(department.id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'housingDepartment',
    initial: () => departmentValues(department),
    fields: departmentFieldMap(t, 'edit-department'),
    serverErrors: { DEPARTMENT_NUMBER_TAKEN: { path: 'number', code: 'taken' } },
    mapServerField: departmentRange,
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    const input = readDepartment(form.values, problems);
    if (form.failed(problems) || !input) return;
    update.mutate(input, {
      onSuccess: () => {
        form.clear();
        setNotice({ kind: 'success', key: 'housing.department.saved' });
      },
      onError: form.reportError,
    });
  };

  return (
    <Section id="department-edit" heading={t('housing.department.editHeading')}>
      <FormDetails summary={t('housing.department.edit')}>
        <NoticeArea notice={notice} />
        {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
        <form onSubmit={onSubmit} noValidate>
          <DepartmentFields form={form} />
          <div className="mt-5">
            <button type="submit" className="button button-primary">
              {t('housing.department.save')}
            </button>
          </div>
          {update.isPending ? <Loading text={t('common.saving')} /> : null}
        </form>
      </FormDetails>
    </Section>
  );
}

/** /boliger/afdelinger/:id: one department, its area status over time and (for managers) its forms. */
export function DepartmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const canManage = hasPermission(useSession().data?.user, 'housing.manage');
  const department = useDepartment(id);
  const data = department.data;
  const notFound = department.error instanceof ApiError && department.error.status === 404;
  const title = data
    ? departmentName(t, data)
    : notFound
      ? t('housing.department.notFound')
      : t('housing.department.loadingTitle');

  return (
    <Page title={title}>
      <p>
        <Link to="/boliger">{t('housing.department.backToList')}</Link>
      </p>
      <QueryState query={department} />
      {data ? (
        <>
          <FactsSection department={data} />
          <AreaHistorySection department={data} canManage={canManage} />
          {canManage ? <EditDepartmentForm key={data.id} department={data} /> : null}
        </>
      ) : null}
    </Page>
  );
}
