import { orderedIds } from "../../lib/sql";
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

/**
 * Set-based insert of products, variants, inventory rows and opening-stock ledger
 * rows: one statement whatever the batch size, so PostgreSQL does the work in one
 * round trip and Prisma compiles no per-row query (building a 500-product
 * createManyAndReturn took over a second of Node CPU). The batch travels as one JSON
 * document that `jsonb_to_recordset` turns into rows. Products whose slug exists and
 * variants whose SKU exists are skipped (ON CONFLICT DO NOTHING), so a re-run
 * changes nothing; a new variant of an existing product is still added.
 * Stocked variants get an INITIAL ledger row, whose trigger creates their inventory
 * row; the others get an empty inventory row.
 */
export async function importProducts(db: Prisma.TransactionClient, products: ImportedProduct[], actorId: string) {
  const productIds = orderedIds(products.length);
  const variantIds = orderedIds(products.reduce((sum, product) => sum + product.variants.length, 0));
  let next = 0;
  const batch = products.map((product, index) => ({
    ...product,
    id: productIds[index],
    variants: product.variants.map((variant) => ({ ...variant, id: variantIds[next++] })),
  }));
  // A timestamp from here, like Prisma's @default(now()) / @updatedAt: stored as UTC
  // whatever the session's time zone (the columns are timestamp without time zone).
  const now = new Date();
  const [result] = await db.$queryRaw<{ createdProducts: number; createdVariants: number }[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS p(
        id text, name text, slug text, description text, price numeric, currency text,
        "categoryId" text, images text[], status "ProductStatus", variants jsonb)
    ), created AS (
      INSERT INTO "Product" (id, name, slug, description, price, currency, "categoryId", images, status, "createdAt", "updatedAt")
      SELECT id, name, slug, description, price, currency, "categoryId", images, status, ${now}::timestamp(3), ${now}::timestamp(3) FROM input
       -- Row triggers that lock a product's category then take the locks in one
       -- order in every batch, so two imports running at once wait, never deadlock.
       ORDER BY "categoryId", id
      ON CONFLICT DO NOTHING
      RETURNING id, slug
    ), owner AS (
      -- The statement's snapshot shows only products that existed before it.
      SELECT id, slug FROM created
      UNION ALL
      SELECT id, slug FROM "Product" WHERE slug IN (SELECT slug FROM input)
    ), variant_input AS (
      SELECT v.*, o.id AS "productId", i.currency
        FROM input i
        JOIN owner o ON o.slug = i.slug
       CROSS JOIN LATERAL jsonb_to_recordset(i.variants) AS v(
         id text, sku text, name text, options jsonb, price numeric, position integer, "isActive" boolean, stock integer)
    ), variants AS (
      INSERT INTO "ProductVariant" (id, "productId", sku, name, options, price, currency, position, "isActive", "createdAt", "updatedAt")
      SELECT id, "productId", sku, name, options, price, currency, position, "isActive", ${now}::timestamp(3), ${now}::timestamp(3) FROM variant_input ORDER BY id
      ON CONFLICT DO NOTHING
      RETURNING id
    ), opening AS (
      INSERT INTO "InventoryTransaction" ("variantId", delta, reason, "actorId", note, "createdAt")
      SELECT id, stock, 'INITIAL'::"InventoryReason", ${actorId}::text, 'opening stock (import)', ${now}::timestamp(3)
        FROM variants JOIN variant_input USING (id)
       WHERE stock > 0
       ORDER BY id
    ), empty AS (
      INSERT INTO "Inventory" ("variantId", "updatedAt")
      SELECT id, ${now}::timestamp(3) FROM variants JOIN variant_input USING (id) WHERE stock = 0
    )
    SELECT (SELECT count(*) FROM created)::int AS "createdProducts", (SELECT count(*) FROM variants)::int AS "createdVariants"`;
  const { createdProducts = 0, createdVariants = 0 } = result ?? {};
  return { createdProducts, createdVariants, skippedProducts: products.length - createdProducts };
}
