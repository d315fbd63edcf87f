"use client";
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from "react";

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  /** The button that goes ahead, naming the action ("Cancel order"). */
  confirmLabel: string;
  cancelLabel?: string;
}

/**
 * Asks before a destructive action: `await confirm({...})` is true only if the person
 * pressed the confirm button. Render `dialog` anywhere in the component.
 */
export function useConfirm() {
  const [request, setRequest] = useState<{ options: ConfirmOptions; resolve: (ok: boolean) => void } | null>(null);
  const confirm = useCallback((options: ConfirmOptions) => new Promise<boolean>((resolve) => setRequest({ options, resolve })), []);
  const dialog = request ? (
    <ConfirmDialog
      {...request.options}
      onClose={(ok) => {
        request.resolve(ok);
        setRequest(null);
      }}
    />
  ) : null;
  return { confirm, dialog };
}

/**
 * A native modal <dialog>: the browser traps focus inside and Escape cancels. Focus
 * starts on the safe choice and goes back to whatever opened the dialog.
 */
function ConfirmDialog({ title, message, confirmLabel, cancelLabel = "Go back", onClose }: ConfirmOptions & { onClose: (ok: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const safe = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const messageId = useId();
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    dialog?.showModal();
    safe.current?.focus();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(event) => {
        event.preventDefault();
        onClose(false);
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={messageId}>{message}</div>
      <div className="row confirm-dialog-actions">
        <button ref={safe} type="button" className="button" onClick={() => onClose(false)}>
          {cancelLabel}
        </button>
        <button type="button" className="button button-danger" onClick={() => onClose(true)}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
