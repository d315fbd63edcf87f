"use client";
import type { RouterOutputs } from "@shop/api";
import { compareAtAbovePrice, upsertVariantFields } from "@shop/api/schemas";
import { applyServerErrors, FormError, useZodForm } from "@shop/web/ui";
import { useId, useState } from "react";
import { useConfirm } from "~/components/confirm-dialog";
import { api } from "~/trpc/react";
import { blankAsNull } from "../product-form-schema";
import { OptionRows } from "./option-rows";
import { optionRows, toOptionRows } from "./variant-options";

type Variant = RouterOutputs["admin"]["product"]["byId"]["variants"][number];

const variantFormSchema = upsertVariantFields.extend({ options: optionRows, compareAtPrice: blankAsNull(upsertVariantFields.shape.compareAtPrice) }).superRefine(compareAtAbovePrice);

/**
 * One variant, its options, prices and active flag editable in place; deactivating
 * (it leaves the shop) asks first. The row's inputs belong to
 * a form in the last cell (the `form` attribute), since a form cannot wrap a table row.
 * Saving sends all the variant's fields: upsertVariant replaces the variant.
 */
export function VariantRow({ productId, variant, readOnly }: { productId: string; variant: Variant; readOnly: boolean }) {
  const formId = useId();
  const utils = api.useUtils();
  const upsert = api.admin.product.upsertVariant.useMutation({ onSuccess: () => utils.admin.product.invalidate() });
  const [saved, setSaved] = useState(false);
  const { confirm, dialog } = useConfirm();
  const form = useZodForm(variantFormSchema, {
    values: {
      id: variant.id,
      productId,
      sku: variant.sku,
      name: variant.name || undefined,
      options: toOptionRows(variant.options),
      price: variant.price.toFixed(2),
      compareAtPrice: variant.compareAtPrice?.toFixed(2) ?? "",
      position: variant.position,
      isActive: variant.isActive,
    },
  });

  const save = form.handleSubmit(async (values) => {
    setSaved(false);
    if (variant.isActive && !values.isActive) {
      const go = await confirm({
        title: `Deactivate ${variant.sku}?`,
        message: "It leaves the shop and can no longer be bought; its orders and stock stay. Tick Active and save to sell it again.",
        confirmLabel: "Deactivate",
        cancelLabel: "Keep it active",
      });
      if (!go) {
        form.setValue("isActive", true);
        return;
      }
    }
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
        <OptionRows form={form} formId={formId} label={`Options of ${variant.sku}`} disabled={readOnly} />
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
      <td data-label="Compare-at price">
        <input form={formId} inputMode="decimal" className="input-narrow" aria-label={`Compare-at price for ${variant.sku}`} disabled={readOnly} aria-invalid={Boolean(form.formState.errors.compareAtPrice)} {...form.register("compareAtPrice")} />
        {form.formState.errors.compareAtPrice ? (
          <div className="field-error" role="alert">
            {form.formState.errors.compareAtPrice.message}
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
        {dialog}
      </td>
    </tr>
  );
}
