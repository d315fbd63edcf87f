/** At or below this many units a variant shows as "low stock" (the inventory's default threshold). */
const LOW_STOCK = 5;

export function Availability({ available }: { available: number }) {
  if (available <= 0) return <p data-testid="availability"><span className="badge badge-danger">Out of stock</span></p>;
  if (available <= LOW_STOCK) return <p data-testid="availability"><span className="badge badge-warning">Low stock: only {available} left</span></p>;
  return <p data-testid="availability"><span className="badge badge-ok">In stock</span></p>;
}
