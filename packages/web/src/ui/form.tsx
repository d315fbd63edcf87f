"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ComponentProps, ReactNode } from "react";
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

export function Field(props: { label: string; error?: { message?: string } | undefined; hint?: string; children: ReactNode }) {
  return (
    <label className={props.error ? "field field-invalid" : "field"}>
      <span className="field-label">{props.label}</span>
      {props.children}
      {props.hint && !props.error ? <span className="field-hint">{props.hint}</span> : null}
      {props.error?.message ? (
        <span className="field-error" role="alert">
          {props.error.message}
        </span>
      ) : null}
    </label>
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
