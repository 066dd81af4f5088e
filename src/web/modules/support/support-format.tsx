import type { TFunction } from 'i18next';
import type { ReportedCount } from '../../../shared/suppression';
import { formatWhole } from '../../i18n/format';

/** A count that may be suppressed: "<5" and "x" are shown as such, with an explanation for screen readers. */
export function reported(t: TFunction, count: ReportedCount): string {
  if (count === '<5') return t('support.suppressed');
  if (count === 'x') return t('support.hidden');
  return formatWhole(count);
}

/** A share of capacity in use as a percentage, e.g. 110 %. */
export function loadText(load: number | null): string {
  return load === null ? '–' : `${formatWhole(Math.round(load * 100))} %`;
}
