import { EmptyState } from "@shop/web/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { CategoryCards } from "~/components/category-cards";
import { pageMetadata, storeInfo } from "~/lib/seo";
import { api } from "~/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const [{ name }, categories] = await Promise.all([storeInfo(), api.category.list()]);
  const roots = categories.filter((category) => !category.parentId).map((category) => category.name);
  return pageMetadata({ title: "Categories", description: `Every category at ${name}${roots.length ? `: ${roots.join(", ")}` : ""}.`, path: "/categories" });
}

/** Every category, grouped under its top-level parent (category.list is flat with parentId). */
export default async function CategoriesPage() {
  const categories = await api.category.list();
  const roots = categories.filter((category) => !category.parentId);
  if (!categories.length) return <EmptyState title="No categories yet" />;
  return (
    <div className="stack">
      <h1>Categories</h1>
      {roots.map((root) => {
        const children = categories.filter((category) => category.parentId === root.id);
        return (
          <section key={root.id} className="stack">
            <h2>
              <Link href={`/c/${root.slug}`}>{root.name}</Link>
            </h2>
            {root.description ? <p className="muted">{root.description}</p> : null}
            {children.length ? <CategoryCards categories={children} /> : null}
          </section>
        );
      })}
    </div>
  );
}
