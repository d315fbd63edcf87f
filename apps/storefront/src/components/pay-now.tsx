"use client";
import { FormError, Loading } from "@shop/web/ui";
import { useEffect, useRef } from "react";
import { api } from "~/trpc/react";

/**
 * The payment step for a pending order: opens (or resumes) a payment intent, then
 * "Pay now" confirms it with the provider (the test provider needs no card or network).
 */
export function PayNow({ orderId, total, onPaid }: { orderId: string; total: string; onPaid: () => void }) {
  const utils = api.useUtils();
  const intent = api.payment.createIntent.useMutation();
  const confirm = api.payment.confirm.useMutation({
    onSuccess: (payment) => {
      void utils.order.invalidate();
      if (payment.status === "SUCCEEDED" || payment.status === "PROCESSING") onPaid();
    },
  });
  const started = useRef(false);

  useEffect(() => {
    // Once per mount (React's dev double-effect included); createIntent resumes an open intent anyway.
    if (started.current) return;
    started.current = true;
    intent.mutate({ orderId });
  }, [intent, orderId]);

  if (intent.error) {
    return (
      <div className="stack">
        <FormError error={intent.error} />
        <button type="button" className="button" onClick={() => intent.mutate({ orderId })}>
          Try again
        </button>
      </div>
    );
  }
  if (!intent.data) return <Loading label="Preparing payment…" />;

  const failed = confirm.data && confirm.data.status !== "SUCCEEDED" && confirm.data.status !== "PROCESSING";
  return (
    <div className="stack">
      <p className="row row-between">
        <span>Amount due</span>
        <strong className="price" data-testid="amount-due">
          {total}
        </strong>
      </p>
      <p className="muted">Test mode: no card is charged.</p>
      {failed ? <p className="notice notice-danger" role="alert">The payment was declined. Please try again.</p> : null}
      <FormError error={confirm.error} />
      <button
        type="button"
        className="button button-primary"
        disabled={confirm.isPending || (confirm.isSuccess && !failed)}
        onClick={() => confirm.mutate({ orderId })}
      >
        {confirm.isPending ? "Paying…" : "Pay now"}
      </button>
    </div>
  );
}
