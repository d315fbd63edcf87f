"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { cloneElement, isValidElement, useId, type ComponentProps, type ReactNode } from "react";
import { useForm, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { errorMessage, serverFieldErrors } from "./errors";

/**
 * react-hook-form validated by the API's own zod schema (`@shop/api/schemas`): the
 * form refuses exactly what the procedure would.
 */
export function useZodForm<TSchema extends z.ZodType<FieldValues, FieldValues>>(
  schema: TSchema,
  options?: Omit<UseFormProps<z.input<TSchema>, unknown, z.output<TSchema>>, "resolver">,
): UseFormReturn<z.input<TSchema>, unknown, z.output<TSchema>> {
  return useForm<z.input<TSchema>, unknown, z.output<TSchema>>({ ...options, resolver: zodResolver(schema) as never });
}

/** Puts a failed mutation's field errors on the form's fields, so they show where they belong. */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, error: unknown): void {
  for (const [field, messages] of Object.entries(serverFieldErrors(error))) {
    form.setError(field as Path<T>, { type: "server", message: messages.join(", ") });
  }
}

interface ControlProps {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

/**
 * A labelled form control with its hint or error. The error sits outside the <label>
 * (inside, it would become part of the field's accessible name) and is tied to the
 * control with aria-describedby, and the control is marked aria-invalid.
 */
export function Field(props: { label: string; error?: { message?: string } | undefined; hint?: string; children: ReactNode }) {
  const id = useId();
  const message = props.error?.message;
  const hint = props.hint && !message ? props.hint : undefined;
  const control = isValidElement<ControlProps>(props.children) ? props.children : null;
  const controlId = control?.props.id ?? `${id}control`;
  const describedBy = [control?.props["aria-describedby"], hint ? `${id}hint` : null, message ? `${id}error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={message ? "field field-invalid" : "field"}>
      {control ? (
        <>
          <label className="field-label" htmlFor={controlId}>
            {props.label}
          </label>
          {cloneElement(control, { id: controlId, "aria-describedby": describedBy, "aria-invalid": message ? true : undefined })}
        </>
      ) : (
        <label className="field">
          <span className="field-label">{props.label}</span>
          {props.children}
        </label>
      )}
      {hint ? (
        <span className="field-hint" id={`${id}hint`}>
          {hint}
        </span>
      ) : null}
      {message ? (
        <span className="field-error" id={`${id}error`} role="alert">
          {message}
        </span>
      ) : null}
    </div>
  );
}

export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {errorMessage(error)}
    </p>
  );
}

export function SubmitButton({ pending, children, ...rest }: ComponentProps<"button"> & { pending: boolean }) {
  return (
    <button type="submit" className="button button-primary" disabled={pending || rest.disabled} {...rest}>
      {pending ? "Working…" : children}
    </button>
  );
}
