/**
 * The Danish words the housing files print for codes: unit types, area statuses, project kinds.
 * Shared by the dialogue-meeting report and the export.
 */
import type { AreaStatus, UnitType } from '../../../shared/housing/supply';

/** Unit types as the reports name them. */
export const UNIT_TYPE_LABEL: Record<UnitType, string> = {
  family: 'familieboliger',
  youth: 'ungdomsboliger',
  elderly: 'ældre- og handicapboliger',
  alternative: 'skæve boliger',
};

/** Area statuses (almenboligloven) as the reports name them. */
export const AREA_STATUS_LABEL: Record<AreaStatus, string> = {
  normal: 'almindeligt område',
  udsat: 'udsat boligområde',
  parallelsamfund: 'parallelsamfund',
  omdannelse: 'omdannelsesområde',
  forebyggelse: 'forebyggelsesområde',
};

/** Pipeline project kinds. */
export const KIND_LABEL: Record<string, string> = { new_build: 'nybyggeri', conversion: 'ombygning' };

/** A department's area status, or that none is recorded. */
export const areaStatusLabel = (status: AreaStatus | null) =>
  status ? AREA_STATUS_LABEL[status] : 'ikke registreret';

/** A yes/no cell. */
export const yesNo = (v: boolean) => (v ? 'ja' : 'nej');

/** Expected units carry one decimal (a share of a year's turnover). */
export const ONE_DECIMAL_FORMAT = '0.0';
