"use client";
import type { RouterOutputs } from "@shop/api";
import { refundOrderInput } from "@shop/api/schemas";
import { Decimal } from "@shop/db/decimal";
import { formatMoney } from "@shop/web/format";
import { applyServerErrors, Field, FormError, SubmitButton, useZodForm } from "@shop/web/ui";
import { useConfirm } from "~/components/confirm-dialog";
import { api } from "~/trpc/react";

type Order = RouterOutputs["admin"]["order"]["list"]["items"][number];

/** What the order's captured payments can still give back (refunds in flight are bounded by the server). */
export function refundableAmount(order: Order) {
  return order.payments
    .filter((payment) => payment.status === "SUCCEEDED" || payment.status === "PARTIALLY_REFUNDED")
    .reduce((sum, payment) => sum.add(payment.amount.sub(payment.refundedAmount)), new Decimal(0));
}

/** Refunds an order in full (amount left empty) or in part, through the payment provider. */
export function RefundForm({ order }: { order: Order }) {
  const utils = api.useUtils();
  const refund = api.admin.order.refund.useMutation({
    onSuccess: () => Promise.all([utils.admin.order.invalidate(), utils.admin.analytics.invalidate()]),
  });
  const form = useZodForm(refundOrderInput, { defaultValues: { id: order.id, reason: "" } });
  const errors = form.formState.errors;
  const left = refundableAmount(order);
  const { confirm, dialog } = useConfirm();

  const submit = form.handleSubmit(async (values) => {
    const amount = values.amount ? formatMoney(values.amount, order.currency) : `all of ${formatMoney(left, order.currency)}`;
    const go = await confirm({
      title: `Refund order #${order.number}?`,
      message: `${amount} goes back to the customer through the payment provider. A refund cannot be undone.`,
      confirmLabel: "Refund",
      cancelLabel: "Do not refund",
    });
    if (!go) return;
    try {
      await refund.mutateAsync(values);
      form.reset({ id: order.id, amount: "", reason: "" });
    } catch (error) {
      applyServerErrors(form, error);
    }
  });

  return (
    <form className="stack admin-form" onSubmit={submit} noValidate aria-label={`Refund order #${order.number}`}>
      <div className="field-row">
        <Field label="Refund amount" error={errors.amount} hint={`Up to ${formatMoney(left, order.currency)}; leave empty to refund all of it.`}>
          <input inputMode="decimal" className="input-narrow" {...form.register("amount", { setValueAs: (value: string) => value.trim() || undefined })} />
        </Field>
        <Field label="Reason" error={errors.reason}>
          <input {...form.register("reason", { setValueAs: (value: string) => value.trim() || undefined })} />
        </Field>
      </div>
      <FormError error={refund.error} />
      <div className="row">
        <SubmitButton pending={form.formState.isSubmitting}>Refund</SubmitButton>
      </div>
      {dialog}
    </form>
  );
}
