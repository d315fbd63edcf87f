"use client";
import type { SettingKey, Settings } from "@shop/api/schemas";
import { applyServerErrors, Field, FormError, SubmitButton, useZodForm } from "@shop/web/ui";
import { useState } from "react";
import type { FieldError, FieldErrors } from "react-hook-form";
import { api } from "~/trpc/react";
import { settingEditors, settingFormSchema, toFormValues } from "./setting-value";

/** The first message in a field's errors, however deep (a list's error sits on one of its items). */
function firstError(error: FieldErrors | FieldError | undefined): { message?: string } | undefined {
  if (!error) return undefined;
  if (typeof error.message === "string") return error as FieldError;
  for (const nested of Object.values(error)) {
    const found = nested && typeof nested === "object" ? firstError(nested as FieldErrors) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Edits one setting with the field its kind needs; "Reset" puts it back to the default. */
export function SettingForm({ settingKey, settings }: { settingKey: SettingKey; settings: Settings }) {
  const utils = api.useUtils();
  const set = api.admin.settings.set.useMutation({ onSuccess: () => utils.admin.settings.list.invalidate() });
  const remove = api.admin.settings.delete.useMutation({ onSuccess: () => utils.admin.settings.list.invalidate() });
  const [saved, setSaved] = useState(false);
  const { label, hint, editor } = settingEditors[settingKey];
  const form = useZodForm(settingFormSchema(settingKey), { values: toFormValues(settingKey, settings[settingKey]) });
  const errors = form.formState.errors as FieldErrors<{ value: string | Record<string, string> }>;

  const submit = form.handleSubmit(async ({ value }) => {
    setSaved(false);
    try {
      await set.mutateAsync({ key: settingKey, value: value as never });
      setSaved(true);
    } catch (error) {
      applyServerErrors(form, error);
    }
  });

  // Amounts: one field per currency sold in, plus any other the setting already holds.
  const amountCurrencies = [...new Set([...settings["store.currencies"], ...Object.keys(toFormValues(settingKey, settings[settingKey]).value)])];
  const register = (name: string) => form.register(name as "value");
  const fields =
    editor === "amounts" ? (
      <div className="field-row">
        {amountCurrencies.map((currency) => (
          <Field key={currency} label={currency} error={firstError((errors.value as FieldErrors | undefined)?.[currency] as FieldError | undefined)}>
            <input inputMode="decimal" aria-label={`${label} in ${currency}`} {...register(`value.${currency}`)} />
          </Field>
        ))}
      </div>
    ) : (
      <Field label={label} error={firstError(errors.value)} hint={hint}>
        {editor === "currency" ? (
          <select {...register("value")}>
            {settings["store.currencies"].map((currency) => (
              <option key={currency} value={currency}>
                {currency}
              </option>
            ))}
          </select>
        ) : editor === "json" ? (
          <textarea rows={8} spellCheck={false} {...register("value")} />
        ) : (
          <input inputMode={editor === "number" ? "decimal" : undefined} {...register("value")} />
        )}
      </Field>
    );

  return (
    <form className="card stack admin-form setting-form" onSubmit={submit} noValidate aria-label={`Setting ${label}`}>
      {editor === "amounts" ? (
        <div>
          <h3>{label}</h3>
          <p className="muted">{hint}</p>
          {/* A rule about the whole map (a currency sold in without an amount) sits on `value` itself. */}
          {errors.value?.message ? (
            <p className="form-error" role="alert">
              {errors.value.message}
            </p>
          ) : null}
        </div>
      ) : null}
      {fields}
      <p className="muted">
        <code>{settingKey}</code>
      </p>
      <FormError error={remove.error} />
      <div className="row">
        <SubmitButton pending={form.formState.isSubmitting} aria-label={`Save ${settingKey}`}>
          Save
        </SubmitButton>
        <button type="button" className="button" aria-label={`Reset ${settingKey}`} disabled={remove.isPending} onClick={() => remove.mutate({ key: settingKey })}>
          Reset to default
        </button>
        {saved && !form.formState.isDirty ? (
          <span className="status-ok" role="status">
            Saved
          </span>
        ) : null}
      </div>
    </form>
  );
}
