"use client";
import { applyServerErrors, Field, FormError, SubmitButton, useZodForm } from "@shop/web/ui";
import { useState } from "react";
import { api } from "~/trpc/react";
import { settingFormSchema, settingTypes, toText, typeOf } from "./setting-value";

/**
 * Edits one stored setting (its type fixed by its value), or, without `setting`, adds
 * one: key, type and value.
 */
export function SettingForm({ setting }: { setting?: { key: string; value: unknown } }) {
  const utils = api.useUtils();
  const set = api.admin.settings.set.useMutation({ onSuccess: () => utils.admin.settings.list.invalidate() });
  const remove = api.admin.settings.delete.useMutation({ onSuccess: () => utils.admin.settings.list.invalidate() });
  const [saved, setSaved] = useState(false);
  const blank = { key: "", type: "STRING" as const, text: "" };
  const form = useZodForm(settingFormSchema, { values: setting ? { key: setting.key, type: typeOf(setting.value), text: toText(setting.value) } : blank });
  const errors = form.formState.errors;
  const type = form.watch("type");

  const submit = form.handleSubmit(async (values) => {
    setSaved(false);
    try {
      await set.mutateAsync(values);
      if (setting) setSaved(true);
      else form.reset(blank);
    } catch (error) {
      applyServerErrors(form, error);
    }
  });

  const valueInput =
    type === "BOOLEAN" ? (
      <select {...form.register("text")}>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    ) : type === "JSON" ? (
      <textarea className="code" {...form.register("text")} />
    ) : (
      <input inputMode={type === "NUMBER" ? "decimal" : undefined} {...form.register("text")} />
    );

  return (
    <form className="card stack admin-form setting-form" onSubmit={submit} noValidate aria-label={setting ? `Setting ${setting.key}` : "Add a setting"}>
      {setting ? null : (
        <div className="field-row">
          <Field label="Key" error={errors.key} hint="dotted camelCase, e.g. shipping.flatRate">
            <input {...form.register("key")} />
          </Field>
          <Field label="Type" error={errors.type}>
            {/* A boolean's select shows "true" first, so that is its starting value. */}
            <select {...form.register("type", { onChange: (event: { target: { value: string } }) => event.target.value === "BOOLEAN" && form.setValue("text", "true") })}>
              {settingTypes.map((option) => (
                <option key={option} value={option}>
                  {option.toLowerCase()}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
      <Field label={setting ? setting.key : "Value"} error={errors.text ?? (setting ? errors.key : undefined)} hint={setting ? `${type.toLowerCase()} value` : undefined}>
        {valueInput}
      </Field>
      <FormError error={set.error ?? remove.error} />
      <div className="row">
        <SubmitButton pending={form.formState.isSubmitting} aria-label={setting ? `Save ${setting.key}` : undefined}>
          {setting ? "Save" : "Add setting"}
        </SubmitButton>
        {setting ? (
          <button type="button" className="button button-danger" aria-label={`Delete ${setting.key}`} disabled={remove.isPending} onClick={() => remove.mutate({ key: setting.key })}>
            Delete
          </button>
        ) : null}
        {saved && !form.formState.isDirty ? (
          <span className="status-ok" role="status">
            Saved
          </span>
        ) : null}
      </div>
    </form>
  );
}
