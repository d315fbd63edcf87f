import { addressRouter } from "./routers/address/address.router";
import { adminRouter } from "./routers/admin/admin.router";
import { authRouter } from "./routers/auth/auth.router";
import { cartRouter } from "./routers/cart/cart.router";
import { categoryRouter } from "./routers/category/category.router";
import { healthRouter } from "./routers/health/health.router";
import { notificationRouter } from "./routers/notification/notification.router";
import { orderRouter } from "./routers/order/order.router";
import { paymentRouter } from "./routers/payment/payment.router";
import { productRouter } from "./routers/product/product.router";
import { reviewRouter } from "./routers/review/review.router";
import { storeRouter } from "./routers/store/store.router";
import { userRouter } from "./routers/user/user.router";
import { wishlistRouter } from "./routers/wishlist/wishlist.router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

const customerRoutes = {
  health: healthRouter,
  auth: authRouter,
  user: userRouter,
  address: addressRouter,
  category: categoryRouter,
  product: productRouter,
  cart: cartRouter,
  wishlist: wishlistRouter,
  order: orderRouter,
  payment: paymentRouter,
  review: reviewRouter,
  notification: notificationRouter,
  store: storeRouter,
};

export const appRouter = createTRPCRouter({ ...customerRoutes, admin: adminRouter });
export type AppRouter = typeof appRouter;

/**
 * What the storefront mounts: everything but `admin.*`, so an admin path sent to the
 * storefront is NOT_FOUND whoever asks (a second line behind the role middleware).
 */
export const storefrontRouter = createTRPCRouter(customerRoutes);
export type StorefrontRouter = typeof storefrontRouter;
export const createStorefrontCaller = createCallerFactory(storefrontRouter);

/** A server-side caller: `createCaller(createInnerContext({ session }))`. */
export const createCaller = createCallerFactory(appRouter);
