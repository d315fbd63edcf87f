import { EmptyState } from "@shop/web/ui";
import Link from "next/link";

export default function NotFound() {
  return (
    <EmptyState title="We could not find that page">
      <Link href="/">Back to the shop</Link>
    </EmptyState>
  );
}
