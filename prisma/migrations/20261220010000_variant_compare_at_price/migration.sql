-- ── ProductVariant.compareAtPrice: a sale per variant ─────────────────────
-- Only the product had a compare-at price, so a sale on one size could not be shown.
-- A variant's own regular price is above its price or absent; the product page strikes
-- it for the chosen variant, and a card says "Sale" when any active variant is on sale
-- (read at list time from the variants, see docs/data-model.md "Prices").

-- AlterTable
ALTER TABLE "ProductVariant" ADD COLUMN     "compareAtPrice" DECIMAL(12,2);

-- Hand-written part.
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_compare_at_above_price" CHECK ("compareAtPrice" IS NULL OR "compareAtPrice" > "price");
