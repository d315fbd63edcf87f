-- Down migration for 20261202090000_product_keyset_indexes: back to the two-column
-- list indexes (deep product.list pages scan again).
DROP INDEX "Product_status_createdAt_id_idx";
DROP INDEX "Product_status_price_id_idx";
DROP INDEX "Product_status_name_id_idx";

CREATE INDEX "Product_status_createdAt_idx" ON "Product"("status", "createdAt");
CREATE INDEX "Product_status_price_idx" ON "Product"("status", "price");
