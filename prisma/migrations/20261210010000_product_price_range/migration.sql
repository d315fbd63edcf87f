-- ── Product.minPrice / maxPrice: listing prices from the variants ─────────
-- Cards, the price filter and the price sorts read Product.price, which nothing ties
-- to what a customer pays (a variant's own price): after a variant was repriced the
-- listing still showed the old figure, and a dearer XL showed no "from". The range of
-- the product's ACTIVE variants' prices is now kept on the product by triggers (the
-- product's own price when it has no active variant), and the list filters and sorts
-- by minPrice through the index that served price.
-- Generated part: prisma migrate diff between the schemas; hand-written part below it.

-- DropIndex
DROP INDEX "Product_status_price_id_idx";

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "maxPrice" DECIMAL(12,2) NOT NULL DEFAULT 0,
ADD COLUMN     "minPrice" DECIMAL(12,2) NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Product_status_minPrice_id_idx" ON "Product"("status", "minPrice", "id");

-- Hand-written part.

-- Backfill, before the guard below exists. The migration is one transaction and ADD
-- COLUMN holds Product's exclusive lock, so no variant write (its foreign key check
-- locks the product) can fall between this and the triggers.
UPDATE "Product" p SET "minPrice" = r.low, "maxPrice" = r.high
  FROM (SELECT p2.id, COALESCE(min(v.price), p2.price) AS low, COALESCE(max(v.price), p2.price) AS high
          FROM "Product" p2 LEFT JOIN "ProductVariant" v ON v."productId" = p2.id AND v."isActive"
         GROUP BY p2.id) r
 WHERE p.id = r.id;

ALTER TABLE "Product" ADD CONSTRAINT "Product_price_range_ordered" CHECK ("minPrice" >= 0 AND "minPrice" <= "maxPrice");

-- Recomputes the range of these products. The rows are locked first (in id order, so
-- two writers cannot deadlock; NO KEY UPDATE, which the foreign-key KEY SHARE locks of
-- concurrent variant inserts do not block) and the variants read by the next
-- statement: under READ COMMITTED that statement's snapshot includes whatever a writer
-- that held the lock before us committed, so two concurrent reprices of one product
-- cannot leave a range that misses either.
CREATE FUNCTION shop_refresh_product_price_range(product_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Product" WHERE id = ANY(product_ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE "Product" p SET "minPrice" = r.low, "maxPrice" = r.high
    FROM (SELECT p2.id, COALESCE(min(v.price), p2.price) AS low, COALESCE(max(v.price), p2.price) AS high
            FROM "Product" p2 LEFT JOIN "ProductVariant" v ON v."productId" = p2.id AND v."isActive"
           WHERE p2.id = ANY(product_ids)
           GROUP BY p2.id) r
   WHERE p.id = r.id AND (p."minPrice", p."maxPrice") IS DISTINCT FROM (r.low, r.high);
END $$;

-- Variant inserts and deletes fire once per statement (an import of 500 products'
-- variants refreshes them in one UPDATE); updates fire per row, only when the price,
-- the active flag or the owner changed (stock and name edits cost nothing).
CREATE FUNCTION shop_variant_price_range() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'ROW' THEN
    PERFORM shop_refresh_product_price_range(ARRAY[OLD."productId", NEW."productId"]);
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM shop_refresh_product_price_range(ARRAY(SELECT DISTINCT "productId" FROM new_rows WHERE "isActive"));
  ELSE
    PERFORM shop_refresh_product_price_range(ARRAY(SELECT DISTINCT "productId" FROM old_rows WHERE "isActive"));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER variant_price_range_insert AFTER INSERT ON "ProductVariant"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shop_variant_price_range();
CREATE TRIGGER variant_price_range_update AFTER UPDATE OF "price", "isActive", "productId" ON "ProductVariant"
  FOR EACH ROW WHEN (OLD."price" IS DISTINCT FROM NEW."price" OR OLD."isActive" IS DISTINCT FROM NEW."isActive"
                     OR OLD."productId" IS DISTINCT FROM NEW."productId")
  EXECUTE FUNCTION shop_variant_price_range();
CREATE TRIGGER variant_price_range_delete AFTER DELETE ON "ProductVariant"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shop_variant_price_range();

-- On the product: the range is derived, so a direct write is refused (only the
-- refresh above, nested, may set it). A new product starts at its own price (it has
-- no variants yet; a default variant gets that same price), and a product without
-- active variants follows its price.
CREATE FUNCTION shop_product_price_range() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND (
       (TG_OP = 'INSERT' AND (NEW."minPrice" <> 0 OR NEW."maxPrice" <> 0))
    OR (TG_OP = 'UPDATE' AND (NEW."minPrice", NEW."maxPrice") IS DISTINCT FROM (OLD."minPrice", OLD."maxPrice"))) THEN
    RAISE EXCEPTION 'Product.minPrice and maxPrice are maintained from the variants'' prices and cannot be set directly'
      USING ERRCODE = 'integrity_constraint_violation',
            HINT = 'Reprice a variant (or the product, when it has no active variant) instead.';
  END IF;
  IF TG_OP = 'INSERT' OR (NEW."price" <> OLD."price"
     AND NOT EXISTS (SELECT 1 FROM "ProductVariant" WHERE "productId" = NEW.id AND "isActive")) THEN
    NEW."minPrice" := NEW."price";
    NEW."maxPrice" := NEW."price";
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER product_price_range BEFORE INSERT OR UPDATE OF "price", "minPrice", "maxPrice" ON "Product"
  FOR EACH ROW EXECUTE FUNCTION shop_product_price_range();
