import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { UNIT_TYPES } from '../../../shared/housing/supply';
import type { FieldError } from '../../api';
import type { FieldMap } from '../../components/form-problems';
import { type NumberKind, optionalText, rangeFor, readNumber } from '../../components/read-field';
import { TextField } from '../../components/text-field';
import { formatInput } from '../../i18n/format';
import type { Department, DepartmentInput, UnitCounts, UnitType } from './housing.api';

/** A department's fields as typed. */
export interface DepartmentValues {
  number: string;
  name: string;
  address: string;
  units: Record<UnitType, string>;
  turnoverPercent: string;
}

export function emptyDepartment(): DepartmentValues {
  return {
    number: '',
    name: '',
    address: '',
    units: { family: '0', youth: '0', elderly: '0', alternative: '0' },
    turnoverPercent: '',
  };
}

export function departmentValues(department: Department): DepartmentValues {
  return {
    number: department.number,
    name: department.name,
    address: department.address ?? '',
    units: {
      family: String(department.units.family),
      youth: String(department.units.youth),
      elderly: String(department.units.elderly),
      alternative: String(department.units.alternative),
    },
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
    map[`units.${type}`] = { id: `${idPrefix}-units-${type}`, label: t(`housing.department.units.${type}`) };
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
    units[type] = readNumber(values.units[type], 'count', `units.${type}`, problems);
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

/** The department's own fields (number, name, address, unit counts, turnover). */
export function DepartmentFields({
  idPrefix,
  values,
  onChange,
  fieldMessage,
}: {
  idPrefix: string;
  values: DepartmentValues;
  onChange: (values: DepartmentValues) => void;
  fieldMessage: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (key: 'number' | 'name' | 'address' | 'turnoverPercent') => (value: string) =>
    onChange({ ...values, [key]: value });
  return (
    <>
      <TextField
        id={`${idPrefix}-number`}
        label={t('housing.department.number')}
        hint={t('housing.department.numberHint')}
        autoComplete="off"
        value={values.number}
        onChange={(event) => set('number')(event.target.value)}
        error={fieldMessage('number')}
        widthClass="input-width-xs"
      />
      <TextField
        id={`${idPrefix}-name`}
        label={t('housing.department.name')}
        autoComplete="off"
        value={values.name}
        onChange={(event) => set('name')(event.target.value)}
        error={fieldMessage('name')}
        widthClass="input-width-l"
      />
      <TextField
        id={`${idPrefix}-address`}
        label={t('housing.department.address')}
        autoComplete="off"
        value={values.address}
        onChange={(event) => set('address')(event.target.value)}
        error={fieldMessage('address')}
        widthClass="input-width-xl"
      />
      <fieldset className="mt-6">
        <legend className="form-label">{t('housing.department.unitsLegend')}</legend>
        <div className="row">
          {UNIT_TYPES.map((type) => (
            <div className="col-12 col-md-6" key={type}>
              <TextField
                id={`${idPrefix}-units-${type}`}
                label={t(`housing.department.units.${type}`)}
                inputMode="numeric"
                autoComplete="off"
                value={values.units[type]}
                onChange={(event) =>
                  onChange({ ...values, units: { ...values.units, [type]: event.target.value } })
                }
                error={fieldMessage(`units.${type}`)}
                widthClass="input-width-xs"
              />
            </div>
          ))}
        </div>
      </fieldset>
      <TextField
        id={`${idPrefix}-turnover`}
        label={t('housing.department.turnoverPercent')}
        hint={t('housing.department.turnoverHint')}
        inputMode="decimal"
        autoComplete="off"
        value={values.turnoverPercent}
        onChange={(event) => set('turnoverPercent')(event.target.value)}
        error={fieldMessage('turnoverPercent')}
        widthClass="input-width-xs"
      />
    </>
  );
}
