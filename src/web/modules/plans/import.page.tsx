import { type ImportColumn, ImportFlow, type ImportTexts } from '../../components/import-flow';
import { TASKS_KEY } from '../tasks';
import { PLANS_KEY } from './plans.api';

/** The columns of the benefits office's list (the server reads the same Danish headers). */
const COLUMNS: readonly ImportColumn[] = [
  { column: 'cpr', field: 'cpr' },
  { column: 'type', field: 'kind' },
  { column: 'dato', field: 'effectiveOn' },
  { column: 'bemaerkning', field: 'note' },
];

const TEXTS: ImportTexts = {
  title: 'sanctionsImport.title',
  intro: 'sanctionsImport.intro',
  columns: 'sanctionsImport.columns',
  problems: 'sanctionsImport.problems',
  importAll: 'sanctionsImport.importAll',
  imported: 'sanctionsImport.imported',
  toList: 'sanctionsImport.toList',
};

/**
 * /planer/sanktioner/import: check the benefits office's CSV/XLSX list of sanctions and stops row by
 * row (CPR known, type, date), then import all of it; a bad row means nothing is saved.
 */
export function SanctionsImportPage() {
  return (
    <ImportFlow
      endpoint="/api/plans/sanctions/import"
      invalidate={[PLANS_KEY, TASKS_KEY]}
      columns={COLUMNS}
      texts={TEXTS}
      listPath="/planer/sanktioner"
      backLink={{ to: '/planer/sanktioner', text: 'sanctionsImport.back' }}
    />
  );
}
