import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "~/components/page-header";
import { NewProduct } from "./new-product";

export const metadata: Metadata = { title: "New product" };

export default function NewProductPage() {
  return (
    <>
      <PageHeader title="New product">
        <Link href="/products">Back to products</Link>
      </PageHeader>
      <NewProduct />
    </>
  );
}
