import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Duty } from '../../../shared/prevention/clocks';
import { Icon } from '../../components/icon';
import { NoValue } from '../../components/no-value';
import type { SelectOption } from '../../components/select-field';
import { formatKroner, isoToDanishDate } from '../../i18n/format';
import { departmentName } from '../housing';
import type { NoticeDepartment } from './prevention.api';

/** Arrears: "12.400 kr." or with the months: "12.400 kr. (3 måneder)". */
export function arrearsText(t: TFunction, amount: number, months?: number): string {
  const kroner = formatKroner(t, amount);
  return months === undefined ? kroner : t('evictionCases.format.arrearsMonths', { count: months, kroner });
}

/** Where a tenancy is: "Taastrup Almene Boliger (demo), Afd. 2 Stationsbyen", or a dash. */
export function PlaceText({
  organisationName,
  departmentName: department,
}: {
  organisationName: string | null;
  departmentName: string | null;
}) {
  const { t } = useTranslation();
  if (!organisationName && !department) return <NoValue />;
  if (organisationName && department)
    return <>{t('evictionCases.format.place', { organisation: organisationName, department })}</>;
  return <>{organisationName ?? department}</>;
}

/** The words "Børn under 18" as a badge: said in text, never by colour alone. */
export function ChildrenBadge() {
  const { t } = useTranslation();
  return <span className="badge badge-warning">{t('evictionCases.format.children')}</span>;
}

/** "Overskredet" with an icon, beside an overdue duty: in words, not by colour alone. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-error nowrap">
      <Icon name="error" /> {t('evictionCases.format.overdue')}
    </span>
  );
}

/**
 * The duties of a case (§ 5 a, the påkrav deadline, the eviction date), each with its date; an
 * overdue one is marked "Overskredet". With `law` the paragraph is named too.
 */
export function DutyList({ duties, law = false }: { duties: Duty[]; law?: boolean }) {
  const { t } = useTranslation();
  if (duties.length === 0) return <NoValue />;
  return (
    <ul className="nobullet-list prevention-duties">
      {duties.map((duty) => (
        <li
          key={`${duty.kind}-${duty.dueOn}`}
          className={duty.overdue ? 'prevention-duty-overdue' : undefined}
        >
          {duty.overdue ? (
            <>
              <OverdueBadge />{' '}
            </>
          ) : null}
          <span>
            {t('evictionCases.format.duty', {
              duty: t(`prevention.duties.${duty.kind}`),
              date: isoToDanishDate(duty.dueOn),
            })}
          </span>
          {law ? <span className="d-block form-hint">{duty.law}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** A department as a select option: "Taastrup Almene Boliger – Afd. 2 Stationsbyen", sorted. */
export function noticeDepartmentOptions(t: TFunction, departments: NoticeDepartment[]): SelectOption[] {
  return [...departments]
    .sort(
      (a, b) =>
        a.organisationName.localeCompare(b.organisationName, 'da') ||
        a.number.localeCompare(b.number, 'da', { numeric: true }),
    )
    .map((d) => ({
      value: d.id,
      label: t('evictionCases.form.departmentOption', {
        organisation: d.organisationName,
        department: departmentName(t, d),
      }),
    }));
}
