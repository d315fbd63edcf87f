import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { ReviewList } from "./review-list";

export const metadata: Metadata = { title: "Reviews" };

export default function ReviewsPage() {
  return (
    <>
      <PageHeader title="Reviews" />
      <ReviewList />
    </>
  );
}
