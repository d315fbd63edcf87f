"use client";
import type { RouterOutputs } from "@shop/api";

type Category = RouterOutputs["admin"]["category"]["list"][number];

/** "Parent › Child" labels, so two "Lamps" under different parents can be told apart. */
function categoryLabel(category: Category, byId: Map<string, Category>): string {
  const parent = category.parentId ? byId.get(category.parentId) : undefined;
  const name = category.isActive ? category.name : `${category.name} (inactive)`;
  return parent ? `${categoryLabel(parent, byId).replace(" (inactive)", "")} › ${name}` : name;
}

export function CategoryOptions({ categories }: { categories: Category[] }) {
  const byId = new Map(categories.map((category) => [category.id, category]));
  const options = categories.map((category) => ({ id: category.id, label: categoryLabel(category, byId) })).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <>
      <option value="">Choose a category</option>
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.label}
        </option>
      ))}
    </>
  );
}
