import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { CategoryTable } from "./category-table";

export const metadata: Metadata = { title: "Categories" };

export default function CategoriesPage() {
  return (
    <>
      <PageHeader title="Categories" />
      <CategoryTable />
    </>
  );
}
