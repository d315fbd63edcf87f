"use client";
import { useId, useRef, type ReactNode } from "react";

/**
 * A button for a destructive action that asks first, in a native modal <dialog>: the
 * browser keeps focus inside it and closes it on Escape. Cancel has focus when it
 * opens (the safe choice for Enter), and focus returns to the button afterwards.
 */
export function ConfirmButton(props: {
  /** The button's text, e.g. "Clear cart". */
  children: ReactNode;
  /** The question, e.g. "Clear your cart?" (the dialog's name). */
  title: string;
  /** What happens, e.g. "All 3 items are removed." (the dialog's description). */
  description: ReactNode;
  /** The confirming button's text (defaults to the button's). */
  confirmLabel?: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();

  const open = () => {
    dialog.current?.showModal();
    cancel.current?.focus();
  };
  const close = () => dialog.current?.close();

  return (
    <>
      <button ref={trigger} type="button" className={props.className ?? "button button-danger"} onClick={open} disabled={props.disabled}>
        {props.children}
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-description`} onClose={() => trigger.current?.focus()}>
        <h2 id={`${id}-title`} className="confirm-dialog-title">
          {props.title}
        </h2>
        <div id={`${id}-description`}>{props.description}</div>
        <div className="row confirm-dialog-actions">
          <button ref={cancel} type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              close();
              props.onConfirm();
            }}
          >
            {props.confirmLabel ?? props.children}
          </button>
        </div>
      </dialog>
    </>
  );
}
