-- ── Guest carts ───────────────────────────────────────────────────────────
-- Signed-out visitors get a cart too: a GuestCart row whose id is the random token
-- in the visitor's cookie, and CartItem lines owned by it instead of by a user.
-- Signing in merges the guest's lines into the account's cart and deletes the
-- guest cart; expired guest carts are deleted by the worker (cart.expire-guests).
-- Generated part: prisma migrate diff between the schemas; hand-written part below it.

-- AlterTable
ALTER TABLE "CartItem" ADD COLUMN     "guestCartId" TEXT,
ALTER COLUMN "userId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "GuestCart" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GuestCart_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GuestCart_expiresAt_idx" ON "GuestCart"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "CartItem_guestCartId_variantId_key" ON "CartItem"("guestCartId", "variantId");

-- AddForeignKey
ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_guestCartId_fkey" FOREIGN KEY ("guestCartId") REFERENCES "GuestCart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written part.
-- Exactly one owner per line: never a line nobody owns, never one two carts share.
ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_one_owner" CHECK (num_nonnulls("userId", "guestCartId") = 1);
