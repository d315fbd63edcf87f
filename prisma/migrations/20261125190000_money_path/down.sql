-- Down migration for 20261125190000_money_path. Reservations still HELD are
-- dropped with their table; Inventory.reserved is zeroed first so the restored
-- guard (onHand only) finds it consistent. EXPIRED orders become CANCELLED, the
-- closest status the older enum has.
DROP TRIGGER stock_reservation_apply ON "StockReservation";
DROP TRIGGER order_guard_paid ON "Order";
DROP TRIGGER payment_guard_start ON "Payment";
DROP TRIGGER refund_guard_total ON "Refund";
DROP FUNCTION shop_apply_reservation();
DROP FUNCTION shop_guard_order_paid();
DROP FUNCTION shop_guard_payment_start();
DROP FUNCTION shop_guard_refund_total();
CREATE OR REPLACE FUNCTION shop_guard_on_hand() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND (
       (TG_OP = 'INSERT' AND NEW."onHand" <> 0)
    OR (TG_OP = 'UPDATE' AND NEW."onHand" <> OLD."onHand")) THEN
    RAISE EXCEPTION 'Inventory.onHand is maintained from the InventoryTransaction ledger'
      USING ERRCODE = 'integrity_constraint_violation',
            HINT = 'Insert an InventoryTransaction row with the change as its delta.';
  END IF;
  RETURN NEW;
END $$;
UPDATE "Inventory" SET "reserved" = 0 WHERE "reserved" <> 0;
ALTER TABLE "Order" DROP CONSTRAINT "Order_refunded_non_negative";
UPDATE "Order" SET "status" = 'CANCELLED' WHERE "status" = 'EXPIRED';

-- AlterEnum

CREATE TYPE "OrderStatus_new" AS ENUM ('PENDING', 'PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED');
ALTER TABLE "Order" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Order" ALTER COLUMN "status" TYPE "OrderStatus_new" USING ("status"::text::"OrderStatus_new");
ALTER TYPE "OrderStatus" RENAME TO "OrderStatus_old";
ALTER TYPE "OrderStatus_new" RENAME TO "OrderStatus";
DROP TYPE "OrderStatus_old";
ALTER TABLE "Order" ALTER COLUMN "status" SET DEFAULT 'PENDING';


-- DropForeignKey
ALTER TABLE "Refund" DROP CONSTRAINT "Refund_paymentId_fkey";

-- DropForeignKey
ALTER TABLE "Refund" DROP CONSTRAINT "Refund_requestedById_fkey";

-- DropForeignKey
ALTER TABLE "StockReservation" DROP CONSTRAINT "StockReservation_orderId_fkey";

-- DropForeignKey
ALTER TABLE "StockReservation" DROP CONSTRAINT "StockReservation_variantId_fkey";

-- DropIndex
DROP INDEX "Order_status_expiresAt_idx";

-- AlterTable
ALTER TABLE "Order" DROP COLUMN "expiresAt",
DROP COLUMN "refundedTotal";

-- DropTable
DROP TABLE "Refund";

-- DropTable
DROP TABLE "StockReservation";

-- DropEnum
DROP TYPE "ReservationStatus";

-- DropEnum
DROP TYPE "RefundStatus";

