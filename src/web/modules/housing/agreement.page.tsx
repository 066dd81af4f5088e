import type { TFunction } from 'i18next';
import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DEFAULT_QUOTA_PERCENT, expectedPerYear, UNIT_TYPES } from '../../../shared/housing/supply';
import { ApiError, type FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import type { FieldMap } from '../../components/form-problems';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { mapFieldErrors, RANGE_CODE, readDate, readNumber } from '../../components/read-field';
import { type Fact, Facts, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { errorMessage, fieldErrorMessage } from '../../i18n/errors';
import { formatExpected, formatInput, formatPercent, isoToDanishDate, parseNumber } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import {
  type Agreement,
  type AgreementInput,
  type Department,
  type Organisation,
  type Quota,
  type UnitType,
  useAgreements,
  useDepartments,
  useOrganisations,
  useSaveAgreement,
} from './housing.api';
import { departmentName, organisationOptions } from './housing-format';

/** What the agreements list shows after a save (router state). */
export interface AgreementSavedState {
  savedAgreement: string;
}

/** One department's row of the quota table, as typed. */
interface QuotaRow {
  included: boolean;
  quota: Record<UnitType, string>;
  rehousing: string;
}

function defaultRow(): QuotaRow {
  return {
    included: true,
    quota: {
      family: formatInput(DEFAULT_QUOTA_PERCENT.family),
      youth: formatInput(DEFAULT_QUOTA_PERCENT.youth),
      elderly: formatInput(DEFAULT_QUOTA_PERCENT.elderly),
      alternative: formatInput(DEFAULT_QUOTA_PERCENT.alternative),
    },
    rehousing: '0',
  };
}

/** The rows of a saved agreement: its departments included with their quotas, the others left out. */
function rowsOf(agreement: Agreement): Record<string, QuotaRow> {
  const rows: Record<string, QuotaRow> = {};
  for (const quota of agreement.quotas) {
    // A unit type without a line in a saved agreement has no quota: 0, not the default.
    const row = rows[quota.departmentId] ?? {
      included: true,
      quota: { family: '0', youth: '0', elderly: '0', alternative: '0' },
      rehousing: '0',
    };
    row.quota[quota.unitType] = formatInput(quota.quotaPercent);
    rows[quota.departmentId] = row;
  }
  for (const [departmentId, row] of Object.entries(rows)) {
    // The form has one rehousing share per department; the highest, should the unit types differ.
    row.rehousing = formatInput(rehousingOf(agreement, departmentId));
  }
  return rows;
}

/** A department's rehousing share in an agreement (the same on each of its unit types when saved here). */
function rehousingOf(agreement: Agreement, departmentId: string): number {
  return Math.max(
    0,
    ...agreement.quotas.filter((q) => q.departmentId === departmentId).map((q) => q.rehousingPercent),
  );
}

const quotaPath = (departmentId: string, type: UnitType) => `quota.${departmentId}.${type}`;
const rehousingPath = (departmentId: string) => `rehousing.${departmentId}`;
const quotaId = (departmentId: string, type: UnitType) => `quota-${departmentId}-${type}`;
const rehousingId = (departmentId: string) => `rehousing-${departmentId}`;
const includedId = (departmentId: string) => `included-${departmentId}`;

function quotaLabel(t: TFunction, department: Department, type: UnitType): string {
  return t('housing.agreement.quotaLabel', {
    type: t(`housing.unitTypesLower.${type}`),
    number: department.number,
    name: department.name,
  });
}

function rehousingLabel(t: TFunction, department: Department): string {
  return t('housing.agreement.rehousingLabel', { number: department.number, name: department.name });
}

function agreementFieldMap(t: TFunction, departments: Department[], organisationFixed: boolean): FieldMap {
  const first = departments[0];
  const map: FieldMap = {
    organisationId: { id: 'agreement-organisation', label: t('housing.agreement.organisation') },
    name: { id: 'agreement-name', label: t('housing.agreement.name') },
    validFrom: { id: 'agreement-from', label: t('housing.agreement.validFrom') },
    validTo: { id: 'agreement-to', label: t('housing.agreement.validTo') },
    quotas: {
      id: first ? includedId(first.id) : organisationFixed ? 'agreement-name' : 'agreement-organisation',
      label: t('housing.agreement.quotasHeading'),
    },
  };
  for (const department of departments) {
    for (const type of UNIT_TYPES) {
      map[quotaPath(department.id, type)] = {
        id: quotaId(department.id, type),
        label: quotaLabel(t, department, type),
      };
    }
    map[rehousingPath(department.id)] = {
      id: rehousingId(department.id),
      label: rehousingLabel(t, department),
    };
  }
  return map;
}

/** Expected units a year from a row as typed (nothing for a share that is no number yet). */
function rowExpected(department: Department, row: QuotaRow): number {
  return UNIT_TYPES.reduce((sum, type) => {
    const quota = parseNumber(row.quota[type]);
    return quota === null
      ? sum
      : sum + expectedPerYear(department.units[type], department.turnoverPercent, quota);
  }, 0);
}

function QuotaTable({
  departments,
  rowFor,
  onRow,
  cellMessage,
}: {
  departments: Department[];
  rowFor: (departmentId: string) => QuotaRow;
  onRow: (departmentId: string, row: QuotaRow) => void;
  /** A cell's message, short: the input's name already says which department and unit type. */
  cellMessage: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  /** One share cell of a department's row: its id, label, value, change and message. */
  const share = (department: Department, column: UnitType | 'rehousing') => {
    const row = rowFor(department.id);
    if (column === 'rehousing')
      return {
        id: rehousingId(department.id),
        label: rehousingLabel(t, department),
        value: row.rehousing,
        onChange: (event: ChangeEvent<HTMLInputElement>) =>
          onRow(department.id, { ...row, rehousing: event.target.value }),
        error: cellMessage(rehousingPath(department.id)),
      };
    return {
      id: quotaId(department.id, column),
      label: quotaLabel(t, department, column),
      value: row.quota[column],
      onChange: (event: ChangeEvent<HTMLInputElement>) =>
        onRow(department.id, { ...row, quota: { ...row.quota, [column]: event.target.value } }),
      error: cellMessage(quotaPath(department.id, column)),
    };
  };
  return (
    <TableScroll label={t('housing.agreement.quotasCaption')}>
      <table className="table table--compact quota-table">
        <caption className="sr-only">{t('housing.agreement.quotasCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('housing.agreement.department')}</th>
            <th scope="col">{t('housing.agreement.included')}</th>
            {UNIT_TYPES.map((type) => (
              <th scope="col" key={type}>
                {t('housing.agreement.quotaColumn', { type: t(`housing.unitTypesShort.${type}`) })}
              </th>
            ))}
            <th scope="col">{t('housing.agreement.rehousingColumn')}</th>
            <th scope="col" className="align-text-right">
              {t('housing.agreement.expectedColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {departments.map((department) => {
            const row = rowFor(department.id);
            const name = departmentName(t, department);
            return (
              <tr key={department.id}>
                <th scope="row">
                  {name}
                  <span className="d-block form-hint">
                    {t('housing.agreement.departmentHint', {
                      turnover: formatPercent(t, department.turnoverPercent),
                    })}
                  </span>
                </th>
                <td>
                  <div className="form-group-checkbox">
                    <input
                      type="checkbox"
                      className="form-checkbox"
                      id={includedId(department.id)}
                      checked={row.included}
                      onChange={(event) => onRow(department.id, { ...row, included: event.target.checked })}
                    />
                    <label htmlFor={includedId(department.id)}>
                      <span className="sr-only">{t('housing.agreement.includedLabel', { name })}</span>
                    </label>
                  </div>
                </td>
                {UNIT_TYPES.map((type) => (
                  <td key={type}>
                    <TextField
                      {...share(department, type)}
                      labelHidden
                      inputMode="decimal"
                      autoComplete="off"
                      disabled={!row.included}
                      widthClass="input-width-xxs"
                    />
                  </td>
                ))}
                <td>
                  <TextField
                    {...share(department, 'rehousing')}
                    labelHidden
                    inputMode="decimal"
                    autoComplete="off"
                    disabled={!row.included}
                    widthClass="input-width-xxs"
                  />
                </td>
                <td className="align-text-right">
                  {row.included ? formatExpected(rowExpected(department, row)) : <NoValue />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

interface AgreementFormProps {
  organisations: Organisation[];
  departments: Department[];
  /** The agreement being edited; null for a new one. */
  agreement: Agreement | null;
}

function AgreementForm({ organisations, departments, agreement }: AgreementFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveAgreement(agreement?.id ?? null);
  const departmentsOf = (organisationId: string) =>
    departments
      .filter((d) => d.organisationId === organisationId)
      .sort((a, b) => a.number.localeCompare(b.number, 'da', { numeric: true }));
  const form = useForm({
    formKey: 'housingAgreement',
    initial: () => ({
      organisationId: agreement?.organisationId ?? '',
      name: agreement?.name ?? '',
      validFrom: agreement ? isoToDanishDate(agreement.validFrom) : '',
      validTo: agreement?.validTo ? isoToDanishDate(agreement.validTo) : '',
    }),
    fields: (v) => agreementFieldMap(t, departmentsOf(v.organisationId), agreement !== null),
  });
  const { values } = form;
  const [rows, setRows] = useState<Record<string, QuotaRow>>(() => (agreement ? rowsOf(agreement) : {}));
  // Which department and unit type each line of the last request was: the server names them by index.
  const sent = useRef<{ departmentId: string; unitType: UnitType }[]>([]);

  const ownDepartments = departmentsOf(values.organisationId);
  // A department of a saved agreement that is not in it starts unticked; a new agreement takes all.
  const rowFor = (id: string) =>
    rows[id] ?? (agreement ? { ...defaultRow(), included: false } : defaultRow());

  const read = (): { input: AgreementInput | undefined; problems: FieldError[] } => {
    const problems: FieldError[] = [];
    if (values.organisationId === '') problems.push({ path: 'organisationId', code: 'required' });
    const name = values.name.trim();
    if (name === '') problems.push({ path: 'name', code: 'required' });
    const validFrom = readDate(values.validFrom, 'validFrom', problems, true);
    const validTo = readDate(values.validTo, 'validTo', problems);
    if (validFrom && validTo && validTo < validFrom)
      problems.push({ path: 'validTo', code: 'end_before_start' });
    const quotas: Quota[] = [];
    let included = 0;
    for (const department of ownDepartments) {
      const row = rowFor(department.id);
      if (!row.included) continue;
      included += 1;
      const rehousingPercent = readNumber(row.rehousing, 'rehousing', rehousingPath(department.id), problems);
      for (const unitType of UNIT_TYPES) {
        const quotaPercent = readNumber(
          row.quota[unitType],
          'percent',
          quotaPath(department.id, unitType),
          problems,
        );
        if (quotaPercent !== undefined && rehousingPercent !== undefined)
          quotas.push({ departmentId: department.id, unitType, quotaPercent, rehousingPercent });
      }
    }
    if (values.organisationId !== '' && included === 0)
      problems.push({ path: 'quotas', code: 'no_departments' });
    if (problems.length > 0 || validFrom === undefined) return { input: undefined, problems };
    return {
      input: { organisationId: values.organisationId, name, validFrom, validTo: validTo ?? null, quotas },
      problems,
    };
  };

  /** The server's paths (`quotas.3.quotaPercent`) as the table's cells, with codes that say the range. */
  const toFormField = (field: FieldError): FieldError | null => {
    const match = /^quotas\.(\d+)\.(\w+)$/.exec(field.path);
    if (!match) return null;
    const line = sent.current[Number(match[1])];
    if (!line) return { path: 'quotas', code: field.code };
    const range = field.code === 'too_small' || field.code === 'too_big';
    if (match[2] === 'quotaPercent')
      return {
        path: quotaPath(line.departmentId, line.unitType),
        code: range ? RANGE_CODE.percent : field.code,
      };
    if (match[2] === 'rehousingPercent')
      return { path: rehousingPath(line.departmentId), code: range ? RANGE_CODE.rehousing : field.code };
    return { path: 'quotas', code: field.code };
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const { input, problems } = read();
    if (form.failed(problems) || !input) return;
    sent.current = input.quotas.map((q) => ({ departmentId: q.departmentId, unitType: q.unitType }));
    save.mutate(input, {
      onSuccess: () => {
        form.clear();
        const state: AgreementSavedState = { savedAgreement: input.name };
        void navigate('/boliger/aftaler', { state });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'AGREEMENT_OVERLAP') {
          form.report({
            fields: [{ path: 'validFrom', code: 'agreement_overlap', params: error.params }],
            error: null,
          });
          return;
        }
        form.reportError(mapFieldErrors(error, toFormField));
      },
    });
  };

  const organisationName = organisations.find((o) => o.id === values.organisationId)?.name ?? '';
  const cellMessage = (path: string) => {
    const field = form.problems?.fields.find((f) => f.path === path);
    return field
      ? fieldErrorMessage(t, 'housingAgreement', path, field.code, t('housing.agreement.share'), field.params)
      : undefined;
  };

  return (
    <>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        {agreement ? (
          <p>{t('housing.agreement.organisationFixed', { name: organisationName })}</p>
        ) : (
          <SelectField
            {...form.field('organisationId', { onChanged: () => setRows({}) })}
            placeholder={t('housing.agreement.organisationPlaceholder')}
            options={organisationOptions(organisations)}
          />
        )}
        <TextField
          {...form.field('name')}
          hint={t('housing.agreement.nameHint')}
          autoComplete="off"
          widthClass="input-width-xl"
        />
        <DateField {...form.field('validFrom')} />
        <DateField {...form.field('validTo')} hint={t('housing.agreement.validToHint')} />
        <fieldset className="mt-6">
          <legend>
            <h2>{t('housing.agreement.quotasHeading')}</h2>
          </legend>
          <p>{t('housing.agreement.quotasIntro')}</p>
          {values.organisationId === '' ? (
            <p>{t('housing.agreement.chooseOrganisation')}</p>
          ) : ownDepartments.length === 0 ? (
            <Alert variant="info" headingLevel={3}>
              <p>{t('housing.agreement.noDepartments')}</p>
            </Alert>
          ) : (
            <>
              {form.fieldMessage('quotas') ? (
                <p className="form-error-message">
                  <span className="sr-only">{t('form.errorPrefix')} </span>
                  {form.fieldMessage('quotas')}
                </p>
              ) : null}
              <QuotaTable
                departments={ownDepartments}
                rowFor={rowFor}
                onRow={(id, row) => setRows((r) => ({ ...r, [id]: row }))}
                cellMessage={cellMessage}
              />
            </>
          )}
        </fieldset>
        <div className="button-group mt-6">
          <button type="submit" className="button button-primary">
            {agreement ? t('housing.agreement.save') : t('housing.agreement.submit')}
          </button>
          <Link to="/boliger/aftaler" className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
        {save.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </>
  );
}

/** An agreement for those who may only read it: its period and every quota. */
function AgreementView({ agreement, departments }: { agreement: Agreement; departments: Department[] }) {
  const { t } = useTranslation();
  const facts: Fact[] = [
    { label: t('housing.agreement.organisation'), value: agreement.organisationName },
    { label: t('housing.agreement.validFrom'), value: <DateText value={agreement.validFrom} /> },
    {
      label: t('housing.agreement.validTo'),
      value: agreement.validTo ? <DateText value={agreement.validTo} /> : t('housing.agreements.openEnded'),
    },
  ];
  const ids = [...new Set(agreement.quotas.map((q) => q.departmentId))];
  const rows = ids
    .map((id) => departments.find((d) => d.id === id))
    .filter((d): d is Department => d !== undefined)
    .sort((a, b) => a.number.localeCompare(b.number, 'da', { numeric: true }));
  const quota = (departmentId: string, type: UnitType) =>
    agreement.quotas.find((q) => q.departmentId === departmentId && q.unitType === type);
  return (
    <>
      <Facts items={facts} label={t('housing.agreement.factsCaption')} />
      <Section id="agreement-quotas" heading={t('housing.agreement.quotasHeading')}>
        <TableScroll label={t('housing.agreement.quotasCaption')}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{t('housing.agreement.quotasCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('housing.agreement.department')}</th>
                {UNIT_TYPES.map((type) => (
                  <th scope="col" className="align-text-right" key={type}>
                    {t('housing.agreement.quotaColumn', { type: t(`housing.unitTypes.${type}`) })}
                  </th>
                ))}
                <th scope="col" className="align-text-right">
                  {t('housing.agreement.rehousingColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((department) => (
                <tr key={department.id}>
                  <th scope="row">{departmentName(t, department)}</th>
                  {UNIT_TYPES.map((type) => {
                    const q = quota(department.id, type);
                    return (
                      <td className="align-text-right nowrap" key={type}>
                        {q ? formatPercent(t, q.quotaPercent) : <NoValue />}
                      </td>
                    );
                  })}
                  <td className="align-text-right nowrap">
                    {formatPercent(t, rehousingOf(agreement, department.id))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Section>
    </>
  );
}

/** /boliger/aftaler/ny and /boliger/aftaler/:id: a framework agreement with its quotas per department. */
export function AgreementPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const canManage = hasPermission(useSession().data?.user, 'housing.manage');
  const organisations = useOrganisations();
  const departments = useDepartments();
  const agreements = useAgreements();
  const isNew = id === undefined;
  const agreement = isNew ? null : (agreements.data?.items.find((a) => a.id === id) ?? null);
  const missing = !isNew && agreements.data !== undefined && agreement === null;
  const error = organisations.error ?? departments.error ?? agreements.error;
  const ready = organisations.data && departments.data && agreements.data;

  const title = isNew
    ? t('housing.agreement.createTitle')
    : agreement
      ? agreement.name
      : missing
        ? t('housing.agreement.notFound')
        : t('housing.agreement.loadingTitle');

  return (
    <Page title={title}>
      <p>
        <Link to="/boliger/aftaler">{t('housing.agreement.backToList')}</Link>
      </p>
      {isNew ? <p className="font-lead">{t('housing.agreement.intro')}</p> : null}
      {error ? (
        <Alert variant="error" live="alert">
          <p>{errorMessage(t, error)}</p>
        </Alert>
      ) : null}
      {missing ? (
        <Alert variant="error" live="alert">
          <p>{t('errors.NOT_FOUND')}</p>
        </Alert>
      ) : null}
      {!ready && !error ? <Loading /> : null}
      {ready && (isNew || agreement) ? (
        canManage ? (
          <AgreementForm
            key={agreement?.id ?? 'new'}
            organisations={organisations.data.items}
            departments={departments.data.items}
            agreement={agreement}
          />
        ) : agreement ? (
          <AgreementView agreement={agreement} departments={departments.data.items} />
        ) : null
      ) : null}
    </Page>
  );
}
