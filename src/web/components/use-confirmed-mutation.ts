import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { settle } from '../api';

/**
 * A destructive act confirmed before it runs: `ask(input)` opens the dialog with what was typed
 * (`pending`, for its text); confirming runs the mutation once, and either way the dialog closes.
 * Spread `dialog` on a {@link ConfirmDialog}.
 */
export function useConfirmedMutation<I, O>(
  mutation: UseMutationResult<O, Error, I>,
  handlers: { onSuccess: (output: O) => void; onError: (error: unknown) => void },
) {
  const [pending, setPending] = useState<I | null>(null);
  const onConfirm = () => {
    if (pending === null || mutation.isPending) return;
    settle(mutation, pending, {
      onSuccess: (output) => {
        setPending(null);
        handlers.onSuccess(output);
      },
      onError: (error) => {
        setPending(null);
        handlers.onError(error);
      },
    });
  };
  return {
    pending,
    ask: (input: I) => setPending(() => input),
    dialog: { open: pending !== null, onConfirm, onCancel: () => setPending(null), busy: mutation.isPending },
  };
}
