import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportMode, ImportReport } from '../shared/import';
import { api } from './api';

export type { ImportMode, ImportProblem, ImportReport } from '../shared/import';

/** What {@link useImportFile} sends. */
export interface ImportFileInput {
  file: File;
  mode: ImportMode;
  /** Only check the file; nothing is imported. */
  dryRun: boolean;
}

/**
 * POST of a CSV/XLSX file to a multipart import endpoint (e.g. /api/citizens/import): a dry run
 * checks the file, otherwise it imports. After a real import the queries under `invalidate` are
 * refreshed.
 */
export function useImportFile(endpoint: string, invalidate: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mode, dryRun }: ImportFileInput) => {
      // The fields go before the file: a streaming multipart reader sees only fields sent ahead of it.
      const form = new FormData();
      form.append('mode', mode);
      form.append('dryRun', String(dryRun));
      form.append('file', file, file.name);
      return api.upload<ImportReport>(endpoint, form);
    },
    onSuccess: async (_report, variables) => {
      if (variables.dryRun) return;
      await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
