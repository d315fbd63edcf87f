"use client";
import type { RouterOutputs } from "@shop/api";
import { upsertVariantInput } from "@shop/api/schemas";
import { applyServerErrors, FormError, useZodForm } from "@shop/web/ui";
import { useId, useState } from "react";
import { api } from "~/trpc/react";
import { formatOptions, optionsRecord } from "./variant-options";

type Variant = RouterOutputs["admin"]["product"]["byId"]["variants"][number];

/**
 * One variant, its price and active flag editable in place. The row's inputs belong to
 * a form in the last cell (the `form` attribute), since a form cannot wrap a table row.
 * Saving sends all the variant's fields: upsertVariant replaces the variant.
 */
export function VariantRow({ productId, variant, readOnly }: { productId: string; variant: Variant; readOnly: boolean }) {
  const formId = useId();
  const utils = api.useUtils();
  const upsert = api.admin.product.upsertVariant.useMutation({ onSuccess: () => utils.admin.product.invalidate() });
  const [saved, setSaved] = useState(false);
  const form = useZodForm(upsertVariantInput, {
    values: {
      id: variant.id,
      productId,
      sku: variant.sku,
      name: variant.name || undefined,
      options: optionsRecord(variant.options),
      price: variant.price.toFixed(2),
      position: variant.position,
      isActive: variant.isActive,
    },
  });

  const save = form.handleSubmit(async (values) => {
    setSaved(false);
    try {
      await upsert.mutateAsync(values);
      form.reset(form.getValues());
      setSaved(true);
    } catch (error) {
      applyServerErrors(form, error);
    }
  });

  return (
    <tr>
      <td data-label="SKU">{variant.sku}</td>
      <td data-label="Name and options">
        {variant.name || <span className="muted">No name</span>}
        <div className="muted">{formatOptions(variant.options)}</div>
      </td>
      <td data-label="On hand" className="numeric">{variant.inventory?.onHand ?? 0}</td>
      <td data-label="Price">
        <input form={formId} inputMode="decimal" className="input-narrow" aria-label={`Price for ${variant.sku}`} disabled={readOnly} aria-invalid={Boolean(form.formState.errors.price)} {...form.register("price")} />
        {form.formState.errors.price ? (
          <div className="field-error" role="alert">
            {form.formState.errors.price.message}
          </div>
        ) : null}
      </td>
      <td data-label="Active">
        <input form={formId} type="checkbox" aria-label={`Active: ${variant.sku}`} disabled={readOnly} {...form.register("isActive")} />
      </td>
      <td data-label="">
        <form id={formId} onSubmit={save} noValidate className="stack">
          {readOnly ? null : (
            <button type="submit" className="button" aria-label={`Save ${variant.sku}`} disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? "Saving…" : "Save"}
            </button>
          )}
          {saved && !form.formState.isDirty ? (
            <span className="status-ok" role="status">
              Saved
            </span>
          ) : null}
          <FormError error={upsert.error} />
        </form>
      </td>
    </tr>
  );
}
