import { type ImportColumn, ImportFlow, type ImportTexts } from '../../components/import-flow';
import { TASKS_KEY } from '../tasks';
import { HOUSING_KEY } from './housing.api';

/**
 * The columns a department file may have (the server reads the same Danish headers), each with the
 * field the report names a problem by; the page shows the column.
 */
const COLUMNS: readonly ImportColumn[] = [
  { column: 'boligorganisation', field: 'organisation' },
  { column: 'afdelingsnummer', field: 'number' },
  { column: 'afdelingsnavn', field: 'name' },
  { column: 'adresse', field: 'address' },
  { column: 'familieboliger', field: 'family' },
  { column: 'ungdomsboliger', field: 'youth' },
  { column: 'ældreboliger', field: 'elderly' },
  { column: 'skæve_boliger', field: 'alternative' },
  { column: 'fraflytningsprocent', field: 'turnoverPercent' },
];

const TEXTS: ImportTexts = {
  title: 'housing.import.title',
  intro: 'housing.import.intro',
  columns: 'housing.import.columns',
  problems: 'housing.import.problems',
  importAll: 'housing.import.importAll',
  imported: 'housing.import.imported',
  toList: 'housing.import.toList',
};

/** Every housing query, and the tasks a department may bring. */
const INVALIDATE = [HOUSING_KEY, TASKS_KEY];

/**
 * /boliger/import: check a CSV/XLSX list of departments row by row, then import all of it or only
 * its valid rows (as the citizens import does).
 */
export function HousingImportPage() {
  return (
    <ImportFlow
      endpoint="/api/housing/departments/import"
      invalidate={INVALIDATE}
      columns={COLUMNS}
      texts={TEXTS}
      listPath="/boliger"
    />
  );
}
