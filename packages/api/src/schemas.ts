/**
 * The zod schemas behind procedure inputs, for the apps' forms: a form validates
 * with exactly what the API will enforce. Browser-safe: nothing here reaches the
 * database or Node built-ins, so keep server imports out of these files.
 */
export * from "./lib/schemas";
export { humanError, optionLabel, ruleMessages } from "./lib/messages";
export { registerInput } from "./routers/auth/register.schema";
export { requestPasswordResetInput, resetPasswordInput, verifyEmailInput } from "./routers/auth/account.schema";
export { checkoutInput, type CheckoutInput } from "./routers/order/checkout.schema";
export { quoteInput, type QuoteInput } from "./routers/order/quote.schema";
export { countryCode, countryNames, countryOptions } from "./lib/countries";
export { productListInput, type ProductListInput } from "./routers/product/list.schema";
export { reviewCreateInput } from "./routers/review/review.schema";
export { updateUserInput } from "./routers/user/user.schema";
export { addressCreateInput } from "./routers/address/address.schema";
export { createProductInput, generateVariantsInput, productFields, productStatus, updateProductInput, upsertVariantFields, upsertVariantInput, variantFields, compareAtAbovePrice } from "./routers/admin/product.schema";
export { optionCombinations, sameOptions, skuFromPattern, variantName, type OptionList } from "./lib/variant-matrix";
export { slugFromName } from "./lib/slug";
export { categoryFields, createCategoryInput, updateCategoryInput } from "./routers/admin/category.schema";
export { adjustInventoryInput, stockAdjustmentReason } from "./routers/admin/inventory.schema";
export { orderStatus, refundOrderInput, updateOrderStatusInput } from "./routers/admin/order.schema";
export { orderTransitions, paidOrderStatuses, paymentTransitions, staffMovesFrom } from "./lib/lifecycle";
export { role, setRolesInput } from "./routers/admin/user.schema";
export { moderateReviewInput, reviewStatus } from "./routers/admin/review.schema";
export { settingDefaults, settingKey, settingKeys, settingSchemas, setSettingInput, shippingMethod, supportedCurrency, type SettingChange, type SettingKey, type Settings, type ShippingMethod } from "./lib/settings.schema";
