-- Down migration for 20261220010000_variant_compare_at_price: variants lose their compare-at prices.
ALTER TABLE "ProductVariant" DROP CONSTRAINT "ProductVariant_compare_at_above_price";
ALTER TABLE "ProductVariant" DROP COLUMN "compareAtPrice";
