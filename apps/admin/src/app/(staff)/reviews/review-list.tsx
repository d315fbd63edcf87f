"use client";
import { reviewStatus } from "@shop/api/schemas";
import { QueryView } from "@shop/web/ui";
import { useState } from "react";
import type { z } from "zod";
import { Pager, useCursorPager } from "~/components/cursor-pager";
import { api } from "~/trpc/react";
import { ReviewCard } from "./review-card";

type ReviewStatus = z.infer<typeof reviewStatus>;

const emptyMessages: Record<ReviewStatus, string> = {
  PENDING: "No reviews are waiting for moderation",
  APPROVED: "No approved reviews yet",
  REJECTED: "No rejected reviews",
};

/** Pending reviews first (oldest first, as they queued up); the other statuses a click away. */
export function ReviewList() {
  const [status, setStatus] = useState<ReviewStatus>("PENDING");
  const pager = useCursorPager(status);
  const reviews = api.admin.review.list.useQuery({ status, cursor: pager.cursor, limit: 20 });

  return (
    <>
      <div className="toolbar" role="group" aria-label="Show reviews">
        {reviewStatus.options.map((option) => (
          <button key={option} type="button" className={option === status ? "button button-primary" : "button"} aria-pressed={option === status} onClick={() => setStatus(option)}>
            {option.charAt(0) + option.slice(1).toLowerCase()}
          </button>
        ))}
      </div>
      <QueryView query={reviews} isEmpty={(page) => !page.items.length} empty={emptyMessages[status]} loading="Loading reviews…">
        {(page) => (
          <>
            <div className="stack">
              {page.items.map((review) => (
                <ReviewCard key={review.id} review={review} />
              ))}
            </div>
            <Pager pager={pager} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryView>
    </>
  );
}
