import { type ImportColumn, ImportFlow, type ImportTexts } from '../../components/import-flow';
import { CITIZENS_KEY } from '../citizens';
import { TASKS_KEY } from '../tasks';
import { PARTNER_KEY, PREVENTION_KEY } from './prevention.api';

/**
 * The columns a list of notices may have (the server reads the same Danish headers), each with the
 * field the report names a problem by; the page shows the column.
 */
const COLUMNS: readonly ImportColumn[] = [
  { column: 'kilde', field: 'source' },
  { column: 'modtaget', field: 'receivedOn' },
  { column: 'cpr', field: 'tenantCpr' },
  { column: 'navn', field: 'tenantName' },
  { column: 'adresse', field: 'address' },
  { column: 'afdeling', field: 'departmentId' },
  { column: 'restance', field: 'arrearsAmount' },
  { column: 'maaneder', field: 'arrearsMonths' },
  { column: 'paakrav', field: 'paakravOn' },
  { column: 'ophaevelse', field: 'terminationOn' },
  { column: 'fogedsag', field: 'bailiffFiledOn' },
  { column: 'udsaettelse', field: 'evictionDate' },
  { column: 'boern', field: 'childrenUnder18' },
];

const TEXTS: ImportTexts = {
  title: 'evictionImport.title',
  intro: 'evictionImport.intro',
  columns: 'evictionImport.columns',
  problems: 'evictionImport.problems',
  importAll: 'evictionImport.importAll',
  imported: 'evictionImport.imported',
  toList: 'evictionImport.toList',
};

/** The inbox and reports, the partner's list, citizens created from CPR numbers, and the § 5 a tasks. */
const INVALIDATE = [PREVENTION_KEY, PARTNER_KEY, CITIZENS_KEY, TASKS_KEY];

/**
 * /udsaettelser/import: check a CSV/XLSX list of notices (a landlord's or the bailiff's court's)
 * row by row, then import all of it or only its valid rows. Lines already imported are skipped.
 */
export function EvictionImportPage() {
  return (
    <ImportFlow
      endpoint="/api/prevention/notices/import"
      invalidate={INVALIDATE}
      columns={COLUMNS}
      texts={TEXTS}
      listPath="/udsaettelser"
      backLink={{ to: '/udsaettelser', text: 'evictionCases.backToInbox' }}
    />
  );
}
