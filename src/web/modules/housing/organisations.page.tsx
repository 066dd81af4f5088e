import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UNIT_TYPES } from '../../../shared/housing/supply';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { CheckboxField } from '../../components/checkbox-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { combineQueries, QueryState } from '../../components/query-state';
import { optionalText } from '../../components/read-field';
import { FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { errorMessage } from '../../i18n/errors';
import { formatPercent, formatWhole } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import {
  DepartmentFields,
  departmentFieldMap,
  departmentRange,
  emptyDepartment,
  readDepartment,
} from './department-form';
import {
  type AreaStatusEntry,
  type Department,
  type Organisation,
  useContacts,
  useCreateDepartment,
  useCreateOrganisation,
  useDepartments,
  useOrganisations,
  usePartnerUsers,
  useSetContacts,
  useUpdateOrganisation,
} from './housing.api';
import { AreaStatusText, departmentName, organisationOptions } from './housing-format';

/** The area status in force, since when, and the special letting rules that apply with it. */
function AreaStatusCell({ status }: { status: AreaStatusEntry | null }) {
  const { t } = useTranslation();
  if (!status) return <NoValue />;
  return (
    <>
      <AreaStatusText status={status.status} />
      <span className="d-block form-hint">
        {t('housing.department.since')} <DateText value={status.validFrom} />
      </span>
      {status.combinedLetting ? <span className="d-block">{t('housing.section51b.label')}</span> : null}
      {status.section51c ? <span className="d-block">{t('housing.section51c.label')}</span> : null}
    </>
  );
}

function DepartmentTable({
  organisation,
  departments,
}: {
  organisation: Organisation;
  departments: Department[];
}) {
  const { t } = useTranslation();
  if (departments.length === 0) return <p>{t('housing.organisations.noDepartments')}</p>;
  return (
    <TableScroll
      label={t('housing.organisations.caption', { name: organisation.name, count: departments.length })}
    >
      <table className="table table--zebra table--compact">
        <caption className="sr-only">
          {t('housing.organisations.caption', { name: organisation.name, count: departments.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('housing.department.numberShort')}</th>
            <th scope="col">{t('housing.department.name')}</th>
            {UNIT_TYPES.map((type) => (
              <th scope="col" className="align-text-right" key={type}>
                {t(`housing.unitTypesShort.${type}`)}
              </th>
            ))}
            <th scope="col" className="align-text-right">
              {t('housing.department.turnoverShort')}
            </th>
            <th scope="col">{t('housing.department.areaStatusToday')}</th>
          </tr>
        </thead>
        <tbody>
          {departments.map((department) => (
            <tr key={department.id}>
              <td>{department.number}</td>
              <th scope="row">
                <Link to={`/boliger/afdelinger/${encodeURIComponent(department.id)}`}>{department.name}</Link>
              </th>
              {UNIT_TYPES.map((type) => (
                <td className="align-text-right" key={type}>
                  {formatWhole(department.units[type])}
                </td>
              ))}
              <td className="align-text-right nowrap">{formatPercent(t, department.turnoverPercent)}</td>
              <td>
                <AreaStatusCell status={department.areaStatus} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** How much of the stock is under the parallel-society rules: parallel societies and conversion areas (the plan: 59 %). */
function StockSummary({ departments }: { departments: Department[] }) {
  const { t } = useTranslation();
  const unitsOf = (d: Department) => UNIT_TYPES.reduce((sum, type) => sum + d.units[type], 0);
  const total = departments.reduce((sum, d) => sum + unitsOf(d), 0);
  const listed = departments
    .filter((d) => d.areaStatus?.status === 'parallelsamfund' || d.areaStatus?.status === 'omdannelse')
    .reduce((sum, d) => sum + unitsOf(d), 0);
  if (total === 0) return null;
  return (
    <p>
      {t('housing.organisations.stock', {
        count: departments.length,
        units: formatWhole(total),
        share: formatPercent(t, Math.round((listed / total) * 1000) / 10),
      })}
    </p>
  );
}

const EMPTY_ORGANISATION = { name: '', address: '', contactEmail: '', contactPhone: '' };

/** Creates an organisation, or (with `organisation`) changes its name, address and contact details. */
function OrganisationForm({
  organisation,
  onCreated,
}: {
  organisation?: Organisation;
  onCreated?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation(organisation?.id ?? '');
  const save = organisation ? update : create;
  const initial = organisation
    ? {
        name: organisation.name,
        address: organisation.address ?? '',
        contactEmail: organisation.contactEmail ?? '',
        contactPhone: organisation.contactPhone ?? '',
      }
    : EMPTY_ORGANISATION;
  const [notice, setNotice] = useState<Notice | null>(null);
  const idPrefix = organisation ? `organisation-${organisation.id}` : 'organisation';
  const form = useForm({
    formKey: 'housingOrganisation',
    initial: initial,
    fields: {
      name: { id: `${idPrefix}-name`, label: t('housing.organisation.name') },
      address: { id: `${idPrefix}-address`, label: t('housing.organisation.address') },
      contactEmail: { id: `${idPrefix}-email`, label: t('housing.organisation.contactEmail') },
      contactPhone: { id: `${idPrefix}-phone`, label: t('housing.organisation.contactPhone') },
    },
  });
  const { values, setValues } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    const name = values.name.trim();
    if (name === '') problems.push({ path: 'name', code: 'required' });
    const contactEmail = optionalText(values.contactEmail);
    if (contactEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail))
      problems.push({ path: 'contactEmail', code: 'email' });
    if (problems.length > 0) {
      form.report({ fields: problems, error: null });
      return;
    }
    const input = {
      name,
      address: optionalText(values.address) ?? null,
      contactEmail: contactEmail ?? null,
      contactPhone: optionalText(values.contactPhone) ?? null,
    };
    const onError = (error: unknown) => form.reportError(error);
    if (organisation) {
      update.mutate(input, {
        onSuccess: () => {
          form.clear();
          setNotice({ kind: 'success', key: 'housing.organisation.updated', params: { name } });
        },
        onError,
      });
      return;
    }
    create.mutate(input, {
      onSuccess: (created) => {
        form.clear();
        setValues(EMPTY_ORGANISATION);
        setNotice({ kind: 'success', key: 'housing.organisation.created', params: { name } });
        onCreated?.(created.id);
      },
      onError,
    });
  };

  return (
    <FormDetails summary={t(organisation ? 'housing.organisation.edit' : 'housing.organisation.create')}>
      <NoticeArea notice={notice} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          {...form.field('name')}
          id={`${idPrefix}-name`}
          autoComplete="off"
          widthClass="input-width-l"
        />
        <TextField
          {...form.field('address')}
          id={`${idPrefix}-address`}
          autoComplete="off"
          widthClass="input-width-xl"
        />
        <TextField
          {...form.field('contactEmail')}
          id={`${idPrefix}-email`}
          type="email"
          autoComplete="off"
          widthClass="input-width-xl"
        />
        <TextField
          {...form.field('contactPhone')}
          id={`${idPrefix}-phone`}
          type="tel"
          autoComplete="off"
          widthClass="input-width-m"
        />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t(organisation ? 'housing.organisation.submitEdit' : 'housing.organisation.submit')}
          </button>
        </div>
        {save.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

function CreateDepartmentForm({
  organisations,
  preferredOrganisationId,
}: {
  organisations: Organisation[];
  preferredOrganisationId: string;
}) {
  const { t } = useTranslation();
  const create = useCreateDepartment();
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'housingDepartment',
    initial: () => ({ organisationId: '', ...emptyDepartment() }),
    fields: {
      organisationId: { id: 'department-organisation', label: t('housing.department.organisation') },
      ...departmentFieldMap(t, 'department'),
    },
    serverErrors: { DEPARTMENT_NUMBER_TAKEN: { path: 'number', code: 'taken' } },
    mapServerField: departmentRange,
  });
  const { values } = form;
  const [preferred, setPreferred] = useState(preferredOrganisationId);
  if (preferred !== preferredOrganisationId) {
    // A new organisation was just created: it is the likely home of the next department.
    setPreferred(preferredOrganisationId);
    form.set('organisationId', preferredOrganisationId);
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    const organisationId = values.organisationId;
    if (organisationId === '') problems.push({ path: 'organisationId', code: 'required' });
    const input = readDepartment(values, problems);
    if (form.failed(problems) || !input) return;
    create.mutate(
      { organisationId, ...input },
      {
        onSuccess: () => {
          form.clear();
          // The organisation stays chosen: the next department is likely another of its.
          form.setValues((v) => ({ ...emptyDepartment(), organisationId: v.organisationId }));
          setNotice({
            kind: 'success',
            key: 'housing.department.created',
            params: { name: departmentName(t, input) },
          });
        },
        onError: form.reportError,
      },
    );
  };

  return (
    <FormDetails summary={t('housing.department.create')}>
      <NoticeArea notice={notice} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('organisationId')}
          placeholder={t('housing.department.organisationPlaceholder')}
          options={organisationOptions(organisations)}
        />
        <DepartmentFields form={form} />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('housing.department.submit')}
          </button>
        </div>
        {create.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** Who acts for the organisation; a manager picks them among the municipality's partner users. */
function Contacts({ organisationId, canManage }: { organisationId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const contacts = useContacts(organisationId);
  const candidates = usePartnerUsers(canManage);
  const save = useSetContacts(organisationId);
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [saved, setSaved] = useState(false);
  const current = contacts.data?.items ?? [];
  const selected = chosen ?? new Set(current.map((c) => c.userId));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    save.mutate([...selected], { onSuccess: () => setSaved(true) });
  };
  return (
    <>
      <p>
        <strong>{t('housing.contacts.label')}</strong>{' '}
        {current.length
          ? current.map((c) => `${c.displayName} (${c.username})`).join(', ')
          : t('housing.contacts.none')}
      </p>
      {canManage ? (
        <FormDetails summary={t('housing.contacts.choose')}>
          {candidates.data && candidates.data.items.length === 0 ? (
            <p>{t('housing.contacts.noCandidates')}</p>
          ) : null}
          <form onSubmit={onSubmit} noValidate>
            <fieldset>
              <legend className="form-label">{t('housing.contacts.legend')}</legend>
              {(candidates.data?.items ?? []).map((u) => (
                <CheckboxField
                  key={u.userId}
                  id={`contact-${organisationId}-${u.userId}`}
                  label={`${u.displayName} (${u.username})`}
                  checked={selected.has(u.userId)}
                  onChange={(event) => {
                    const next = new Set(selected);
                    if (event.target.checked) next.add(u.userId);
                    else next.delete(u.userId);
                    setChosen(next);
                  }}
                />
              ))}
            </fieldset>
            <button type="submit" className="button button-secondary" disabled={save.isPending}>
              {t('housing.contacts.save')}
            </button>
            <div role="status">{saved ? <p>{t('housing.contacts.saved')}</p> : null}</div>
            {save.error ? (
              <Alert variant="error" live="alert">
                <p>{errorMessage(t, save.error)}</p>
              </Alert>
            ) : null}
          </form>
        </FormDetails>
      ) : null}
    </>
  );
}

/** /boliger: the housing organisations with their departments, unit counts and area status today. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const canManage = hasPermission(useSession().data?.user, 'housing.manage');
  const organisations = useOrganisations();
  const departments = useDepartments();
  const [createdId, setCreatedId] = useState('');

  const sorted = [...(organisations.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const byOrganisation = (id: string) =>
    (departments.data?.items ?? [])
      .filter((d) => d.organisationId === id)
      .sort((a, b) => a.number.localeCompare(b.number, 'da', { numeric: true }));

  return (
    <Page title={t('housing.organisations.title')}>
      <p className="font-lead">{t('housing.organisations.intro')}</p>
      <QueryState query={combineQueries({ organisations, departments })} />
      {organisations.data && departments.data ? (
        <>
          <StockSummary departments={departments.data.items} />
          {canManage ? (
            <Section id="housing-create" heading={t('housing.organisations.createHeading')}>
              <OrganisationForm onCreated={setCreatedId} />
              <CreateDepartmentForm
                organisations={organisations.data.items}
                preferredOrganisationId={createdId}
              />
            </Section>
          ) : null}
          {sorted.length === 0 ? (
            <Alert variant="info" heading={t('housing.organisations.emptyHeading')}>
              <p>{canManage ? t('housing.organisations.empty') : t('housing.organisations.emptyReadOnly')}</p>
            </Alert>
          ) : null}
          {sorted.map((organisation) => (
            <Section key={organisation.id} id={`organisation-${organisation.id}`} heading={organisation.name}>
              {organisation.address || organisation.contactEmail || organisation.contactPhone ? (
                <p>
                  {[organisation.address, organisation.contactEmail, organisation.contactPhone]
                    .filter((part): part is string => Boolean(part))
                    .join(' · ')}
                </p>
              ) : null}
              <Contacts organisationId={organisation.id} canManage={canManage} />
              {canManage ? <OrganisationForm organisation={organisation} /> : null}
              <DepartmentTable organisation={organisation} departments={byOrganisation(organisation.id)} />
            </Section>
          ))}
        </>
      ) : null}
    </Page>
  );
}
