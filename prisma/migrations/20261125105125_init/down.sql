-- Down migration for 20261125105125_init: returns the database to empty.
-- Generated with `prisma migrate diff --from-schema-datamodel prisma/schema.prisma
-- --to-empty --script`, then reviewed by hand: the trigger functions the up
-- migration adds by hand are dropped at the end (their triggers go with the tables).
-- Applied by `pnpm db:migrate:down`, which also removes the _prisma_migrations row.
-- DropForeignKey
ALTER TABLE "public"."UserRole" DROP CONSTRAINT "UserRole_userId_fkey";

-- DropForeignKey
ALTER TABLE "public"."UserRole" DROP CONSTRAINT "UserRole_grantedById_fkey";

-- DropForeignKey
ALTER TABLE "public"."Address" DROP CONSTRAINT "Address_userId_fkey";

-- DropForeignKey
ALTER TABLE "public"."Address" DROP CONSTRAINT "Address_defaultForUserId_fkey";

-- DropForeignKey
ALTER TABLE "public"."Account" DROP CONSTRAINT "Account_userId_fkey";

-- DropForeignKey
ALTER TABLE "public"."Session" DROP CONSTRAINT "Session_userId_fkey";

-- DropForeignKey
ALTER TABLE "public"."Category" DROP CONSTRAINT "Category_parentId_fkey";

-- DropForeignKey
ALTER TABLE "public"."Product" DROP CONSTRAINT "Product_categoryId_fkey";

-- DropForeignKey
ALTER TABLE "public"."ProductVariant" DROP CONSTRAINT "ProductVariant_productId_fkey";

-- DropForeignKey
ALTER TABLE "public"."CartItem" DROP CONSTRAINT "CartItem_userId_fkey";

-- DropForeignKey
ALTER TABLE "public"."CartItem" DROP CONSTRAINT "CartItem_variantId_fkey";

-- DropForeignKey
ALTER TABLE "public"."WishlistItem" DROP CONSTRAINT "WishlistItem_userId_fkey";

-- DropForeignKey
ALTER TABLE "public"."WishlistItem" DROP CONSTRAINT "WishlistItem_productId_fkey";

-- DropForeignKey
ALTER TABLE "public"."WishlistItem" DROP CONSTRAINT "WishlistItem_variantId_fkey";

-- DropForeignKey
ALTER TABLE "public"."Order" DROP CONSTRAINT "Order_userId_fkey";

-- DropForeignKey
ALTER TABLE "public"."OrderItem" DROP CONSTRAINT "OrderItem_orderId_fkey";

-- DropForeignKey
ALTER TABLE "public"."OrderItem" DROP CONSTRAINT "OrderItem_productId_fkey";

-- DropForeignKey
ALTER TABLE "public"."OrderItem" DROP CONSTRAINT "OrderItem_variantId_fkey";

-- DropForeignKey
ALTER TABLE "public"."Payment" DROP CONSTRAINT "Payment_orderId_fkey";

-- DropForeignKey
ALTER TABLE "public"."PaymentEvent" DROP CONSTRAINT "PaymentEvent_paymentId_fkey";

-- DropForeignKey
ALTER TABLE "public"."Review" DROP CONSTRAINT "Review_userId_fkey";

-- DropForeignKey
ALTER TABLE "public"."Review" DROP CONSTRAINT "Review_productId_fkey";

-- DropForeignKey
ALTER TABLE "public"."Review" DROP CONSTRAINT "Review_moderatedById_fkey";

-- DropForeignKey
ALTER TABLE "public"."Inventory" DROP CONSTRAINT "Inventory_variantId_fkey";

-- DropForeignKey
ALTER TABLE "public"."InventoryTransaction" DROP CONSTRAINT "InventoryTransaction_variantId_fkey";

-- DropForeignKey
ALTER TABLE "public"."InventoryTransaction" DROP CONSTRAINT "InventoryTransaction_orderId_fkey";

-- DropForeignKey
ALTER TABLE "public"."InventoryTransaction" DROP CONSTRAINT "InventoryTransaction_actorId_fkey";

-- DropForeignKey
ALTER TABLE "public"."AnalyticsEvent" DROP CONSTRAINT "AnalyticsEvent_userId_fkey";

-- DropForeignKey
ALTER TABLE "public"."AnalyticsEvent" DROP CONSTRAINT "AnalyticsEvent_productId_fkey";

-- DropForeignKey
ALTER TABLE "public"."AnalyticsEvent" DROP CONSTRAINT "AnalyticsEvent_orderId_fkey";

-- DropForeignKey
ALTER TABLE "public"."Setting" DROP CONSTRAINT "Setting_updatedById_fkey";

-- DropForeignKey
ALTER TABLE "public"."Notification" DROP CONSTRAINT "Notification_userId_fkey";

-- DropTable
DROP TABLE "public"."User";

-- DropTable
DROP TABLE "public"."UserRole";

-- DropTable
DROP TABLE "public"."Address";

-- DropTable
DROP TABLE "public"."Account";

-- DropTable
DROP TABLE "public"."Session";

-- DropTable
DROP TABLE "public"."VerificationToken";

-- DropTable
DROP TABLE "public"."Category";

-- DropTable
DROP TABLE "public"."Product";

-- DropTable
DROP TABLE "public"."ProductVariant";

-- DropTable
DROP TABLE "public"."CartItem";

-- DropTable
DROP TABLE "public"."WishlistItem";

-- DropTable
DROP TABLE "public"."Order";

-- DropTable
DROP TABLE "public"."OrderItem";

-- DropTable
DROP TABLE "public"."Payment";

-- DropTable
DROP TABLE "public"."PaymentEvent";

-- DropTable
DROP TABLE "public"."Review";

-- DropTable
DROP TABLE "public"."Inventory";

-- DropTable
DROP TABLE "public"."InventoryTransaction";

-- DropTable
DROP TABLE "public"."AnalyticsEvent";

-- DropTable
DROP TABLE "public"."Analytics";

-- DropTable
DROP TABLE "public"."Setting";

-- DropTable
DROP TABLE "public"."Notification";

-- DropEnum
DROP TYPE "public"."Role";

-- DropEnum
DROP TYPE "public"."ProductStatus";

-- DropEnum
DROP TYPE "public"."OrderStatus";

-- DropEnum
DROP TYPE "public"."PaymentProvider";

-- DropEnum
DROP TYPE "public"."PaymentStatus";

-- DropEnum
DROP TYPE "public"."ReviewStatus";

-- DropEnum
DROP TYPE "public"."InventoryReason";

-- DropEnum
DROP TYPE "public"."AnalyticsEventType";

-- DropEnum
DROP TYPE "public"."SettingType";

-- DropEnum
DROP TYPE "public"."NotificationType";

-- DropEnum
DROP TYPE "public"."EmailStatus";


-- Hand-written: functions behind the triggers.
DROP FUNCTION "public".shop_address_owner();
DROP FUNCTION "public".shop_product_search_vector();
DROP FUNCTION "public".shop_apply_stock_movement();
DROP FUNCTION "public".shop_ledger_append_only();
DROP FUNCTION "public".shop_guard_on_hand();
DROP FUNCTION "public".shop_guard_inventory_delete();
DROP FUNCTION "public".shop_sync_product_quantity();
DROP FUNCTION "public".shop_guard_product_quantity();
DROP FUNCTION "public".shop_product_default_variant();
