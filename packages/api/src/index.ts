import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { appRouter, createCaller, createStorefrontCaller, storefrontRouter, type AppRouter, type StorefrontRouter } from "./root";
export { anonymousSession, createInnerContext, createTRPCContext, disconnectCaches, type Context, type Session, type SessionSource, type SessionUser } from "./context";
export { transformer } from "./transformer";
export { cacheGeneration } from "./lib/cache";
export { responseMeta, OUTAGE_RETRY_AFTER_SECONDS, SHARED_CACHE_CONTROL, toTRPCError } from "./lib/errors";
export { clientAddress } from "./client-address";
export { consume, limiter, TooManyAttempts, type Limiter, type LimitRule } from "./lib/limiter";
export { hashPassword, verifyPassword } from "./lib/passwords";
export { currentRoles, isStaff, staffRoles } from "./lib/roles";
export { type Storage, storeImage, UnsupportedImageError, uploadStorage } from "./lib/storage/storage";
export { handlePaymentWebhook, type WebhookResult } from "./routers/payment/webhook";
export { WebhookPayloadError, WebhookSignatureError, StripePaymentProvider, TestPaymentProvider, type PaymentProvider } from "./lib/payments";
export { deleteExpiredGuestCarts, guestCartCookie, guestCartSetCookie, mergeGuestCart, readCookie } from "./routers/cart/guest-cart";
export { executeRefund, expireOrder, expireOverdueOrders, type MoneyContext } from "./lib/orders";
export { readSettings } from "./lib/settings";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
