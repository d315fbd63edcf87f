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

-- Inserts and deletes fire once per statement and read its transition table: one
-- UPDATE per category however many rows it writes. (Row by row, a 10k-row insert
-- updated one category row 10k times in one transaction, each walking the row's
-- growing chain of versions: 10-28 s instead of 1-2 s.) Updates fire per row, only for
-- a changed status or categoryId (the column list and WHEN are checked without calling
-- the function): the stock trigger's UPDATE of Product.quantity on every sale, and
-- price edits, cost nothing. (A statement-level update trigger cost those about 50 µs
-- each; the price is that one statement changing the status of thousands of products
-- is slow in the way above; the API changes one product at a time.)
-- `x = x + change` under the category row's lock keeps concurrent writers exact, and
-- a statement locks its categories in id order, so two cannot deadlock on them.
CREATE FUNCTION shop_category_active_product_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
  changes integer[];
BEGIN
  -- Each branch reads only the rows its event has.
  IF TG_LEVEL = 'ROW' THEN
    SELECT array_agg(id ORDER BY id), array_agg(change ORDER BY id) INTO ids, changes
      FROM (VALUES (CASE WHEN OLD."status" = 'ACTIVE' THEN OLD."categoryId" END, -1),
                   (CASE WHEN NEW."status" = 'ACTIVE' THEN NEW."categoryId" END, 1)) moves(id, change)
     WHERE id IS NOT NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(id ORDER BY id), array_agg(change ORDER BY id) INTO ids, changes
      FROM (SELECT "categoryId" AS id, count(*)::integer AS change FROM new_rows WHERE "status" = 'ACTIVE' GROUP BY 1) moves;
  ELSE
    SELECT array_agg(id ORDER BY id), array_agg(change ORDER BY id) INTO ids, changes
      FROM (SELECT "categoryId" AS id, -count(*)::integer AS change FROM old_rows WHERE "status" = 'ACTIVE' GROUP BY 1) moves;
  END IF;
  FOR i IN 1 .. coalesce(array_length(ids, 1), 0) LOOP
    UPDATE "Category" SET "activeProductCount" = "activeProductCount" + changes[i] WHERE "id" = ids[i];
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER product_count_insert AFTER INSERT ON "Product"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shop_category_active_product_count();
CREATE TRIGGER product_count_update AFTER UPDATE OF "status", "categoryId" ON "Product"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."categoryId" IS DISTINCT FROM NEW."categoryId")
  EXECUTE FUNCTION shop_category_active_product_count();
CREATE TRIGGER product_count_delete AFTER DELETE ON "Product"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shop_category_active_product_count();

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
