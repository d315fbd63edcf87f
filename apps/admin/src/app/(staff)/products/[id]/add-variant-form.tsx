"use client";
import { compareAtAbovePrice, upsertVariantFields } from "@shop/api/schemas";
import { applyServerErrors, Field, FormError, SubmitButton, useZodForm } from "@shop/web/ui";
import { api } from "~/trpc/react";
import { blankAsNull } from "../product-form-schema";
import { OptionRows } from "./option-rows";
import { optionRows } from "./variant-options";

/** The API's variant input, with options as rows and an optional compare-at price. */
const newVariantSchema = upsertVariantFields
  .omit({ id: true })
  .extend({ options: optionRows, compareAtPrice: blankAsNull(upsertVariantFields.shape.compareAtPrice) })
  .superRefine(compareAtAbovePrice);

export function AddVariantForm({ productId, nextPosition }: { productId: string; nextPosition: number }) {
  const utils = api.useUtils();
  const create = api.admin.product.upsertVariant.useMutation({ onSuccess: () => utils.admin.product.invalidate() });
  const blank = { productId, sku: "", name: "", options: [{ name: "", value: "" }], price: "", compareAtPrice: "", position: nextPosition, isActive: true };
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
        <Field label="Variant compare-at price" error={errors.compareAtPrice} hint="Optional: its price before a sale.">
          <input inputMode="decimal" className="input-narrow" {...form.register("compareAtPrice")} />
        </Field>
      </div>
      <OptionRows form={form} label="Options of the new variant" />
      <FormError error={create.error} />
      <SubmitButton pending={form.formState.isSubmitting}>Add variant</SubmitButton>
    </form>
  );
}
