"use client";
import { Field } from "@shop/web/ui";
import { useId } from "react";
import { type FieldErrors, type UseFormReturn, useFieldArray } from "react-hook-form";

interface OptionRowsValues {
  options: { name: string; value: string }[];
}

/**
 * A variant's options, one row per option with a name and a value, each labelled
 * ("Option 2 value") and showing its own error; rows are added and removed with
 * buttons. `formId` ties the inputs to a form they do not sit in (a table row's).
 * `label` names the group, so two editors on one page are told apart.
 */
export function OptionRows<T extends OptionRowsValues>({ form: typedForm, formId, label, disabled }: { form: UseFormReturn<T, unknown, unknown>; formId?: string; label: string; disabled?: boolean }) {
  // The form's other fields do not matter here; react-hook-form's path types cannot see that through T.
  const form = typedForm as unknown as UseFormReturn<OptionRowsValues, unknown, unknown>;
  const rows = useFieldArray({ control: form.control, name: "options" });
  const legendId = useId();
  const errors = form.formState.errors.options as (FieldErrors<OptionRowsValues>["options"] & { message?: string }) | undefined;
  return (
    <fieldset className="stack option-rows" aria-labelledby={legendId}>
      <legend id={legendId}>{label}</legend>
      {rows.fields.length ? null : <p className="muted">No options.</p>}
      {rows.fields.map((row, index) => (
        <div className="field-row" key={row.id}>
          <Field label={`Option ${index + 1} name`} error={errors?.[index]?.name}>
            <input form={formId} className="input-narrow" placeholder="Size" disabled={disabled} {...form.register(`options.${index}.name`)} />
          </Field>
          <Field label={`Option ${index + 1} value`} error={errors?.[index]?.value}>
            <input form={formId} className="input-narrow" placeholder="M" disabled={disabled} {...form.register(`options.${index}.value`)} />
          </Field>
          {disabled ? null : (
            <button type="button" className="button option-rows-remove" aria-label={`Remove option ${index + 1}`} onClick={() => rows.remove(index)}>
              Remove
            </button>
          )}
        </div>
      ))}
      {errors?.message ? (
        <span className="field-error" role="alert">
          {errors.message}
        </span>
      ) : null}
      {disabled ? null : (
        <div>
          <button type="button" className="button" onClick={() => rows.append({ name: "", value: "" })}>
            Add option
          </button>
        </div>
      )}
    </fieldset>
  );
}
