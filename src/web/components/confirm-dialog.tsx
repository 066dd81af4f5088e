import { type ReactNode, useEffect, useId, useRef } from 'react';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  open: boolean;
  heading: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  /** Called on the cancel button, Escape, or any other close. */
  onCancel: () => void;
  /** Disables the buttons while the confirmed action runs. */
  busy?: boolean;
}

/**
 * A confirmation in a native modal `<dialog>` with DKFDS modal markup: the browser traps focus,
 * closes on Escape and gives focus back to the button that opened it.
 */
export function ConfirmDialog({
  open,
  heading,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  busy,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="fds-modal hjemvej-dialog" aria-labelledby={headingId} onClose={onCancel}>
      <div className="modal-content">
        <div className="modal-header">
          <h2 className="modal-title" id={headingId}>
            {heading}
          </h2>
        </div>
        <div className="modal-body">{children}</div>
        <div className="modal-footer">
          <button type="button" className="button button-primary" onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
