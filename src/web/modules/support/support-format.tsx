import { formatReported, formatWhole } from '../../i18n/format';

/** A count that may be suppressed (the shared wording). */
export const reported = formatReported;

/** A share of capacity in use as a percentage, e.g. 110 %. */
export function loadText(load: number | null): string {
  return load === null ? '–' : `${formatWhole(Math.round(load * 100))} %`;
}
