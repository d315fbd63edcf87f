-- Down migration for 20261201090000_category_no_cycles: category moves are no longer
-- checked for cycles deeper than one level (the self-parent check stays).
DROP TRIGGER category_no_cycle ON "Category";
DROP FUNCTION shop_category_no_cycle();
