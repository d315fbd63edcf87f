import type { RouterOutputs } from "@shop/api";
import Link from "next/link";

type Category = RouterOutputs["category"]["list"][number];

/** Categories as cards linking to their listing pages. */
export function CategoryCards({ categories }: { categories: Category[] }) {
  return (
    <div className="grid">
      {categories.map((category) => (
        <Link key={category.id} href={`/c/${category.slug}`} className="card category-card">
          <strong>{category.name}</strong>
          {category.description ? <span className="muted">{category.description}</span> : null}
          <span className="muted">{category.productCount === 1 ? "1 product" : `${category.productCount} products`}</span>
        </Link>
      ))}
    </div>
  );
}
