-- Down migration for 20261210020000_guest_cart: guest carts and their lines go,
-- and every cart line belongs to a user again.
DELETE FROM "CartItem" WHERE "userId" IS NULL;
ALTER TABLE "CartItem" DROP CONSTRAINT "CartItem_one_owner";
ALTER TABLE "CartItem" DROP CONSTRAINT "CartItem_guestCartId_fkey";
DROP INDEX "CartItem_guestCartId_variantId_key";
ALTER TABLE "CartItem" DROP COLUMN "guestCartId", ALTER COLUMN "userId" SET NOT NULL;
DROP TABLE "GuestCart";
