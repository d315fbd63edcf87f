-- Down migration for 20261210010000_product_price_range: listings read Product.price
-- again (the range columns, their triggers and index go; the price index returns).
DROP TRIGGER product_price_range ON "Product";
DROP FUNCTION shop_product_price_range();
DROP TRIGGER variant_price_range_insert ON "ProductVariant";
DROP TRIGGER variant_price_range_update ON "ProductVariant";
DROP TRIGGER variant_price_range_delete ON "ProductVariant";
DROP FUNCTION shop_variant_price_range();
DROP FUNCTION shop_refresh_product_price_range(text[]);
DROP INDEX "Product_status_minPrice_id_idx";
ALTER TABLE "Product" DROP CONSTRAINT "Product_price_range_ordered";
ALTER TABLE "Product" DROP COLUMN "minPrice";
ALTER TABLE "Product" DROP COLUMN "maxPrice";
CREATE INDEX "Product_status_price_id_idx" ON "Product"("status", "price", "id");
