import type { RouterOutputs } from "@shop/api";
import type { ProductFormInput } from "./product-form-schema";

type Product = RouterOutputs["admin"]["product"]["byId"];

export const emptyProduct: ProductFormInput = { name: "", slug: "", description: "", price: "", compareAtPrice: "", categoryId: "", status: "DRAFT", images: [] };

/** A stored product as the form shows it: money as plain decimals. */
export function productFormValues(product: Product): ProductFormInput {
  return {
    name: product.name,
    slug: product.slug,
    description: product.description ?? "",
    price: product.price.toFixed(2),
    compareAtPrice: product.compareAtPrice?.toFixed(2) ?? "",
    categoryId: product.category.id,
    status: product.status,
    images: product.images,
  };
}
