/**
 * The zod schemas behind procedure inputs, for the apps' forms: a form validates
 * with exactly what the API will enforce. Browser-safe: nothing here reaches the
 * database or Node built-ins, so keep server imports out of these files.
 */
export * from "./lib/schemas";
export { registerInput } from "./routers/auth/register.schema";
export { checkoutInput, type CheckoutInput } from "./routers/order/checkout.schema";
