import { type ImportColumn, ImportFlow, type ImportTexts } from '../../components/import-flow';
import { HOUSING_KEY } from '../housing';
import { TASKS_KEY } from '../tasks';
import { ALLOCATION_KEY, PARTNER_KEY } from './vacancies.api';

/**
 * The columns a vacancy file may have (the server reads the same Danish headers), each with the
 * field the report names a problem by; the page shows the column.
 */
const COLUMNS: readonly ImportColumn[] = [
  { column: 'afdeling', field: 'departmentId' },
  { column: 'organisation', field: 'organisation' },
  { column: 'adresse', field: 'address' },
  { column: 'type', field: 'unitType' },
  { column: 'vaerelser', field: 'rooms' },
  { column: 'm2', field: 'areaM2' },
  { column: 'husleje', field: 'rent' },
  { column: 'aconto', field: 'utilities' },
  { column: 'depositum', field: 'deposit' },
  { column: 'tilgaengelig', field: 'accessible' },
  { column: 'ledig_fra', field: 'availableOn' },
  { column: 'oprindelse', field: 'origin' },
  { column: 'frist', field: 'deadlineOn' },
];

const TEXTS: ImportTexts = {
  title: 'vacancies.import.title',
  intro: 'vacancies.import.intro',
  columns: 'vacancies.import.columns',
  problems: 'vacancies.import.problems',
  importAll: 'vacancies.import.importAll',
  imported: 'vacancies.import.imported',
  toList: 'vacancies.import.toList',
};

/** The vacancy lists, the dialogue report's received units and the tasks a vacancy may bring. */
const INVALIDATE = [ALLOCATION_KEY, PARTNER_KEY, HOUSING_KEY, TASKS_KEY];

/**
 * /anvisning/boliger/import: check a CSV/XLSX list of vacant units row by row, then import all of it
 * or only its valid rows (as the citizens and housing imports do).
 */
export function VacancyImportPage() {
  return (
    <ImportFlow
      endpoint="/api/allocation/vacancies/import"
      invalidate={INVALIDATE}
      columns={COLUMNS}
      texts={TEXTS}
      listPath="/anvisning/boliger"
      backLink={{ to: '/anvisning/boliger', text: 'vacancies.backToList' }}
    />
  );
}
