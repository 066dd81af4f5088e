import type { QueryKey } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { i18n } from '../i18n/index';
import { type ImportMode, type ImportProblem, type ImportReport, useImportFile } from '../import.api';
import { Alert } from './alert';
import { ErrorSummary } from './error-summary';
import { FileField } from './file-field';
import { Loading } from './loading';
import { NoValue } from './no-value';
import { Page } from './page';
import { TableScroll } from './table-scroll';
import { useForm } from './use-form';

/**
 * A column an import file may have (the server reads the same Danish headers), with the field the
 * report names a problem in it by; the page shows the column.
 */
export interface ImportColumn {
  column: string;
  field: string;
}

/**
 * The i18n keys of the texts that differ between imports. The steps themselves (file field, check,
 * report, problem table, result) share the keys under `import.*`.
 */
export interface ImportTexts {
  /** The h1. */
  title: string;
  /** The lead paragraph. */
  intro: string;
  /** Prefix of the columns section: `.heading`, `.intro`, `.caption` and `.<field>` per column. */
  columns: string;
  /** Prefix of the problem codes (`.<code>`); an unknown code shows `importProblems.unknown`. */
  problems: string;
  /** The button when every row is valid (plural, `count`). */
  importAll: string;
  /** The result's heading (plural, `count`). */
  imported: string;
  /** The result's link to the list. */
  toList: string;
}

/** Props of {@link ImportFlow}. */
export interface ImportFlowProps {
  /** The multipart import endpoint, e.g. `/api/citizens/import`. */
  endpoint: string;
  /** The queries a real import makes stale. */
  invalidate: readonly QueryKey[];
  columns: readonly ImportColumn[];
  texts: ImportTexts;
  /** Where the imported rows are listed; the result links there. */
  listPath: string;
  /** A link back to the list under the lead paragraph, its text an i18n key. */
  backLink?: { to: string; text: string };
}

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type T = ReturnType<typeof useTranslation>['t'];

/** What the problem table needs to name a problem's column and reason. */
interface ProblemNames {
  columnOfField: ReadonlyMap<string, string>;
  problemsKey: string;
}

function ColumnsSection({ columns, prefix }: { columns: readonly ImportColumn[]; prefix: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="import-columns-heading">
      <h2 id="import-columns-heading">{t(`${prefix}.heading`)}</h2>
      <p>{t(`${prefix}.intro`)}</p>
      <TableScroll label={t(`${prefix}.caption`)}>
        <table className="table table--zebra table--compact">
          <caption className="sr-only">{t(`${prefix}.caption`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.columns.column')}</th>
              <th scope="col">{t('import.columns.content')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map(({ column, field }) => (
              <tr key={column}>
                <th scope="row">
                  <code>{column}</code>
                </th>
                <td>{t(`${prefix}.${field}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/**
 * A problem's reason: an empty cell says "Mangler" and names its column (the same in every import);
 * any other code is the import's own text.
 */
function problemText(t: T, names: ProblemNames, problem: ImportProblem): string {
  if (problem.code === 'required' && problem.field && problem.field !== 'file')
    return t('import.problems.missing', { column: names.columnOfField.get(problem.field) ?? problem.field });
  const key = `${names.problemsKey}.${problem.code}`;
  return i18n.exists(key) ? t(key) : t('importProblems.unknown', { code: problem.code });
}

function ProblemTable({
  problems,
  caption,
  names,
}: {
  problems: ImportProblem[];
  caption: string;
  names: ProblemNames;
}) {
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
            <th scope="col">{t('import.problems.value')}</th>
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
                  <code>{names.columnOfField.get(problem.field) ?? problem.field}</code>
                ) : (
                  <NoValue />
                )}
              </td>
              <td>{problem.value !== undefined ? <code>{problem.value}</code> : null}</td>
              <td>
                {problemText(t, names, problem)}
                {problem.allowed && problem.allowed.length > 0 ? (
                  <>
                    {' '}
                    <span className="d-block">
                      {t('import.problems.allowed', { values: problem.allowed.join(', ') })}
                    </span>
                  </>
                ) : null}
                {problem.expected ? (
                  <>
                    {' '}
                    <span className="d-block">{t(`import.expected.${problem.expected}`)}</span>
                  </>
                ) : null}
              </td>
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
  names,
  importAllKey,
}: {
  report: ImportReport;
  onImport: (mode: ImportMode) => void;
  busy: boolean;
  names: ProblemNames;
  importAllKey: string;
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
          <ProblemTable problems={report.problems} caption={t('import.problems.caption')} names={names} />
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
              {t(importAllKey, { count: report.valid })}
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}

function ImportResult({
  result,
  names,
  importedKey,
  toList,
}: {
  result: ImportReport;
  names: ProblemNames;
  importedKey: string;
  toList: { to: string; text: string };
}) {
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
      heading={t(importedKey, { count: result.imported })}
    >
      {lines.length > 0 ? (
        <>
          <p>{t('import.result.rejected', { count: lines.length, lines: lines.join(', ') })}</p>
          <ProblemTable
            problems={result.problems}
            caption={t('import.result.rejectedCaption')}
            names={names}
          />
        </>
      ) : null}
      <p>
        <Link to={toList.to}>{t(toList.text)}</Link>
      </p>
    </Alert>
  );
}

/**
 * A whole import page: the file's columns, the file field, a dry-run check of the file row by row,
 * its report with the problems by line and column, then an import of all of it or only its valid
 * rows, and the result. The citizens and the housing import are this page with other texts.
 */
export function ImportFlow({ endpoint, invalidate, columns, texts, listPath, backLink }: ImportFlowProps) {
  const { t } = useTranslation();
  const upload = useImportFile(endpoint, invalidate);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const form = useForm<{ file: File | null }>({
    formKey: 'import',
    initial: { file: null },
    fields: { file: { id: 'import-file', label: t('import.file') } },
  });
  const file = form.values.file;
  const names: ProblemNames = {
    columnOfField: new Map(columns.map((c) => [c.field, c.column])),
    problemsKey: texts.problems,
  };

  const onCheck = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (upload.isPending) return;
    setReport(null);
    setResult(null);
    if (form.failed(file ? [] : [{ path: 'file', code: 'required' }]) || !file) return;
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
    <Page title={t(texts.title)}>
      <p className="font-lead">{t(texts.intro)}</p>
      {backLink ? (
        <p>
          <Link to={backLink.to}>{t(backLink.text)}</Link>
        </p>
      ) : null}
      <ColumnsSection columns={columns} prefix={texts.columns} />
      <section aria-labelledby="import-file-heading">
        <h2 id="import-file-heading">{t('import.fileHeading')}</h2>
        {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
        <form onSubmit={onCheck} noValidate>
          <FileField
            {...form.file('file', {
              onChanged: () => {
                setReport(null);
                setResult(null);
              },
            })}
            hint={t('import.fileHint')}
            accept={ACCEPT}
          />
          <div className="mt-5">
            <button type="submit" className="button button-secondary">
              {t('import.check')}
            </button>
          </div>
        </form>
        {upload.isPending ? <Loading text={t('import.working')} /> : null}
      </section>
      {report ? (
        <CheckReport
          report={report}
          onImport={onImport}
          busy={upload.isPending}
          names={names}
          importAllKey={texts.importAll}
        />
      ) : null}
      {result ? (
        <ImportResult
          result={result}
          names={names}
          importedKey={texts.imported}
          toList={{ to: listPath, text: texts.toList }}
        />
      ) : null}
    </Page>
  );
}
