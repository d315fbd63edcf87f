import { EmptyState } from "@shop/web/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { CategoryCards } from "~/components/category-cards";
import { ProductGrid } from "~/components/product-card";
import { pageMetadata, storeInfo } from "~/lib/seo";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const [{ name }, categories] = await Promise.all([storeInfo(), api.category.list()]);
  const shelves = categories.filter((category) => !category.parentId).map((category) => category.name);
  const range = shelves.length ? `${shelves.join(", ")}: ` : "";
  return pageMetadata({ description: `${name}. ${range}new arrivals and bestsellers, shipped to your door.`, path: "/" });
}

export default async function HomePage() {
  const [categories, newest] = await Promise.all([api.category.list(), api.product.list({ sort: "newest", limit: 8 })]);
  // Top-level categories are often just groupings; the shop's shelves are the ones with products.
  const shelves = categories.filter((category) => category.productCount > 0);
  return (
    <div className="stack">
      <section className="hero">
        <h1>Welcome to the shop</h1>
        <p className="muted">Clothing, home and outdoor gear, shipped to your door.</p>
      </section>
      <h2>Shop by category</h2>
      {shelves.length ? <CategoryCards categories={shelves} /> : <EmptyState title="No categories yet" />}
      <div className="row row-between">
        <h2>New arrivals</h2>
        <Link href="/search?sort=newest">See all products</Link>
      </div>
      {newest.items.length ? <ProductGrid products={newest.items} /> : <EmptyState title="No products yet" />}
    </div>
  );
}
