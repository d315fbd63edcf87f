import type { Metadata } from "next";
import { ProductEditor } from "./product-editor";

export const metadata: Metadata = { title: "Edit product" };

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ProductEditor id={id} />;
}
