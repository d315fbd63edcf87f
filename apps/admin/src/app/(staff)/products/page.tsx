import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { ProductTable } from "./product-table";

export const metadata: Metadata = { title: "Products" };

export default function ProductsPage() {
  return (
    <>
      <PageHeader title="Products">
        <Link href="/products/new" className="button button-primary">
          New product
        </Link>
      </PageHeader>
      <ProductTable />
    </>
  );
}
