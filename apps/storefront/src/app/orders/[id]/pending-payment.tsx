"use client";
import { useRouter } from "next/navigation";
import { PayNow } from "~/components/pay-now";

/** An unpaid order can be paid from its page (e.g. after leaving checkout at the payment step). */
export function PendingPayment({ orderId, total }: { orderId: string; total: string }) {
  const router = useRouter();
  return (
    <section className="card stack pay-box" aria-labelledby="pay-heading">
      <h2 id="pay-heading">Awaiting payment</h2>
      <PayNow orderId={orderId} total={total} onPaid={() => router.refresh()} />
    </section>
  );
}
