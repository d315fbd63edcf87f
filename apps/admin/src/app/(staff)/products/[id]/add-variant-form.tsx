"use client";
import { upsertVariantInput } from "@shop/api/schemas";
import { applyServerErrors, Field, FormError, SubmitButton, useZodForm } from "@shop/web/ui";
import { api } from "~/trpc/react";
import { optionLines } from "./variant-options";

/** The API's variant input, with options typed as name=value lines. */
const newVariantSchema = upsertVariantInput.omit({ id: true }).extend({ options: optionLines.pipe(upsertVariantInput.shape.options.unwrap()) });

export function AddVariantForm({ productId, nextPosition }: { productId: string; nextPosition: number }) {
  const utils = api.useUtils();
  const create = api.admin.product.upsertVariant.useMutation({ onSuccess: () => utils.admin.product.invalidate() });
  const blank = { productId, sku: "", name: "", options: "", price: "", position: nextPosition, isActive: true };
  const form = useZodForm(newVariantSchema, { defaultValues: blank });
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    try {
      await create.mutateAsync(values);
      form.reset({ ...blank, position: nextPosition + 1 });
    } catch (error) {
      applyServerErrors(form, error);
    }
  });

  return (
    <form className="stack admin-form" onSubmit={submit} noValidate aria-labelledby="add-variant">
      <h3 id="add-variant">Add a variant</h3>
      <div className="field-row">
        <Field label="SKU" error={errors.sku}>
          <input {...form.register("sku")} />
        </Field>
        <Field label="Variant name" error={errors.name} hint="Optional, like “M / Red”.">
          <input {...form.register("name")} />
        </Field>
        <Field label="Variant price" error={errors.price}>
          <input inputMode="decimal" className="input-narrow" {...form.register("price")} />
        </Field>
      </div>
      <Field label="Options" error={errors.options} hint="Optional, one per line: size=M">
        <textarea rows={2} {...form.register("options")} />
      </Field>
      <FormError error={create.error} />
      <SubmitButton pending={form.formState.isSubmitting}>Add variant</SubmitButton>
    </form>
  );
}
