-- Down migration for 20261210030000_order_shipping_method: orders forget their shipping method.
ALTER TABLE "Order" DROP COLUMN "shippingMethodName",
DROP COLUMN "shippingMethodCode";
