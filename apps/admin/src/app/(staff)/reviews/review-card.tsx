"use client";
import type { RouterOutputs } from "@shop/api";
import { formatDate } from "@shop/web/format";
import { FormError } from "@shop/web/ui";
import { StatusBadge } from "~/components/status-badge";
import { api } from "~/trpc/react";

type Review = RouterOutputs["admin"]["review"]["list"]["items"][number];

export function ReviewCard({ review }: { review: Review }) {
  const utils = api.useUtils();
  const moderate = api.admin.review.moderate.useMutation({ onSuccess: () => utils.admin.review.list.invalidate() });
  const label = review.title ?? `review by ${review.user.name ?? "a customer"}`;

  return (
    <article className="card stack" aria-label={`Review: ${label}`}>
      <div className="row">
        <span aria-label={`${review.rating} out of 5 stars`} className="stars">
          {"★".repeat(review.rating)}
          {"☆".repeat(5 - review.rating)}
        </span>
        <strong>{review.title}</strong>
        <StatusBadge status={review.status} />
        {review.verifiedPurchase ? <span className="badge">verified purchase</span> : null}
      </div>
      {review.body ? <p className="review-body">{review.body}</p> : null}
      <p className="muted">
        {review.product.name} · by {review.user.name ?? "a customer"} · {formatDate(review.createdAt)}
      </p>
      <div className="row">
        {review.status === "APPROVED" ? null : (
          <button type="button" className="button button-primary" disabled={moderate.isPending} onClick={() => moderate.mutate({ id: review.id, status: "APPROVED" })}>
            Approve
          </button>
        )}
        {review.status === "REJECTED" ? null : (
          <button type="button" className="button button-danger" disabled={moderate.isPending} onClick={() => moderate.mutate({ id: review.id, status: "REJECTED" })}>
            Reject
          </button>
        )}
      </div>
      <FormError error={moderate.error} />
    </article>
  );
}
