import { type ImportColumn, ImportFlow, type ImportTexts } from '../../components/import-flow';
import { TASKS_KEY } from '../tasks';
import { CITIZENS_KEY } from './citizens.api';

/**
 * The columns an import file may have (the server reads the same Danish headers), each with the
 * request field it fills; the report names problems by field, the page shows the column.
 */
const COLUMNS: readonly ImportColumn[] = [
  { column: 'cpr', field: 'cpr' },
  { column: 'fødselsdato', field: 'birthDate' },
  { column: 'køn', field: 'sex' },
  { column: 'initialer', field: 'initials' },
  { column: 'fornavn', field: 'givenName' },
  { column: 'efternavn', field: 'familyName' },
  { column: 'telefon', field: 'phone' },
  { column: 'email', field: 'email' },
  { column: 'adresse', field: 'address' },
  { column: 'handlekommune', field: 'handlekommune' },
  { column: 'opholdssted', field: 'situation' },
  { column: 'fra_dato', field: 'fromDate' },
  { column: 'løsladelsesdato', field: 'releaseDate' },
  { column: 'boligløsning', field: 'housingSolution' },
  { column: 'kontrakt', field: 'hasContract' },
  { column: 'pga_hjemløshed', field: 'becauseOfHomelessness' },
];

const TEXTS: ImportTexts = {
  title: 'import.title',
  intro: 'import.intro',
  columns: 'import.columns',
  problems: 'importProblems',
  importAll: 'import.report.importAll',
  imported: 'import.result.imported',
  toList: 'import.result.toList',
};

/** A real import changes the list and may add tasks. */
const INVALIDATE = [CITIZENS_KEY, TASKS_KEY];

/** /borgere/import: check a CSV/XLSX list row by row, then import all of it or only its valid rows. */
export function ImportPage() {
  return (
    <ImportFlow
      endpoint="/api/citizens/import"
      invalidate={INVALIDATE}
      columns={COLUMNS}
      texts={TEXTS}
      listPath="/borgere"
      backLink={{ to: '/borgere', text: 'citizen.backToList' }}
    />
  );
}
