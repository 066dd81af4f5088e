import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PlanningBaseline, SCENARIO_LIMITS } from '../../../shared/planning/api';
import { PLAN_METHODS, type PlanMethod } from '../../../shared/planning/model';
import { settle } from '../../api';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import type { FieldMap } from '../../components/form-problems';
import { NoValue } from '../../components/no-value';
import { Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { formatExpected, formatPercent, parseNumber } from '../../i18n/format';
import { useRunScenario, useScenario, useScenarioEnded } from './planning.api';
import { failureText, formatFigure } from './planning-format';
import {
  type BuildRow,
  formField,
  initialValues,
  newBuild,
  PATHS,
  readScenario,
  type ScenarioFormValues,
  type StaffingRow,
} from './scenario-request';

const quotaId = (organisationId: string) => `plan-quota-${organisationId}`;
const buildId = (key: number, field: keyof Omit<BuildRow, 'key'>) => `plan-build-${key}-${field}`;
const staffingId = (method: PlanMethod, field: keyof StaffingRow) => `plan-${method}-${field}`;
const ADD_BUILD_ID = 'plan-add-build';

/** The form's fields by request path, in the order of the form (the error summary's order). */
function fieldMap(t: TFunction, baseline: PlanningBaseline, values: ScenarioFormValues): FieldMap {
  const organisations = baseline.supply.organisations;
  const first = organisations[0];
  const map: FieldMap = {
    [PATHS.name]: { id: 'plan-name', label: t('planning.form.name') },
    [PATHS.years]: { id: 'plan-years', label: t('planning.form.years') },
    [PATHS.quotas]: {
      id: first ? quotaId(first.id) : 'plan-name',
      label: t('planning.form.quotas'),
    },
  };
  for (const o of organisations)
    map[PATHS.quota(o.id)] = { id: quotaId(o.id), label: t('planning.form.quotaLabel', { name: o.name }) };
  map[PATHS.builds] = { id: ADD_BUILD_ID, label: t('planning.form.builds') };
  for (const [i, row] of values.builds.entries()) {
    const number = i + 1;
    for (const field of ['readyDate', 'units', 'allocationPercent'] as const)
      map[PATHS.build(i, field)] = {
        id: buildId(row.key, field),
        label: t('planning.form.buildField', { field: t(`planning.form.build.${field}`), number }),
      };
  }
  for (const method of PLAN_METHODS) {
    const name = t(`planning.methods.${method}`);
    map[PATHS.staffing(method, 'fte')] = {
      id: staffingId(method, 'fte'),
      label: t('planning.form.fteLabel', { method: name }),
    };
    map[PATHS.staffing(method, 'caseloadNorm')] = {
      id: staffingId(method, 'caseloadNorm'),
      label: t('planning.form.normLabel', { method: name }),
    };
  }
  map[PATHS.shelterStayMonths] = { id: 'plan-shelter-stay', label: t('planning.form.shelterStay') };
  map[PATHS.preventionSuccessPercent] = { id: 'plan-prevention', label: t('planning.form.prevention') };
  return map;
}

/**
 * The run just started: its progress as a `<progress>` with its label while it runs, and in a
 * status region the run's start and end (not every step, which would talk over the user).
 */
function RunProgress({ id, onShow }: { id: string | null; onShow: (id: string) => void }) {
  const { t } = useTranslation();
  const detail = useScenario(id);
  const ended = useScenarioEnded();
  const scenario = detail.data;
  const status = scenario?.status;
  useEffect(() => {
    if (status === 'done' || status === 'failed') void ended();
  }, [status, ended]);
  const percent = Math.round((scenario?.progress ?? 0) * 100);
  let text = '';
  if (id !== null && !scenario) text = t('planning.run.starting');
  else if (scenario?.status === 'running') text = t('planning.run.running', { name: scenario.name });
  else if (scenario?.status === 'done') text = t('planning.run.done', { name: scenario.name });
  return (
    <div className="planning-run">
      <div role="status">{text ? <p>{text}</p> : null}</div>
      {scenario?.status === 'failed' ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">
              {t('planning.run.failed', { name: scenario.name, reason: failureText(t, scenario.error) })}
            </p>
          </div>
        </div>
      ) : null}
      {scenario?.status === 'running' ? (
        <p>
          <label className="form-label" htmlFor="plan-progress">
            {t('planning.run.progressLabel', { name: scenario.name })}
          </label>
          <progress id="plan-progress" max={100} value={percent} className="planning-progress">
            {t('planning.percent', { value: percent })}
          </progress>{' '}
          <span aria-hidden="true">{t('planning.percent', { value: percent })}</span>
        </p>
      ) : null}
      {scenario?.status === 'done' ? (
        <button type="button" className="button button-secondary" onClick={() => onShow(scenario.id)}>
          {t('planning.run.show', { name: scenario.name })}
        </button>
      ) : null}
    </div>
  );
}

