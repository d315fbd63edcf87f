-- Down migration for 20261203090000_category_product_counts: category.list counts
-- products again (the column, its triggers and guard go).
DROP TRIGGER category_guard_product_count ON "Category";
DROP FUNCTION shop_guard_category_product_count();
DROP TRIGGER product_count_insert ON "Product";
DROP TRIGGER product_count_update ON "Product";
DROP TRIGGER product_count_delete ON "Product";
DROP FUNCTION shop_category_active_product_count();
ALTER TABLE "Category" DROP COLUMN "activeProductCount";
