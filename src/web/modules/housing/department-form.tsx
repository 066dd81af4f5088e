import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { UNIT_TYPES } from '../../../shared/housing/supply';
import type { FieldError } from '../../api';
import type { FieldMap } from '../../components/form-problems';
import { type NumberKind, optionalText, rangeFor, readNumber } from '../../components/read-field';
import { TextField } from '../../components/text-field';
import type { BindOptions, BoundField } from '../../components/use-form';
import { formatInput } from '../../i18n/format';
import type { Department, DepartmentInput, UnitCounts, UnitType } from './housing.api';

/** The value of one unit count, named by its request path (`units.family`). */
type UnitsField = `units.${UnitType}`;

/** A department's fields as typed; a unit count is named by its request path. */
export type DepartmentValues = {
  number: string;
  name: string;
  address: string;
  turnoverPercent: string;
} & Record<UnitsField, string>;

/** The value names of {@link DepartmentValues}. */
export type DepartmentField = keyof DepartmentValues;

const unitsField = (type: UnitType): UnitsField => `units.${type}`;

export function emptyDepartment(): DepartmentValues {
  return {
    number: '',
    name: '',
    address: '',
    'units.family': '0',
    'units.youth': '0',
    'units.elderly': '0',
    'units.alternative': '0',
    turnoverPercent: '',
  };
}

export function departmentValues(department: Department): DepartmentValues {
  return {
    number: department.number,
    name: department.name,
    address: department.address ?? '',
    'units.family': String(department.units.family),
    'units.youth': String(department.units.youth),
    'units.elderly': String(department.units.elderly),
    'units.alternative': String(department.units.alternative),
    turnoverPercent: formatInput(department.turnoverPercent),
  };
}

/** The department's request paths, labels and input ids (for messages and the error summary). */
export function departmentFieldMap(t: TFunction, idPrefix: string): FieldMap {
  const map: FieldMap = {
    number: { id: `${idPrefix}-number`, label: t('housing.department.number') },
    name: { id: `${idPrefix}-name`, label: t('housing.department.name') },
    address: { id: `${idPrefix}-address`, label: t('housing.department.address') },
  };
  for (const type of UNIT_TYPES) {
    map[unitsField(type)] = { id: `${idPrefix}-units-${type}`, label: t(`housing.department.units.${type}`) };
  }
  map.turnoverPercent = { id: `${idPrefix}-turnover`, label: t('housing.department.turnoverPercent') };
  return map;
}

/** What the server's range problems on a department field mean, for the form's messages. */
export function departmentRange(field: FieldError): FieldError | null {
  const kind: NumberKind | undefined =
    field.path === 'turnoverPercent' ? 'percent' : field.path.startsWith('units.') ? 'count' : undefined;
  return rangeFor(field, kind);
}

/** Reads the fields for a request, as the server checks them; problems go to `problems`. */
export function readDepartment(
  values: DepartmentValues,
  problems: FieldError[],
): Omit<DepartmentInput, 'organisationId'> | undefined {
  const number = values.number.trim();
  const name = values.name.trim();
  if (number === '') problems.push({ path: 'number', code: 'required' });
  if (name === '') problems.push({ path: 'name', code: 'required' });
  const units: Partial<UnitCounts> = {};
  for (const type of UNIT_TYPES) {
    units[type] = readNumber(values[unitsField(type)], 'count', unitsField(type), problems);
  }
  const turnoverPercent = readNumber(values.turnoverPercent, 'percent', 'turnoverPercent', problems);
  if (problems.length > 0 || turnoverPercent === undefined) return undefined;
  return {
    number,
    name,
    address: optionalText(values.address) ?? null,
    units: units as UnitCounts,
    turnoverPercent,
  };
}

/**
 * What {@link DepartmentFields} needs of a `useForm` whose values include {@link DepartmentValues}
 * and whose `fields` include {@link departmentFieldMap} (the ids and labels come from there).
 */
export interface DepartmentForm {
  field: (name: DepartmentField, options?: BindOptions) => BoundField;
}

/** The department's own fields (number, name, address, unit counts, turnover). */
export function DepartmentFields({ form }: { form: DepartmentForm }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        {...form.field('number')}
        hint={t('housing.department.numberHint')}
        autoComplete="off"
        widthClass="input-width-xs"
      />
      <TextField {...form.field('name')} autoComplete="off" widthClass="input-width-l" />
      <TextField {...form.field('address')} autoComplete="off" widthClass="input-width-xl" />
      <fieldset className="mt-6">
        <legend className="form-label">{t('housing.department.unitsLegend')}</legend>
        <div className="row">
          {UNIT_TYPES.map((type) => (
            <div className="col-12 col-md-6" key={type}>
              <TextField
                {...form.field(unitsField(type))}
                inputMode="numeric"
                autoComplete="off"
                widthClass="input-width-xs"
              />
            </div>
          ))}
        </div>
      </fieldset>
      <TextField
        {...form.field('turnoverPercent')}
        hint={t('housing.department.turnoverHint')}
        inputMode="decimal"
        autoComplete="off"
        widthClass="input-width-xs"
      />
    </>
  );
}