function QuotaTable({
  baseline,
  values,
  onChange,
  message,
}: {
  baseline: PlanningBaseline;
  values: Record<string, string>;
  onChange: (organisationId: string, value: string) => void;
  message: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const caption = t('planning.form.quotas');
  return (
    <TableScroll label={caption}>
      <table className="table table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planning.baseline.organisation')}</th>
            <th scope="col" className="align-text-right">
              {t('planning.form.quotaToday')}
            </th>
            <th scope="col" className="align-text-right">
              {t('planning.baseline.perYear')}
            </th>
            <th scope="col">{t('planning.form.quotaColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {baseline.supply.organisations.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.name}</th>
              <td className="align-text-right">{formatPercent(t, Math.round(o.quotaPercent * 100) / 100)}</td>
              <td className="align-text-right">{formatExpected(o.perYear)}</td>
              <td>
                <TextField
                  id={quotaId(o.id)}
                  label={t('planning.form.quotaLabel', { name: o.name })}
                  labelHidden
                  value={values[o.id] ?? ''}
                  onChange={(event) => onChange(o.id, event.target.value)}
                  error={message(PATHS.quota(o.id))}
                  inputMode="decimal"
                  autoComplete="off"
                  widthClass="input-width-xs"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function StaffingTable({
  baseline,
  values,
  onChange,
  message,
}: {
  baseline: PlanningBaseline;
  values: Record<PlanMethod, StaffingRow>;
  onChange: (method: PlanMethod, row: StaffingRow) => void;
  message: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const caption = t('planning.form.staffing');
  /** Places as typed (FTE × norm), or the dash while either is no number. */
  const places = (row: StaffingRow) => {
    const fte = parseNumber(row.fte);
    const norm = row.caseloadNorm.trim() === '' ? 0 : parseNumber(row.caseloadNorm);
    return fte === null || norm === null ? null : fte * norm;
  };
  return (
    <TableScroll label={caption}>
      <table className="table table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planning.baseline.method')}</th>
            <th scope="col">{t('planning.baseline.fte')}</th>
            <th scope="col">{t('planning.baseline.norm')}</th>
            <th scope="col" className="align-text-right">
              {t('planning.form.placesToday')}
            </th>
            <th scope="col" className="align-text-right">
              {t('planning.form.places')}
            </th>
          </tr>
        </thead>
        <tbody>
          {PLAN_METHODS.map((method) => {
            const row = values[method];
            const name = t(`planning.methods.${method}`);
            const p = places(row);
            return (
              <tr key={method}>
                <th scope="row">{name}</th>
                <td>
                  <TextField
                    id={staffingId(method, 'fte')}
                    label={t('planning.form.fteLabel', { method: name })}
                    labelHidden
                    value={row.fte}
                    onChange={(event) => onChange(method, { ...row, fte: event.target.value })}
                    error={message(PATHS.staffing(method, 'fte'))}
                    inputMode="decimal"
                    autoComplete="off"
                    widthClass="input-width-xs"
                  />
                </td>
                <td>
                  <TextField
                    id={staffingId(method, 'caseloadNorm')}
                    label={t('planning.form.normLabel', { method: name })}
                    labelHidden
                    value={row.caseloadNorm}
                    onChange={(event) => onChange(method, { ...row, caseloadNorm: event.target.value })}
                    error={message(PATHS.staffing(method, 'caseloadNorm'))}
                    inputMode="decimal"
                    autoComplete="off"
                    widthClass="input-width-xs"
                  />
                </td>
                <td className="align-text-right">{formatFigure(baseline.staffing[method].capacity)}</td>
                <td className="align-text-right">{p === null ? <NoValue /> : formatFigure(p)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function BuildFields({
  row,
  index,
  onChange,
  onRemove,
  message,
}: {
  row: BuildRow;
  index: number;
  onChange: (row: BuildRow) => void;
  onRemove: () => void;
  message: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const number = index + 1;
  const bind = (field: 'readyDate' | 'units' | 'allocationPercent') => ({
    id: buildId(row.key, field),
    label: t(`planning.form.build.${field}`),
    value: row[field],
    onChange: (event: { target: { value: string } }) => onChange({ ...row, [field]: event.target.value }),
    error: message(PATHS.build(index, field)),
  });
  return (
    <fieldset className="planning-build">
      <legend className="h4">{t('planning.form.buildLegend', { number })}</legend>
      <DateField {...bind('readyDate')} />
      <TextField {...bind('units')} inputMode="numeric" autoComplete="off" widthClass="input-width-xs" />
      <TextField
        {...bind('allocationPercent')}
        hint={t('planning.form.allocationHint')}
        inputMode="decimal"
        autoComplete="off"
        widthClass="input-width-xs"
      />
      <button type="button" className="button button-tertiary" onClick={onRemove}>
        {t('planning.form.removeBuild', { number })}
      </button>
    </fieldset>
  );
}

/**
 * A new scenario (issue 19 §3): its name and years, and the levers — quotas per organisation, new
 * builds, staffing per method, a target shelter stay and prevention success — each starting at
 * today's value. Only what differs from today is sent, so an unchanged form runs the baseline. The
 * run continues on the server; its progress is shown below the button until it has ended.
 */
export function ScenarioForm({
  baseline,
  onShow,
}: {
  baseline: PlanningBaseline;
  onShow: (id: string) => void;
}) {
  const { t } = useTranslation();
  const run = useRunScenario();
  const [start] = useState(() => initialValues(baseline, t('planning.form.defaultName')));
  const [runningId, setRunningId] = useState<string | null>(null);
  const nextKey = useRef(1);
  const focusBuild = useRef<number | null>(null);
  const form = useForm<ScenarioFormValues>({
    formKey: 'planning.form',
    initial: start,
    fields: (values) => fieldMap(t, baseline, values),
    serverErrors: {
      PLANNING_UNKNOWN_ORGANISATION: { path: PATHS.quotas, code: 'unknown_organisation' },
    },
    mapServerField: formField,
  });
  const { values, setValues } = form;

  // A build just added takes focus on its first field; after a removal the add button has it.
  useEffect(() => {
    const key = focusBuild.current;
    if (key === null) return;
    focusBuild.current = null;
    document.getElementById(key < 0 ? ADD_BUILD_ID : buildId(key, 'readyDate'))?.focus();
  });

  const setBuild = (key: number, row: BuildRow) =>
    setValues((v) => ({ ...v, builds: v.builds.map((b) => (b.key === key ? row : b)) }));
  const addBuild = () => {
    const key = nextKey.current++;
    focusBuild.current = key;
    setValues((v) => ({ ...v, builds: [...v.builds, newBuild(key)] }));
  };
  const removeBuild = (key: number) => {
    focusBuild.current = -1;
    setValues((v) => ({ ...v, builds: v.builds.filter((b) => b.key !== key) }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (run.isPending) return;
    const { request, problems } = readScenario(values, start, baseline);
    if (form.failed(problems) || !request) return;
    form.clear();
    settle(run, request, {
      onSuccess: (scenario) => setRunningId(scenario.id),
      onError: form.reportError,
    });
  };

  const prevention = baseline.assumptions.preventionSuccessPercent;
  return (
    <Section id="planning-form" heading={t('planning.form.heading')}>
      <p>{t('planning.form.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
        <TextField
          {...form.field('name', { path: PATHS.name })}
          autoComplete="off"
          widthClass="input-width-l"
        />
        <SelectField
          {...form.field('years', { path: PATHS.years })}
          options={Array.from({ length: SCENARIO_LIMITS.yearsMax - SCENARIO_LIMITS.yearsMin + 1 }, (_, i) => {
            const count = SCENARIO_LIMITS.yearsMin + i;
            return { value: String(count), label: t('planning.yearsCount', { count }) };
          })}
        />
        <h3>{t('planning.form.quotas')}</h3>
        <p className="form-hint">{t('planning.form.quotasHint')}</p>
        {form.fieldMessage(PATHS.quotas) ? (
          <p className="form-error-message">{form.fieldMessage(PATHS.quotas)}</p>
        ) : null}
        {baseline.supply.organisations.length === 0 ? (
          <p>{t('planning.baseline.noOrganisations')}</p>
        ) : (
          <QuotaTable
            baseline={baseline}
            values={values.quotas}
            onChange={(id, value) => setValues((v) => ({ ...v, quotas: { ...v.quotas, [id]: value } }))}
            message={form.fieldMessage}
          />
        )}
        <h3>{t('planning.form.builds')}</h3>
        <p className="form-hint">{t('planning.form.buildsHint')}</p>
        {values.builds.map((row, i) => (
          <BuildFields
            key={row.key}
            row={row}
            index={i}
            onChange={(next) => setBuild(row.key, next)}
            onRemove={() => removeBuild(row.key)}
            message={form.fieldMessage}
          />
        ))}
        {form.fieldMessage(PATHS.builds) ? (
          <p className="form-error-message">{form.fieldMessage(PATHS.builds)}</p>
        ) : null}
        {values.builds.length < SCENARIO_LIMITS.buildsMax ? (
          <p>
            <button type="button" id={ADD_BUILD_ID} className="button button-secondary" onClick={addBuild}>
              {t('planning.form.addBuild')}
            </button>
          </p>
        ) : null}
        <h3>{t('planning.form.staffing')}</h3>
        <p className="form-hint">{t('planning.form.staffingHint')}</p>
        <StaffingTable
          baseline={baseline}
          values={values.staffing}
          onChange={(method, row) => setValues((v) => ({ ...v, staffing: { ...v.staffing, [method]: row } }))}
          message={form.fieldMessage}
        />
        <h3>{t('planning.form.rates')}</h3>
        <TextField
          {...form.field('shelterStayMonths', { path: PATHS.shelterStayMonths })}
          hint={t('planning.form.shelterStayHint', {
            months: formatFigure(baseline.assumptions.shelterStayMonths),
          })}
          inputMode="decimal"
          autoComplete="off"
          widthClass="input-width-xs"
        />
        <TextField
          {...form.field('preventionSuccessPercent', { path: PATHS.preventionSuccessPercent })}
          hint={
            prevention === null
              ? t('planning.form.preventionHintNone')
              : t('planning.form.preventionHint', {
                  value: formatPercent(t, Math.round(prevention * 10) / 10),
                })
          }
          inputMode="decimal"
          autoComplete="off"
          widthClass="input-width-xs"
        />
        <button type="submit" className="button button-primary" disabled={run.isPending}>
          {t('planning.form.submit')}
        </button>
      </form>
      <RunProgress id={runningId} onShow={onShow} />
    </Section>
  );
}
