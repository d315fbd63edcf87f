-- ── Category.activeProductCount: maintained, not counted ──────────────────
-- category.list showed each category's ACTIVE products by counting them on every
-- cache miss (a scan of 100k index entries at 100k products). The count is now a
-- column kept by triggers on Product: +1/-1 when a row enters or leaves (status,
-- categoryId) = (ACTIVE, this category), by insert, status change, move or delete.
-- It counts the category's own products, not its descendants', as before.
-- Generated part: prisma migrate diff between the schemas; hand-written part below it.

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "activeProductCount" INTEGER NOT NULL DEFAULT 0;

-- Hand-written part.
ALTER TABLE "Category" ADD CONSTRAINT "Category_active_product_count_non_negative" CHECK ("activeProductCount" >= 0);

-- Row-level, with WHEN clauses so that only rows that change a count call the
-- function: the stock trigger's UPDATE of Product.quantity (every checkout) and
-- price edits fire nothing. `x = x + change` under the category row's lock keeps
-- concurrent writers exact; a move locks its two categories in id order, so two
-- crossing moves wait for each other instead of deadlocking.
CREATE FUNCTION shop_category_active_product_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  category_id text;
  change integer;
BEGIN
  FOR category_id, change IN
    SELECT id, sum(delta) FROM (VALUES
      (CASE WHEN TG_OP <> 'INSERT' AND OLD."status" = 'ACTIVE' THEN OLD."categoryId" END, -1),
      (CASE WHEN TG_OP <> 'DELETE' AND NEW."status" = 'ACTIVE' THEN NEW."categoryId" END, 1)
    ) AS moves(id, delta)
     WHERE id IS NOT NULL GROUP BY id HAVING sum(delta) <> 0 ORDER BY id
  LOOP
    UPDATE "Category" SET "activeProductCount" = "activeProductCount" + change WHERE "id" = category_id;
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER product_count_insert AFTER INSERT ON "Product"
  FOR EACH ROW WHEN (NEW."status" = 'ACTIVE')
  EXECUTE FUNCTION shop_category_active_product_count();
CREATE TRIGGER product_count_update AFTER UPDATE OF "status", "categoryId" ON "Product"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."categoryId" IS DISTINCT FROM NEW."categoryId")
  EXECUTE FUNCTION shop_category_active_product_count();
CREATE TRIGGER product_count_delete AFTER DELETE ON "Product"
  FOR EACH ROW WHEN (OLD."status" = 'ACTIVE')
  EXECUTE FUNCTION shop_category_active_product_count();

-- Backfill. The migration runs as one transaction and ADD COLUMN holds Category's
-- exclusive lock, so no product write (its foreign key check locks the category)
-- can fall between this count and the triggers above.
UPDATE "Category" c SET "activeProductCount" = counts.n
  FROM (SELECT "categoryId", count(*)::integer AS n FROM "Product" WHERE "status" = 'ACTIVE' GROUP BY "categoryId") counts
 WHERE c."id" = counts."categoryId";

-- Like Product.quantity, the count is derived: only the trigger above (nested, so
-- pg_trigger_depth() > 1) may change it; a new category starts at zero.
CREATE FUNCTION shop_guard_category_product_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND NEW."activeProductCount" <> COALESCE(OLD."activeProductCount", 0) THEN
    RAISE EXCEPTION 'Category.activeProductCount is maintained from Product and cannot be set directly'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER category_guard_product_count BEFORE INSERT OR UPDATE OF "activeProductCount" ON "Category"
  FOR EACH ROW EXECUTE FUNCTION shop_guard_category_product_count();
