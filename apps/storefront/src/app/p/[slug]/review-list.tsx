import type { RouterOutputs } from "@shop/api";
import { formatDate } from "@shop/web/format";
import { EmptyState } from "@shop/web/ui";

type Review = RouterOutputs["review"]["list"]["items"][number];

/** Approved reviews, newest first. */
export function ReviewList({ reviews }: { reviews: Review[] }) {
  if (!reviews.length) return <EmptyState title="No reviews yet">Be the first to review this product.</EmptyState>;
  return (
    <ul className="review-list">
      {reviews.map((review) => (
        <li key={review.id} className="card stack">
          <div className="row">
            {/* role=img: aria-label is not allowed on a plain span. */}
            <span className="stars" role="img" aria-label={`${review.rating} out of 5`}>
              {"★".repeat(review.rating)}
              {"☆".repeat(5 - review.rating)}
            </span>
            {review.title ? <strong>{review.title}</strong> : null}
            {review.verifiedPurchase ? <span className="badge badge-ok">Verified purchase</span> : null}
          </div>
          {review.body ? <p>{review.body}</p> : null}
          <p className="muted">
            {review.user.name ?? "A customer"}, {formatDate(review.createdAt)}
          </p>
        </li>
      ))}
    </ul>
  );
}
