import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../api';
import { errorMessage, fieldErrorMessage } from '../i18n/errors';
import type { ErrorSummaryItem } from './error-summary';

/** What went wrong with the latest submit of a form. */
export interface FormProblems {
  /** Problems tied to a field. */
  fields: FieldError[];
  /** A problem with the form as a whole (wrong credentials, lockout, server error). */
  error: unknown;
}

/** How a form names its fields: request path → input id and visible label. */
export type FieldMap = Record<string, { id: string; label: string }>;

/** The result of {@link useFormProblems}. */
export interface FormProblemsState {
  /** `null` when the form has no problems to show. */
  problems: FormProblems | null;
  /** Shows the problems (a new object each submit, so the summary takes focus again). */
  report: (problems: FormProblems) => void;
  /** Turns a thrown error into problems: field errors of a 400 go to the fields, the rest to the form. */
  reportError: (error: unknown) => void;
  clear: () => void;
  /** The translated message for a field, if it has a problem. */
  fieldMessage: (path: string) => string | undefined;
  /** Everything for the error summary, in field order. */
  summaryItems: ErrorSummaryItem[];
}

/**
 * Keeps a form's problems as codes (not text), so they are translated when rendered and follow a
 * language switch.
 */
export function useFormProblems(formKey: string, fieldMap: FieldMap): FormProblemsState {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<FormProblems | null>(null);

  const report = useCallback((next: FormProblems) => setProblems({ ...next }), []);
  const clear = useCallback(() => setProblems(null), []);
  const reportError = useCallback((error: unknown) => {
    if (error instanceof ApiError && error.fields.length > 0) {
      setProblems({ fields: error.fields, error: null });
      return;
    }
    setProblems({ fields: [], error });
  }, []);

  const messageFor = (field: FieldError): string =>
    fieldErrorMessage(
      t,
      formKey,
      field.path,
      field.code,
      fieldMap[field.path]?.label ?? field.path,
      field.params,
    );

  const fieldMessage = (path: string): string | undefined => {
    const field = problems?.fields.find((f) => f.path === path);
    return field ? messageFor(field) : undefined;
  };

  const summaryItems: ErrorSummaryItem[] = [];
  if (problems?.error) summaryItems.push({ message: errorMessage(t, problems.error) });
  if (problems) {
    const order = Object.keys(fieldMap);
    const sorted = [...problems.fields].sort((a, b) => {
      const ia = order.indexOf(a.path);
      const ib = order.indexOf(b.path);
      return (ia === -1 ? order.length : ia) - (ib === -1 ? order.length : ib);
    });
    const seen = new Set<string>();
    for (const field of sorted) {
      if (seen.has(field.path)) continue;
      seen.add(field.path);
      summaryItems.push({ message: messageFor(field), fieldId: fieldMap[field.path]?.id });
    }
  }

  return { problems, report, reportError, clear, fieldMessage, summaryItems };
}
