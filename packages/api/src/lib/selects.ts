import type { Prisma } from "@shop/db";

// Explicit selects for every read, so a new column (or the password hash) never
// leaves the API by accident.
export const userSelect = {
  id: true,
  email: true,
  name: true,
  image: true,
  // When the owner followed the confirmation link (or a reset link); null until then.
  emailVerified: true,
  createdAt: true,
  roles: { select: { role: true } },
} satisfies Prisma.UserSelect;

export const addressSelect = {
  id: true,
  name: true,
  street: true,
  street2: true,
  city: true,
  state: true,
  zipCode: true,
  country: true,
  phone: true,
  defaultForUserId: true,
} satisfies Prisma.AddressSelect;

export const categorySelect = {
  id: true,
  name: true,
  slug: true,
  description: true,
  parentId: true,
  position: true,
} satisfies Prisma.CategorySelect;

export const variantSelect = {
  id: true,
  sku: true,
  name: true,
  options: true,
  price: true,
  compareAtPrice: true,
  currency: true,
  position: true,
  isActive: true,
  inventory: { select: { onHand: true, reserved: true } },
} satisfies Prisma.ProductVariantSelect;

export const productCardSelect = {
  id: true,
  name: true,
  slug: true,
  price: true,
  minPrice: true,
  maxPrice: true,
  compareAtPrice: true,
  currency: true,
  images: true,
  quantity: true,
  status: true,
  category: { select: { id: true, name: true, slug: true } },
  // Not every variant: the cheapest ACTIVE one on sale, if any (the card's sale badge;
  // a compare-at price is above its price by a check constraint). product.list reads
  // the same from a lateral subquery.
  variants: { where: { isActive: true, compareAtPrice: { not: null } }, select: { price: true, compareAtPrice: true }, orderBy: [{ price: "asc" }, { id: "asc" }], take: 1 },
} satisfies Prisma.ProductSelect;

export const orderSelect = {
  id: true,
  number: true,
  status: true,
  email: true,
  currency: true,
  subtotal: true,
  discountTotal: true,
  shippingTotal: true,
  taxTotal: true,
  total: true,
  shippingMethodCode: true,
  shippingMethodName: true,
  shipName: true,
  shipStreet: true,
  shipStreet2: true,
  shipCity: true,
  shipState: true,
  shipZipCode: true,
  shipCountry: true,
  placedAt: true,
  paidAt: true,
  shippedAt: true,
  deliveredAt: true,
  cancelledAt: true,
  expiresAt: true,
  refundedTotal: true,
  items: {
    select: { id: true, productId: true, variantId: true, productName: true, variantName: true, sku: true, unitPrice: true, quantity: true, lineTotal: true },
  },
  payments: { select: { id: true, provider: true, status: true, amount: true, refundedAmount: true, currency: true, createdAt: true } },
} satisfies Prisma.OrderSelect;

/** A review as the public sees it: the reviewer by name only, never their account id. */
export const reviewSelect = {
  id: true,
  rating: true,
  title: true,
  body: true,
  verifiedPurchase: true,
  status: true,
  createdAt: true,
  productId: true,
  user: { select: { name: true } },
} satisfies Prisma.ReviewSelect;

/** A review as staff moderate it: who wrote it, to notify them. */
export const staffReviewSelect = { ...reviewSelect, user: { select: { id: true, name: true } } } satisfies Prisma.ReviewSelect;

/** A cart line with what pricing, checkout and availability need (read in one statement by routers/cart/cart-lines.ts). */
export const cartLineSelect = {
  id: true,
  quantity: true,
  variant: {
    select: {
      id: true,
      sku: true,
      name: true,
      price: true,
      currency: true,
      isActive: true,
      inventory: { select: { onHand: true, reserved: true } },
      product: { select: { id: true, name: true, slug: true, images: true, status: true } },
    },
  },
} satisfies Prisma.CartItemSelect;
