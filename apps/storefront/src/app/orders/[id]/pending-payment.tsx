"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PayNow } from "~/components/pay-now";
import { PaymentConfirmation } from "~/components/payment-confirmation";

/** How a redirect-based card step (3-D Secure, a bank page) ended, from Stripe's `redirect_status`. */
export type CardReturn = "sent" | "failed";

/**
 * An unpaid order can be paid from its page (e.g. after leaving checkout at the payment
 * step). Back from a card step that went through, it waits for the provider's
 * confirmation instead of offering to pay again; back from one that failed, it says so.
 */
export function PendingPayment(props: { orderId: string; total: string; heldUntil: Date | null; stripeKey: string | null; returned: CardReturn | null }) {
  const router = useRouter();
  const [returned, setReturned] = useState(props.returned);
  const refresh = () => router.refresh();
  return (
    <section className="card stack pay-box" aria-labelledby="pay-heading">
      <h2 id="pay-heading">Awaiting payment</h2>
      {returned === "sent" ? (
        <PaymentConfirmation orderId={props.orderId} onSettled={refresh} onRetry={() => setReturned(null)} />
      ) : (
        <>
          {returned === "failed" ? (
            <p className="notice notice-danger" role="alert">
              Your card was not charged: the payment was not completed with your bank. Please try again.
            </p>
          ) : null}
          <PayNow orderId={props.orderId} total={props.total} heldUntil={props.heldUntil} stripeKey={props.stripeKey} onPaid={refresh} />
        </>
      )}
    </section>
  );
}
