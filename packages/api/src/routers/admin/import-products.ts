import type { Prisma } from "@shop/db";

export interface ImportedVariant {
  sku: string;
  name?: string;
  options: Record<string, string>;
  price: string;
  position: number;
  isActive: boolean;
  stock: number;
}

export interface ImportedProduct {
  name: string;
  slug: string;
  description?: string;
  price: string;
  currency: string;
  categoryId: string;
  images: string[];
  status: "DRAFT" | "ACTIVE" | "ARCHIVED";
  variants: ImportedVariant[];
}

/** Set-based insert of products, variants, inventory rows and opening-stock ledger rows. */
export async function importProducts(tx: Prisma.TransactionClient, products: ImportedProduct[], actorId: string) {
  const existing = await tx.product.findMany({ where: { slug: { in: products.map((p) => p.slug) } }, select: { id: true, slug: true } });
  const known = new Set(existing.map((p) => p.slug));
  const fresh = products.filter((p) => !known.has(p.slug));
  const created = fresh.length
    ? await tx.product.createManyAndReturn({
        data: fresh.map(({ variants: _variants, ...product }) => product),
        select: { id: true, slug: true },
        skipDuplicates: true,
      })
    : [];
  const productIds = new Map([...existing, ...created].map((p) => [p.slug, p.id]));

  const allVariants = products.flatMap((product) =>
    product.variants.map(({ stock, ...variant }) => ({ ...variant, stock, productId: productIds.get(product.slug), currency: product.currency })),
  );
  const takenSkus = new Set(
    (await tx.productVariant.findMany({ where: { sku: { in: allVariants.map((v) => v.sku) } }, select: { sku: true } })).map((v) => v.sku),
  );
  const newVariants = allVariants.filter((v): v is typeof v & { productId: string } => Boolean(v.productId) && !takenSkus.has(v.sku));
  const variants = newVariants.length
    ? await tx.productVariant.createManyAndReturn({
        data: newVariants.map(({ stock: _stock, ...variant }) => variant),
        select: { id: true, sku: true },
        skipDuplicates: true,
      })
    : [];
  const stockBySku = new Map(newVariants.map((v) => [v.sku, v.stock]));
  if (variants.length) {
    // The ledger trigger creates the inventory rows of stocked variants itself.
    const opening = variants.filter((v) => (stockBySku.get(v.sku) ?? 0) > 0);
    const empty = variants.filter((v) => (stockBySku.get(v.sku) ?? 0) === 0);
    if (empty.length) await tx.inventory.createMany({ data: empty.map((v) => ({ variantId: v.id })), skipDuplicates: true });
    if (opening.length) {
      await tx.inventoryTransaction.createMany({
        data: opening.map((v) => ({ variantId: v.id, delta: stockBySku.get(v.sku) ?? 0, reason: "INITIAL" as const, actorId, note: "opening stock (import)" })),
      });
    }
  }
  return { createdProducts: created.length, createdVariants: variants.length, skippedProducts: products.length - created.length };
}
