-- ── product.list keyset pagination ───────────────────────────────────────
-- Each sort of the storefront list pages with a row comparison such as
-- ("createdAt", id) < (X, Y). An index ending in the sort column alone cannot serve
-- it: page 500 scanned and discarded every earlier row. With id as the last column
-- the comparison is an index condition and a deep page costs what page 1 costs.
-- The new indexes start with the old ones' columns, so the old ones go.
DROP INDEX "Product_status_createdAt_idx";
DROP INDEX "Product_status_price_idx";

CREATE INDEX "Product_status_createdAt_id_idx" ON "Product"("status", "createdAt", "id");
CREATE INDEX "Product_status_price_id_idx" ON "Product"("status", "price", "id");
CREATE INDEX "Product_status_name_id_idx" ON "Product"("status", "name", "id");
