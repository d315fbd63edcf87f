const tones: Record<string, string> = {
  ACTIVE: "badge-ok",
  APPROVED: "badge-ok",
  PAID: "badge-ok",
  DELIVERED: "badge-ok",
  DRAFT: "badge-warning",
  PENDING: "badge-warning",
  FULFILLING: "badge-warning",
  SHIPPED: "badge-warning",
  ARCHIVED: "badge-danger",
  REJECTED: "badge-danger",
  CANCELLED: "badge-danger",
  REFUNDED: "badge-danger",
  PARTIALLY_REFUNDED: "badge-warning",
};

/** Product, order and review statuses, coloured by whether they need attention. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge ${tones[status] ?? ""}`}>{status.toLowerCase()}</span>;
}
