import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanningBaseline, ScenarioSummary } from '../../../shared/planning/api';
import { PLAN_METHODS } from '../../../shared/planning/model';
import type { Band } from '../../../shared/planning/simulate';
import { ApiError } from '../../api';
import { NoValue } from '../../components/no-value';
import { errorMessage } from '../../i18n/errors';
import {
  formatDate,
  formatExpected,
  formatInput,
  formatKroner,
  formatPercent,
  formatTime,
  formatWhole,
  isoDateTime,
  isoToDanishDate,
} from '../../i18n/format';

const MONTH_FORMATS = {
  da: new Intl.DateTimeFormat('da-DK', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** A month end (åååå-mm-dd) as "jan. 2027" / "Jan 2027", as the insight pages write months. */
export function useMonthLabel(): (monthEnd: string) => string {
  const { i18n } = useTranslation();
  const format = i18n.language.startsWith('en') ? MONTH_FORMATS.en : MONTH_FORMATS.da;
  return useCallback(
    (monthEnd: string) => format.format(new Date(`${monthEnd.slice(0, 7)}-01T00:00:00Z`)),
    [format],
  );
}

/** A number with one decimal where it has one: 3,5 / 12. */
export const formatFigure = (value: number) =>
  Number.isInteger(Math.round(value * 10) / 10) ? formatWhole(value) : formatExpected(value);

/** A share (0–1) in per cent with one decimal: 45,7 %. */
export const formatShare = (t: TFunction, share: number) => formatPercent(t, Math.round(share * 1000) / 10);

/** Whole kroner: 1.250.000 kr. */
export const formatCost = (t: TFunction, value: number) => formatKroner(t, Math.round(value));

/** A band as "120 (100–140)": the expected value and its 10th to 90th percentile. */
export function bandText(t: TFunction, band: Band, format: (value: number) => string = formatWhole): string {
  return t('planning.bandValue', { mean: format(band.mean), low: format(band.low), high: format(band.high) });
}

/** A timestamp as "05.12.2026 kl. 14.30" (Danish time), machine-readable too. */
export function DateTimeText({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <time dateTime={isoDateTime(value)}>
      {t('common.dateTime', { date: formatDate(value), time: formatTime(value) })}
    </time>
  );
}

/** A number or a dash. */
export function Figure({
  value,
  format = formatFigure,
}: {
  value: number | null;
  format?: (v: number) => string;
}) {
  return value === null ? <NoValue /> : format(value);
}

/** Why a run failed, in words (its error code through the error catalogue). */
export function failureText(t: TFunction, code: string | null): string {
  return errorMessage(t, new ApiError(500, code ?? 'PLANNING_RUN_FAILED', ''));
}

/** Whole percent as typed in the form: 7,5. */
const pct = (value: number) => formatInput(Math.round(value * 100) / 100);

/**
 * What a scenario changes against the baseline, lever by lever, in words: "Uændret" for what it
 * keeps. The organisations are named from the baseline (an organisation no longer in it by its id).
 */
export function leverTexts(
  t: TFunction,
  scenario: ScenarioSummary['scenario'],
  organisations: PlanningBaseline['supply']['organisations'],
): { key: string; label: string; value: string }[] {
  const unchanged = t('planning.levers.unchanged');
  const nameOf = (id: string) => organisations.find((o) => o.id === id)?.name ?? id;
  const quotas = Object.entries(scenario.quotaPercent ?? {});
  const builds = scenario.builds ?? [];
  const staffing = PLAN_METHODS.flatMap((method) => {
    const change = scenario.staffing?.[method];
    if (!change) return [];
    const parts: string[] = [];
    if (change.fte !== undefined) parts.push(t('planning.levers.fte', { value: formatFigure(change.fte) }));
    if (change.caseloadNorm !== undefined && change.caseloadNorm !== null)
      parts.push(t('planning.levers.norm', { value: formatFigure(change.caseloadNorm) }));
    return parts.length > 0 ? [`${t(`planning.methods.${method}`)}: ${parts.join(', ')}`] : [];
  });
  return [
    {
      key: 'years',
      label: t('planning.levers.years'),
      value: t('planning.yearsCount', { count: scenario.years }),
    },
    {
      key: 'quotas',
      label: t('planning.levers.quotas'),
      value:
        quotas.length === 0
          ? unchanged
          : quotas.map(([id, q]) => `${nameOf(id)}: ${t('format.percent', { value: pct(q) })}`).join('; '),
    },
    {
      key: 'builds',
      label: t('planning.levers.builds'),
      value:
        builds.length === 0
          ? unchanged
          : builds
              .map((b) =>
                t('planning.levers.build', {
                  units: formatWhole(b.units),
                  date: isoToDanishDate(b.readyDate),
                  share: t('format.percent', { value: pct(b.allocationPercent) }),
                }),
              )
              .join('; '),
    },
    {
      key: 'staffing',
      label: t('planning.levers.staffing'),
      value: staffing.length === 0 ? unchanged : staffing.join('; '),
    },
    {
      key: 'shelterStay',
      label: t('planning.levers.shelterStay'),
      value:
        scenario.shelterStayMonths === undefined
          ? unchanged
          : t('planning.monthsValue', { months: formatFigure(scenario.shelterStayMonths) }),
    },
    {
      key: 'prevention',
      label: t('planning.levers.prevention'),
      value:
        scenario.preventionSuccessPercent === undefined
          ? unchanged
          : t('format.percent', { value: pct(scenario.preventionSuccessPercent) }),
    },
  ];
}
