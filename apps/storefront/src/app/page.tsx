import Link from "next/link";
import { api } from "~/trpc/server";

export default async function HomePage() {
  const categories = await api.category.list();
  return (
    <div className="stack">
      <h1>Welcome to the shop</h1>
      <h2>Categories</h2>
      <div className="grid">
        {categories.map((category) => (
          <Link key={category.id} href={`/c/${category.slug}`} className="card">
            {category.name}
          </Link>
        ))}
      </div>
    </div>
  );
}
