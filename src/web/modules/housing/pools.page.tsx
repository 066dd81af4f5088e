import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { mapFieldErrors, RANGE_CODE, readDate, readNumber } from '../../components/read-field';
import { type Fact, Facts, FormDetails, Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { formatKroner, formatWhole, isoToDanishDate, todayIso, todayText } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import {
  type Department,
  type Pool,
  type PoolUnit,
  useAddPoolUnit,
  useCreatePool,
  useDepartments,
  useEndPoolUnit,
  usePools,
} from './housing.api';
import { departmentName } from './housing-format';

/** A pool's rent band in words: 4.500–5.000 kr. */
function rentBand(t: TFunction, pool: Pool): string {
  return t('housing.pools.band', { min: formatWhole(pool.rentMin), max: formatWhole(pool.rentMax) });
}

function PoolFacts({ pool }: { pool: Pool }) {
  const { t } = useTranslation();
  const items: Fact[] = [
    {
      label: t('housing.pools.period'),
      value: (
        <>
          <DateText value={pool.validFrom} />
          {' – '}
          {pool.validTo ? <DateText value={pool.validTo} /> : t('housing.agreements.openEnded')}
        </>
      ),
    },
    { label: t('housing.pools.budget'), value: formatKroner(t, pool.budget) },
    { label: t('housing.pools.amountPerUnit'), value: formatKroner(t, pool.amountPerUnit) },
    { label: t('housing.pools.monthlyReduction'), value: formatKroner(t, pool.monthlyReduction) },
    {
      label: t('housing.pools.rentBand'),
      value: t('housing.pools.bandPerMonth', { band: rentBand(t, pool) }),
    },
    { label: t('housing.pools.unitCount'), value: formatWhole(pool.unitCount) },
    { label: t('housing.pools.remaining'), value: <strong>{formatKroner(t, pool.remaining)}</strong> },
  ];
  return <Facts items={items} label={t('housing.pools.factsCaption', { name: pool.name })} />;
}

function UnitTable({
  pool,
  canManage,
  onEnd,
}: {
  pool: Pool;
  canManage: boolean;
  onEnd: (unit: PoolUnit) => void;
}) {
  const { t } = useTranslation();
  if (pool.units.length === 0) return <p>{t('housing.pools.noUnits')}</p>;
  // Only a binding still running can be ended.
  const actions = canManage && pool.units.some((unit) => unit.boundTo === null);
  return (
    <TableScroll label={t('housing.pools.unitsCaption', { name: pool.name })}>
      <table className="table table--zebra table--compact">
        <caption className="sr-only">{t('housing.pools.unitsCaption', { name: pool.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('housing.pools.address')}</th>
            <th scope="col">{t('housing.agreement.department')}</th>
            <th scope="col" className="align-text-right">
              {t('housing.pools.rent')}
            </th>
            <th scope="col">{t('housing.pools.boundFrom')}</th>
            <th scope="col">{t('housing.pools.boundTo')}</th>
            {actions ? <th scope="col">{t('housing.pools.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {pool.units.map((unit) => (
            <tr key={unit.id}>
              <th scope="row">{unit.address}</th>
              <td>{unit.departmentName}</td>
              <td className="align-text-right nowrap">{formatKroner(t, unit.rent)}</td>
              <td>
                <DateText value={unit.boundFrom} />
              </td>
              <td>
                <DateText value={unit.boundTo} />
              </td>
              {actions ? (
                <td>
                  {unit.boundTo ? null : (
                    <button type="button" className="button button-secondary" onClick={() => onEnd(unit)}>
                      {t('housing.pools.end')}
                      <span className="sr-only">
                        {' '}
                        {t('housing.pools.endWhich', { address: unit.address })}
                      </span>
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function AddUnitForm({ pool, departments }: { pool: Pool; departments: Department[] }) {
  const { t } = useTranslation();
  const add = useAddPoolUnit(pool.id);
  const prefix = `pool-${pool.id}-unit`;
  const empty = () => ({ departmentId: '', address: '', rent: '', boundFrom: todayText() });
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'housingPoolUnit',
    initial: empty,
    fields: {
      departmentId: { id: `${prefix}-department`, label: t('housing.pools.department') },
      address: { id: `${prefix}-address`, label: t('housing.pools.address') },
      rent: { id: `${prefix}-rent`, label: t('housing.pools.rent') },
      boundFrom: { id: `${prefix}-from`, label: t('housing.pools.boundFrom') },
    },
  });
  const { values, setValues } = form;
  const band = { band: rentBand(t, pool) };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    if (values.departmentId === '') problems.push({ path: 'departmentId', code: 'required' });
    const address = values.address.trim();
    if (address === '') problems.push({ path: 'address', code: 'required' });
    const rent = readNumber(values.rent, 'kroner', 'rent', problems);
    if (rent !== undefined && (rent < pool.rentMin || rent > pool.rentMax))
      problems.push({ path: 'rent', code: 'outside_band', params: band });
    const boundFrom = readDate(values.boundFrom, 'boundFrom', problems, true);
    if (problems.length > 0 || rent === undefined || boundFrom === undefined) {
      form.report({ fields: problems, error: null });
      return;
    }
    add.mutate(
      { departmentId: values.departmentId, address, rent, boundFrom },
      {
        onSuccess: () => {
          form.clear();
          setValues(empty());
          setNotice({ kind: 'success', key: 'housing.pools.unitAdded', params: { address } });
        },
        onError: (error) =>
          form.reportError(
            mapFieldErrors(error, (field) =>
              field.code === 'outside_band'
                ? { ...field, params: band }
                : field.path === 'rent' && (field.code === 'too_small' || field.code === 'too_big')
                  ? { path: 'rent', code: RANGE_CODE.kroner }
                  : null,
            ),
          ),
      },
    );
  };

  const departmentOptions = [...departments]
    .sort(
      (a, b) =>
        a.organisationName.localeCompare(b.organisationName, 'da') ||
        a.number.localeCompare(b.number, 'da', { numeric: true }),
    )
    .map((d) => ({
      value: d.id,
      label: t('housing.pools.departmentOption', {
        organisation: d.organisationName,
        department: departmentName(t, d),
      }),
    }));

  return (
    <FormDetails summary={t('housing.pools.addUnit')}>
      <NoticeArea notice={notice} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <SelectField
          {...form.field('departmentId')}
          id={`${prefix}-department`}
          placeholder={t('housing.pools.departmentPlaceholder')}
          options={departmentOptions}
        />
        <TextField
          {...form.field('address')}
          id={`${prefix}-address`}
          autoComplete="off"
          widthClass="input-width-xl"
        />
        <TextField
          {...form.field('rent')}
          id={`${prefix}-rent`}
          label={t('housing.pools.rentMonthly')}
          hint={t('housing.pools.rentHint', band)}
          inputMode="decimal"
          autoComplete="off"
          widthClass="input-width-s"
        />
        <DateField {...form.field('boundFrom')} id={`${prefix}-from`} />
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('housing.pools.addUnitSubmit')}
          </button>
        </div>
        {add.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

const AMOUNT_FIELDS = ['budget', 'amountPerUnit', 'monthlyReduction', 'rentMin', 'rentMax'] as const;
type AmountField = (typeof AMOUNT_FIELDS)[number];

function emptyPool() {
  return {
    name: '',
    validFrom: '',
    validTo: '',
    budget: '',
    amountPerUnit: '',
    monthlyReduction: formatWhole(1250),
    rentMin: formatWhole(4500),
    rentMax: formatWhole(5000),
  };
}

function CreatePoolForm() {
  const { t } = useTranslation();
  const create = useCreatePool();
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm({
    formKey: 'housingPool',
    initial: emptyPool,
    fields: {
      name: { id: 'pool-name', label: t('housing.pools.name') },
      validFrom: { id: 'pool-from', label: t('housing.pools.validFrom') },
      validTo: { id: 'pool-to', label: t('housing.pools.validTo') },
      budget: { id: 'pool-budget', label: t('housing.pools.budget') },
      amountPerUnit: { id: 'pool-amount', label: t('housing.pools.amountPerUnit') },
      monthlyReduction: { id: 'pool-reduction', label: t('housing.pools.monthlyReduction') },
      rentMin: { id: 'pool-rent-min', label: t('housing.pools.rentMin') },
      rentMax: { id: 'pool-rent-max', label: t('housing.pools.rentMax') },
    },
  });
  const { values, setValues } = form;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    setNotice(null);
    const problems: FieldError[] = [];
    const name = values.name.trim();
    if (name === '') problems.push({ path: 'name', code: 'required' });
    const validFrom = readDate(values.validFrom, 'validFrom', problems, true);
    const validTo = readDate(values.validTo, 'validTo', problems);
    if (validFrom && validTo && validTo < validFrom)
      problems.push({ path: 'validTo', code: 'end_before_start' });
    const amounts: Partial<Record<AmountField, number>> = {};
    for (const key of AMOUNT_FIELDS) amounts[key] = readNumber(values[key], 'kroner', key, problems);
    if (amounts.rentMin !== undefined && amounts.rentMax !== undefined && amounts.rentMax < amounts.rentMin)
      problems.push({ path: 'rentMax', code: 'below_min' });
    if (problems.length > 0 || validFrom === undefined) {
      form.report({ fields: problems, error: null });
      return;
    }
    create.mutate(
      { name, validFrom, validTo: validTo ?? null, ...(amounts as Record<AmountField, number>) },
      {
        onSuccess: () => {
          form.clear();
          setValues(emptyPool());
          setNotice({ kind: 'success', key: 'housing.pools.created', params: { name } });
        },
        onError: (error) =>
          form.reportError(
            mapFieldErrors(error, (field) =>
              (AMOUNT_FIELDS as readonly string[]).includes(field.path) &&
              (field.code === 'too_small' || field.code === 'too_big')
                ? { path: field.path, code: RANGE_CODE.kroner }
                : null,
            ),
          ),
      },
    );
  };

  const amount = (key: AmountField, hint?: string) => (
    <TextField
      {...form.field(key)}
      hint={hint}
      inputMode="decimal"
      autoComplete="off"
      widthClass="input-width-s"
    />
  );

  return (
    <FormDetails summary={t('housing.pools.create')}>
      <NoticeArea notice={notice} />
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField {...form.field('name')} autoComplete="off" widthClass="input-width-xl" />
        <DateField {...form.field('validFrom')} />
        <DateField {...form.field('validTo')} hint={t('housing.pools.validToHint')} />
        {amount('budget', t('housing.pools.kronerHint'))}
        {amount('amountPerUnit', t('housing.pools.amountPerUnitHint'))}
        {amount('monthlyReduction', t('housing.pools.monthlyReductionHint'))}
        {amount('rentMin', t('housing.pools.rentBandHint'))}
        {amount('rentMax')}
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('housing.pools.submit')}
          </button>
        </div>
        {create.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </FormDetails>
  );
}

/** The unit whose binding is about to end. */
interface EndTarget {
  pool: Pool;
  unit: PoolUnit;
}

/** /boliger/puljer: rent-subsidy pools, their units and what is left of their budgets. */
export function PoolsPage() {
  const { t } = useTranslation();
  const canManage = hasPermission(useSession().data?.user, 'housing.manage');
  const pools = usePools();
  const departments = useDepartments();
  const end = useEndPoolUnit();
  const [target, setTarget] = useState<EndTarget | null>(null);
  const dialog = useForm({
    formKey: 'housing.pools.endDialog',
    initial: { boundTo: '' },
    fields: { boundTo: { id: 'end-bound-to', label: t('housing.pools.endDialog.boundTo') } },
  });
  const [notice, setNotice] = useState<Notice | null>(null);

  const askEnd = (pool: Pool, unit: PoolUnit) => {
    dialog.setValues({ boundTo: todayText() });
    dialog.clear();
    setTarget({ pool, unit });
  };

  const confirmEnd = () => {
    if (!target || end.isPending) return;
    const problems: FieldError[] = [];
    const date = readDate(dialog.values.boundTo, 'boundTo', problems, true);
    if (date !== undefined && date < target.unit.boundFrom)
      problems.push({ path: 'boundTo', code: 'end_before_start' });
    if (dialog.failed(problems) || date === undefined) {
      document.getElementById('end-bound-to')?.focus();
      return;
    }
    const address = target.unit.address;
    end.mutate(
      { poolId: target.pool.id, unitId: target.unit.id, boundTo: date },
      {
        onSuccess: () =>
          setNotice({
            kind: 'success',
            key: 'housing.pools.bindingEnded',
            params: { address, date: isoToDanishDate(date) },
          }),
        onError: (error) => setNotice({ kind: 'error', error }),
        onSettled: () => setTarget(null),
      },
    );
  };

  const items = [...(pools.data?.items ?? [])].sort((a, b) => b.validFrom.localeCompare(a.validFrom));

  return (
    <Page title={t('housing.pools.title')}>
      <p className="font-lead">{t('housing.pools.intro')}</p>
      <NoticeArea notice={notice} headingLevel={2} />
      <QueryState query={pools} />
      {canManage ? <CreatePoolForm /> : null}
      {pools.data && items.length === 0 ? <p>{t('housing.pools.none')}</p> : null}
      {items.map((pool) => (
        <Section key={pool.id} id={`pool-${pool.id}`} heading={pool.name}>
          {pool.validTo && pool.validTo < todayIso() ? (
            <p>
              <span className="badge badge-info">{t('housing.pools.ended')}</span>
            </p>
          ) : null}
          {pool.endsSoon && pool.validTo ? (
            <Alert variant="warning" headingLevel={3} heading={t('housing.pools.endsSoonHeading')}>
              <p>{t('housing.pools.endsSoon', { date: isoToDanishDate(pool.validTo) })}</p>
            </Alert>
          ) : null}
          <PoolFacts pool={pool} />
          <h3>{t('housing.pools.unitsHeading')}</h3>
          <UnitTable pool={pool} canManage={canManage} onEnd={(unit) => askEnd(pool, unit)} />
          {canManage && departments.data ? (
            <AddUnitForm pool={pool} departments={departments.data.items} />
          ) : null}
        </Section>
      ))}
      <ConfirmDialog
        open={target !== null}
        heading={t('housing.pools.endDialog.heading')}
        confirmLabel={t('housing.pools.endDialog.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={confirmEnd}
        onCancel={() => setTarget(null)}
        busy={end.isPending}
      >
        <p>
          {target
            ? t('housing.pools.endDialog.text', { address: target.unit.address, pool: target.pool.name })
            : null}
        </p>
        <DateField {...dialog.field('boundTo')} />
      </ConfirmDialog>
    </Page>
  );
}
