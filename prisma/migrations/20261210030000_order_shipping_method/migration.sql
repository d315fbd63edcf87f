-- ── Order.shippingMethodCode / shippingMethodName: the method chosen at checkout ──
-- Checkout now offers the methods of the shipping.methods setting; an order keeps the
-- code and the name it had then (the setting may change later). Orders placed before
-- have none (null).

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "shippingMethodCode" TEXT,
ADD COLUMN     "shippingMethodName" TEXT;
