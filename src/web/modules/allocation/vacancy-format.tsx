import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Priority } from '../../../shared/allocation/model';
import { NoValue } from '../../components/no-value';
import { formatKroner, formatWhole } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { departmentName } from '../housing';
import type { VacancyView } from './vacancies.api';

/** Rent and utilities: "5.200 kr. + 650 kr. aconto". */
export function rentText(t: TFunction, vacancy: Pick<VacancyView, 'rent' | 'utilities'>): string {
  return t('vacancies.format.rentWithUtilities', {
    rent: formatKroner(t, vacancy.rent),
    utilities: formatKroner(t, vacancy.utilities),
  });
}

/** Where a vacancy is: "Taastrup Almene Boliger (demo), Afd. 2 Stationsbyen". */
export function placeText(
  t: TFunction,
  vacancy: Pick<VacancyView, 'organisationName' | 'departmentNumber' | 'departmentName'>,
): string {
  return t('vacancies.format.place', {
    organisation: vacancy.organisationName,
    department: departmentName(t, { number: vacancy.departmentNumber, name: vacancy.departmentName }),
  });
}

/** The days a unit has stood empty and the rent the municipality paid for them: "12 dage, 2.100 kr.". */
export function emptyText(t: TFunction, vacancy: Pick<VacancyView, 'emptyDays' | 'emptyRent'>): string {
  return t('vacancies.format.empty', {
    count: vacancy.emptyDays,
    days: formatWhole(vacancy.emptyDays),
    rent: formatKroner(t, vacancy.emptyRent),
  });
}

/** A number of days: "1 dag", "40 dage". */
export function daysText(t: TFunction, days: number): string {
  return t('vacancies.format.days', { count: days, days: formatWhole(days) });
}

/** An urgency level in words, or a dash. */
export function PriorityText({ priority }: { priority: Priority | null | undefined }) {
  const { t } = useTranslation();
  if (!priority) return <NoValue />;
  return <>{t(`allocation.priorities.${priority}`)}</>;
}

/** A citizen's name, linked to the citizen page for those who may read it. */
export function CitizenLink({ id, name }: { id: string; name: string }) {
  const canRead = hasPermission(useSession().data?.user, 'citizens.read');
  if (!name) return <NoValue />;
  return canRead ? <Link to={`/borgere/${encodeURIComponent(id)}`}>{name}</Link> : name;
}
