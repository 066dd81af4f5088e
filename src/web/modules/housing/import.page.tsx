import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/alert';
import { ErrorSummary } from '../../components/error-summary';
import { useFormProblems } from '../../components/form-problems';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { TableScroll } from '../../components/table-scroll';
import { describedBy } from '../../components/text-field';
import { i18n } from '../../i18n/index';
import { type ImportMode, type ImportProblem, type ImportReport, useImportDepartments } from './housing.api';

/**
 * The columns a department file may have (the server reads the same Danish headers), each with the
 * field the report names a problem by; the page shows the column.
 */
const COLUMNS = [
  { column: 'boligorganisation', field: 'organisation' },
  { column: 'afdelingsnummer', field: 'number' },
  { column: 'afdelingsnavn', field: 'name' },
  { column: 'adresse', field: 'address' },
  { column: 'familieboliger', field: 'family' },
  { column: 'ungdomsboliger', field: 'youth' },
  { column: 'ældreboliger', field: 'elderly' },
  { column: 'skæve_boliger', field: 'alternative' },
  { column: 'fraflytningsprocent', field: 'turnoverPercent' },
] as const;

const COLUMN_OF_FIELD = new Map<string, string>(COLUMNS.map((c) => [c.field, c.column]));

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function ColumnsSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="import-columns-heading">
      <h2 id="import-columns-heading">{t('housing.import.columns.heading')}</h2>
      <p>{t('housing.import.columns.intro')}</p>
      <TableScroll label={t('housing.import.columns.caption')}>
        <table className="table table--zebra table--compact">
          <caption className="sr-only">{t('housing.import.columns.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.columns.column')}</th>
              <th scope="col">{t('import.columns.content')}</th>
            </tr>
          </thead>
          <tbody>
            {COLUMNS.map(({ column, field }) => (
              <tr key={column}>
                <th scope="row">
                  <code>{column}</code>
                </th>
                <td>{t(`housing.import.columns.${field}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function problemText(t: ReturnType<typeof useTranslation>['t'], problem: ImportProblem): string {
  const key = `housing.import.problems.${problem.code}`;
  return i18n.exists(key) ? t(key) : t('importProblems.unknown', { code: problem.code });
}

function ProblemTable({ problems, caption }: { problems: ImportProblem[]; caption: string }) {
  const { t } = useTranslation();
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.problems.line')}</th>
            <th scope="col">{t('import.problems.field')}</th>
            <th scope="col">{t('import.problems.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((problem, index) => (
            // A line can have several problems in one field; the position keeps the keys apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole by each check.
            <tr key={`${problem.line}-${problem.field}-${problem.code}-${index}`}>
              <td>{problem.line === 0 ? t('import.problems.wholeFile') : problem.line}</td>
              <td>
                {problem.field && problem.field !== 'file' ? (
                  <code>{COLUMN_OF_FIELD.get(problem.field) ?? problem.field}</code>
                ) : (
                  <NoValue />
                )}
              </td>
              <td>{problemText(t, problem)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The rejected lines, once each. */
function rejectedLines(problems: ImportProblem[]): number[] {
  return [...new Set(problems.map((p) => p.line).filter((line) => line > 0))].sort((a, b) => a - b);
}

function CheckReport({
  report,
  onImport,
  busy,
}: {
  report: ImportReport;
  onImport: (mode: ImportMode) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const hasProblems = report.problems.length > 0;
  return (
    <section aria-labelledby="import-report-heading">
      <h2 id="import-report-heading" ref={heading} tabIndex={-1}>
        {t('import.report.heading')}
      </h2>
      <p>
        {t('import.report.rows', { count: report.rows })} {t('import.report.valid', { count: report.valid })}
      </p>
      {hasProblems ? (
        <>
          <Alert
            variant="warning"
            heading={t('import.report.problemsHeading', { count: report.problems.length })}
          >
            <p>{report.valid > 0 ? t('import.report.nothingImported') : t('import.report.noValidRows')}</p>
          </Alert>
          <ProblemTable problems={report.problems} caption={t('import.problems.caption')} />
        </>
      ) : (
        <Alert variant="success" heading={t('import.report.allValid')} />
      )}
      {report.valid > 0 ? (
        <div className="mt-5">
          {hasProblems ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => onImport('valid_only')}
              disabled={busy}
            >
              {t('import.report.importValidOnly', { count: report.valid })}
            </button>
          ) : (
            <button
              type="button"
              className="button button-primary"
              onClick={() => onImport('all')}
              disabled={busy}
            >
              {t('housing.import.importAll', { count: report.valid })}
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}

function ImportResult({ result }: { result: ImportReport }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const lines = rejectedLines(result.problems);
  const nothing = result.imported === 0;
  return (
    <Alert
      ref={ref}
      focusable
      variant={nothing ? 'warning' : 'success'}
      heading={t('housing.import.imported', { count: result.imported })}
    >
      {lines.length > 0 ? (
        <>
          <p>{t('import.result.rejected', { count: lines.length, lines: lines.join(', ') })}</p>
          <ProblemTable problems={result.problems} caption={t('import.result.rejectedCaption')} />
        </>
      ) : null}
      <p>
        <Link to="/boliger">{t('housing.import.toList')}</Link>
      </p>
    </Alert>
  );
}

/**
 * /boliger/import: check a CSV/XLSX list of departments row by row, then import all of it or only
 * its valid rows (as the citizens import does).
 */
export function HousingImportPage() {
  const { t } = useTranslation();
  const upload = useImportDepartments();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const form = useFormProblems('import', { file: { id: 'import-file', label: t('import.file') } });
  const fileError = form.fieldMessage('file');

  const onCheck = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (upload.isPending) return;
    setReport(null);
    setResult(null);
    if (!file) {
      form.report({ fields: [{ path: 'file', code: 'required' }], error: null });
      return;
    }
    upload.mutate(
      { file, mode: 'all', dryRun: true },
      {
        onSuccess: (checked) => {
          form.clear();
          setReport(checked);
        },
        onError: (error) => form.reportError(error),
      },
    );
  };

  const onImport = (mode: ImportMode) => {
    if (!file || upload.isPending) return;
    upload.mutate(
      { file, mode, dryRun: false },
      {
        onSuccess: (imported) => {
          form.clear();
          setReport(null);
          setResult(imported);
        },
        onError: (error) => form.reportError(error),
      },
    );
  };

  return (
    <Page title={t('housing.import.title')}>
      <p className="font-lead">{t('housing.import.intro')}</p>
      <ColumnsSection />
      <section aria-labelledby="import-file-heading">
        <h2 id="import-file-heading">{t('import.fileHeading')}</h2>
        {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
        <form onSubmit={onCheck} noValidate>
          <div className={fileError ? 'form-group form-error' : 'form-group'}>
            <label className="form-label" htmlFor="import-file">
              {t('import.file')}
            </label>
            <span className="form-hint" id="import-file-hint">
              {t('import.fileHint')}
            </span>
            {fileError ? (
              <span className="form-error-message" id="import-file-error">
                <span className="sr-only">{t('form.errorPrefix')} </span>
                {fileError}
              </span>
            ) : null}
            <input
              type="file"
              id="import-file"
              name="file"
              accept={ACCEPT}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={describedBy('import-file-hint', fileError ? 'import-file-error' : undefined)}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setReport(null);
                setResult(null);
              }}
            />
          </div>
          <div className="mt-5">
            <button type="submit" className="button button-secondary">
              {t('import.check')}
            </button>
          </div>
        </form>
        {upload.isPending ? <Loading text={t('import.working')} /> : null}
      </section>
      {report ? <CheckReport report={report} onImport={onImport} busy={upload.isPending} /> : null}
      {result ? <ImportResult result={result} /> : null}
    </Page>
  );
}
