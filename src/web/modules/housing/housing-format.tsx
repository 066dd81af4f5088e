import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { AREA_STATUSES, UNIT_TYPES } from '../../../shared/housing/supply';
import { NoValue } from '../../components/no-value';
import type { SelectOption } from '../../components/select-field';
import type { AreaStatus, Organisation } from './housing.api';

/** The name of a department as lists show it: "Afd. 12 Engparken". */
export function departmentName(t: TFunction, department: { number: string; name: string }): string {
  return t('housing.departmentName', { number: department.number, name: department.name });
}

export function unitTypeOptions(t: TFunction): SelectOption[] {
  return UNIT_TYPES.map((type) => ({ value: type, label: t(`housing.unitTypes.${type}`) }));
}

export function areaStatusOptions(t: TFunction): SelectOption[] {
  return AREA_STATUSES.map((status) => ({ value: status, label: t(`housing.areaStatuses.${status}`) }));
}

export function organisationOptions(organisations: Organisation[]): SelectOption[] {
  return [...organisations]
    .sort((a, b) => a.name.localeCompare(b.name, 'da'))
    .map((o) => ({ value: o.id, label: o.name }));
}

/** An area status in words, or a dash when none is recorded. */
export function AreaStatusText({ status }: { status: AreaStatus | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return <NoValue />;
  return <>{t(`housing.areaStatuses.${status}`)}</>;
}
