"use client";
import type { RouterOutputs } from "@shop/api";
import { adjustInventoryInput, stockAdjustmentReason } from "@shop/api/schemas";
import { applyServerErrors, Field, FormError, SubmitButton, useZodForm } from "@shop/web/ui";
import { api } from "~/trpc/react";

type StockItem = RouterOutputs["admin"]["inventory"]["list"]["items"][number];

const reasonLabels: Record<(typeof stockAdjustmentReason.options)[number], string> = {
  RESTOCK: "Restock (delivery arrived)",
  ADJUSTMENT: "Adjustment (count correction)",
  DAMAGE: "Damage or loss",
  RETURN: "Customer return",
};

/** An empty number field means "leave as is", not zero. */
const optionalNumber = (value: string) => (value === "" ? undefined : Number(value));

export function AdjustStockForm({ item, onDone }: { item: StockItem; onDone: () => void }) {
  const utils = api.useUtils();
  const adjust = api.admin.inventory.adjust.useMutation({
    onSuccess: () => Promise.all([utils.admin.inventory.invalidate(), utils.admin.product.byId.invalidate({ id: item.variant.product.id })]),
  });
  const form = useZodForm(adjustInventoryInput, {
    defaultValues: { variantId: item.variantId, reason: "RESTOCK", note: "", lowStockThreshold: item.lowStockThreshold },
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    try {
      await adjust.mutateAsync(values);
      onDone();
    } catch (error) {
      applyServerErrors(form, error);
    }
  });

  return (
    <form className="stack admin-form" onSubmit={submit} noValidate aria-label={`Adjust stock for ${item.variant.sku}`}>
      <div className="field-row">
        <Field label="Change" error={errors.delta} hint="Positive adds stock, negative removes it.">
          <input type="number" step={1} className="input-narrow" {...form.register("delta", { setValueAs: optionalNumber })} />
        </Field>
        <Field label="Reason" error={errors.reason}>
          <select {...form.register("reason")}>
            {stockAdjustmentReason.options.map((reason) => (
              <option key={reason} value={reason}>
                {reasonLabels[reason]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Low-stock threshold" error={errors.lowStockThreshold}>
          <input type="number" min={0} step={1} className="input-narrow" {...form.register("lowStockThreshold", { setValueAs: optionalNumber })} />
        </Field>
      </div>
      <Field label="Note" error={errors.note} hint="Optional: supplier, delivery note, what happened.">
        <input {...form.register("note", { setValueAs: (value: string) => value.trim() || undefined })} />
      </Field>
      <FormError error={adjust.error} />
      <div className="row">
        <SubmitButton pending={form.formState.isSubmitting}>Apply change</SubmitButton>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
