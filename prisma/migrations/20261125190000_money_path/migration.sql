-- The money path (docs/money.md): stock reservations for unpaid orders, an expiry
-- for each order's hold, refunds, and database guards for the order and payment rules.
-- Generated part: prisma migrate diff between the schemas; hand-written part below it.

-- CreateEnum
CREATE TYPE "ReservationStatus" AS ENUM ('HELD', 'CONVERTED', 'RELEASED');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'EXPIRED' BEFORE 'REFUNDED';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "refundedTotal" DECIMAL(12,2) NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "providerRef" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "failureReason" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockReservation" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "status" "ReservationStatus" NOT NULL DEFAULT 'HELD',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "StockReservation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Refund_idempotencyKey_key" ON "Refund"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Refund_paymentId_idx" ON "Refund"("paymentId");

-- CreateIndex
CREATE INDEX "Refund_status_createdAt_idx" ON "Refund"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Refund_requestedById_idx" ON "Refund"("requestedById");

-- CreateIndex
CREATE INDEX "StockReservation_variantId_status_idx" ON "StockReservation"("variantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "StockReservation_orderId_variantId_key" ON "StockReservation"("orderId", "variantId");

-- CreateIndex
CREATE INDEX "Order_status_expiresAt_idx" ON "Order"("status", "expiresAt");

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockReservation" ADD CONSTRAINT "StockReservation_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockReservation" ADD CONSTRAINT "StockReservation_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ════════════════════════════════════════════════════════════════════════
-- Hand-written: checks and triggers Prisma cannot express.
-- ════════════════════════════════════════════════════════════════════════

ALTER TABLE "StockReservation" ADD CONSTRAINT "StockReservation_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_currency_code" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_attempts_non_negative" CHECK ("attempts" >= 0);
-- Not bounded by the total: a second payment made by mistake is refunded too.
-- Each payment's own refunds are bounded by what it captured (Payment_refund_within_amount).
ALTER TABLE "Order" ADD CONSTRAINT "Order_refunded_non_negative" CHECK ("refundedTotal" >= 0);

-- Inventory.reserved, like onHand, changes only through triggers (a reservation's
-- or the ledger's), so it always equals the sum of HELD reservations.
CREATE OR REPLACE FUNCTION shop_guard_on_hand() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND (
       (TG_OP = 'INSERT' AND (NEW."onHand" <> 0 OR NEW."reserved" <> 0))
    OR (TG_OP = 'UPDATE' AND (NEW."onHand" <> OLD."onHand" OR NEW."reserved" <> OLD."reserved"))) THEN
    RAISE EXCEPTION 'Inventory.onHand is maintained from the InventoryTransaction ledger, and Inventory.reserved from StockReservation'
      USING ERRCODE = 'integrity_constraint_violation',
            HINT = 'Insert an InventoryTransaction row (stock) or a StockReservation row (hold) instead.';
  END IF;
  RETURN NEW;
END $$;

-- A reservation holds stock while HELD; it may only leave HELD, once: CONVERTED
-- (paid: the hold becomes a SALE in the ledger, released first so that
-- reserved <= onHand holds at every step) or RELEASED (cancelled, expired).
CREATE FUNCTION shop_apply_reservation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" <> 'HELD' THEN
      RAISE EXCEPTION 'A stock reservation starts HELD' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    INSERT INTO "Inventory" ("variantId", "updatedAt") VALUES (NEW."variantId", now())
    ON CONFLICT ("variantId") DO NOTHING;
    -- The reserved <= onHand check refuses a hold on stock that is not there.
    UPDATE "Inventory" SET "reserved" = "reserved" + NEW."quantity", "updatedAt" = now()
     WHERE "variantId" = NEW."variantId";
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD."status" = 'HELD' THEN
      UPDATE "Inventory" SET "reserved" = "reserved" - OLD."quantity", "updatedAt" = now()
       WHERE "variantId" = OLD."variantId";
    END IF;
  ELSE
    IF NEW."orderId" <> OLD."orderId" OR NEW."variantId" <> OLD."variantId" OR NEW."quantity" <> OLD."quantity"
       OR (NEW."status" <> OLD."status" AND (OLD."status" <> 'HELD' OR NEW."status" = 'HELD')) THEN
      RAISE EXCEPTION 'A stock reservation only moves from HELD to CONVERTED or RELEASED, once'
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD."status" = 'HELD' AND NEW."status" <> 'HELD' THEN
      UPDATE "Inventory" SET "reserved" = "reserved" - OLD."quantity", "updatedAt" = now()
       WHERE "variantId" = OLD."variantId";
      IF NEW."status" = 'CONVERTED' THEN
        INSERT INTO "InventoryTransaction" ("variantId", "delta", "reason", "orderId", "note")
        VALUES (NEW."variantId", -NEW."quantity", 'SALE', NEW."orderId", 'paid: reservation converted');
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER stock_reservation_apply AFTER INSERT OR UPDATE OR DELETE ON "StockReservation"
  FOR EACH ROW EXECUTE FUNCTION shop_apply_reservation();

-- An order becomes PAID only with a succeeded payment, in its currency, covering its total.
CREATE FUNCTION shop_guard_order_paid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "Payment" p
     WHERE p."orderId" = NEW."id" AND p."status" = 'SUCCEEDED'
       AND p."currency" = NEW."currency" AND p."amount" >= NEW."total") THEN
    RAISE EXCEPTION 'Order % cannot be PAID without a succeeded payment covering its total', NEW."number"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER order_guard_paid BEFORE UPDATE OF "status" ON "Order"
  FOR EACH ROW WHEN (NEW."status" = 'PAID' AND OLD."status" IS DISTINCT FROM 'PAID')
  EXECUTE FUNCTION shop_guard_order_paid();

-- A payment can only start for an order that is still awaiting payment.
CREATE FUNCTION shop_guard_payment_start() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."id" = NEW."orderId" AND o."status" = 'PENDING') THEN
    RAISE EXCEPTION 'A payment can only start for an order awaiting payment'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER payment_guard_start BEFORE INSERT ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION shop_guard_payment_start();

-- Refunds of a payment (pending or done) never add up to more than it captured.
CREATE FUNCTION shop_guard_refund_total() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  captured numeric;
  refunded numeric;
BEGIN
  SELECT "amount" INTO captured FROM "Payment" WHERE "id" = NEW."paymentId" FOR UPDATE;
  SELECT COALESCE(sum("amount"), 0) INTO refunded FROM "Refund"
   WHERE "paymentId" = NEW."paymentId" AND "status" <> 'FAILED';
  IF refunded > captured THEN
    RAISE EXCEPTION 'Refunds of payment % exceed what it captured', NEW."paymentId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER refund_guard_total AFTER INSERT OR UPDATE OF "amount", "status" ON "Refund"
  FOR EACH ROW EXECUTE FUNCTION shop_guard_refund_total();

-- Orders placed before reservations took their stock at checkout (SALE rows): give
-- the unpaid ones a hold, so they expire and return it like any other.
UPDATE "Order" SET "expiresAt" = now() + interval '30 minutes' WHERE "status" = 'PENDING';
