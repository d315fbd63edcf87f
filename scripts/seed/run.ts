import { isDeepStrictEqual } from "node:util";
import { TRPCError } from "@trpc/server";
import { createCaller, createInnerContext, handlePaymentWebhook, hashPassword, TestPaymentProvider, type Session } from "@shop/api";
import type { SettingChange } from "@shop/api/schemas";
import type { PrismaClient } from "@shop/db";
import { categoryTree, productSpec } from "./catalog";
import { createProgress } from "./progress";
import { createRandom } from "./random";

export const SEED = 20_261_125;
export const ADMIN = { email: "admin@shop.local", password: "admin-local-only", name: "Ada Admin" };
export const STAFF = { email: "staff@shop.local", password: "staff-local-only", name: "Sam Staff" };
export const customerAccount = (n: number) => ({ email: `customer${n}@shop.local`, password: "customer-local-only", name: `Customer ${n}` });

export const sizes = { small: 48, "10k": 10_000, "100k": 100_000 } as const;
export interface SeedOptions {
  db: PrismaClient;
  products: number;
  customers?: number;
  progress?: boolean;
  log?: (line: string) => void;
}

const orderStatuses = ["PENDING", "PAID", "FULFILLING", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"] as const;
type Status = (typeof orderStatuses)[number];
type Step = "pay" | "refund" | "FULFILLING" | "SHIPPED" | "DELIVERED" | "CANCELLED";
// How an order reaches each status: paying and refunding are money steps, the rest staff's moves.
const pathTo: Record<Status, Step[]> = {
  PENDING: [],
  PAID: ["pay"],
  FULFILLING: ["pay", "FULFILLING"],
  SHIPPED: ["pay", "FULFILLING", "SHIPPED"],
  DELIVERED: ["pay", "FULFILLING", "SHIPPED", "DELIVERED"],
  CANCELLED: ["CANCELLED"],
  REFUNDED: ["pay", "refund"],
};
// Where an order already is along its path (an expired seeded order stays as it is).
const stepsDone = (status: string) => (status in pathTo ? pathTo[status as Status].length : Infinity);

const isCode = (error: unknown, code: TRPCError["code"]) => error instanceof TRPCError && error.code === code;

/**
 * Seeds the shop through the API itself, as the system admin: the only direct
 * write is the first admin account (there is nobody to create it). Idempotent:
 * everything is looked up by a natural key (e-mail, slug, SKU, idempotency key)
 * before it is created, so a second run changes nothing.
 */
export async function seed(options: SeedOptions) {
  const log = options.log ?? (() => {});
  // Wall seconds per phase: logged, and returned for callers that report them (the bench).
  const seconds: Record<"people" | "products" | "orders" | "extras", number> = { people: 0, products: 0, orders: 0, extras: 0 };
  let phaseStarted = performance.now();
  const phaseDone = (phase: keyof typeof seconds, line: string) => {
    seconds[phase] = (performance.now() - phaseStarted) / 1000;
    phaseStarted = performance.now();
    log(`${line} in ${seconds[phase].toFixed(1)}s`);
  };
  // Its own stream, used only after every lookup-dependent step, for reviews and traffic.
  const random = createRandom(SEED);
  const { db } = options;

  // 1. The first admin: the one row written directly.
  const adminUser = await db.user.upsert({
    where: { email: ADMIN.email },
    create: { email: ADMIN.email, name: ADMIN.name, password: await hashPassword(ADMIN.password), roles: { create: [{ role: "ADMIN" }, { role: "STAFF" }] } },
    update: {},
    select: { id: true, email: true },
  });
  const adminContext = createInnerContext({ session: { user: { ...adminUser, roles: ["ADMIN", "STAFF"] } }, db });
  const admin = createCaller(adminContext);
  const publicCaller = createCaller(createInnerContext({ session: null, db }));
  const callerFor = (session: Session) => createCaller(createInnerContext({ session, db }));

  // 2. People: staff and customers register through the API.
  async function account(spec: { email: string; password: string; name: string }) {
    // register answers alike for new and taken e-mails (it must not reveal accounts).
    await publicCaller.auth.register(spec);
    const user = await db.user.findUniqueOrThrow({ where: { email: spec.email.toLowerCase() }, select: { id: true, email: true, roles: { select: { role: true } } } });
    return { id: user.id, email: user.email, roles: user.roles.map((r) => r.role) };
  }
  const staff = await account(STAFF);
  if (!staff.roles.includes("STAFF")) await admin.admin.user.setRoles({ userId: staff.id, roles: ["CUSTOMER", "STAFF"] });

  const customerCount = options.customers ?? Math.min(50, Math.max(8, Math.round(options.products / 200)));
  const customers = [];
  for (let n = 1; n <= customerCount; n++) {
    const user = await account(customerAccount(n));
    const caller = callerFor({ user: { ...user, roles: ["CUSTOMER"] } });
    if ((await caller.address.list()).length === 0) {
      await caller.address.create({ name: `Customer ${n}`, street: `${n} Seed Street`, city: ["Springfield", "Riverton", "Lakeside", "Hillview"][n % 4] ?? "Springfield", state: "CA", zipCode: String(90_000 + n), country: "US" });
    }
    customers.push({ ...user, caller });
  }
  phaseDone("people", `people: admin, staff and ${customers.length} customers`);

  // 3. Categories, parents first.
  const existing = new Map((await admin.admin.category.list()).map((c) => [c.slug, c.id]));
  for (const [position, spec] of categoryTree.entries()) {
    if (existing.has(spec.slug)) continue;
    const parentId = spec.parentSlug ? existing.get(spec.parentSlug) : undefined;
    const created = await admin.admin.category.create({ name: spec.name, slug: spec.slug, description: spec.description, parentId, position });
    existing.set(spec.slug, created.id);
  }

  // 4. Products in batches through the batch import procedure, two in flight: while
  // PostgreSQL runs one batch's statement, Node validates and encodes the next.
  const batchSize = 500;
  const progress = options.progress ? createProgress("products", options.products) : null;
  let createdProducts = 0;
  let nextStart = 0;
  const importBatches = async () => {
    for (let start = nextStart; start < options.products; start = nextStart) {
      nextStart += batchSize;
      const batch = [];
      for (let index = start; index < Math.min(options.products, start + batchSize); index++) {
        const { categorySlug, ...product } = productSpec(index, SEED);
        batch.push({ ...product, categoryId: existing.get(categorySlug) ?? "", status: "ACTIVE" as const });
      }
      const result = await admin.admin.product.createMany({ products: batch });
      createdProducts += result.createdProducts;
      progress?.advance(batch.length);
    }
  };
  await Promise.all([importBatches(), importBatches()]);
  phaseDone("products", `products: ${options.products} in the catalog (${createdProducts} new)`);

  // 5. Orders in every status, with payments, through checkout.
  const specs = Array.from({ length: Math.min(40, options.products) }, (_, index) => productSpec(index, SEED));
  const sellable = specs.filter((spec) => spec.variants.some((v) => v.stock >= 10));
  const variantIdBySku = new Map<string, string>();
  for (const spec of sellable) {
    for (const variant of (await publicCaller.product.bySlug({ slug: spec.slug })).variants) variantIdBySku.set(variant.sku, variant.id);
  }
  let orders = 0;
  for (const [i, status] of [...orderStatuses, ...orderStatuses].entries()) {
    const customer = customers[i % customers.length];
    if (!customer) break;
    const idempotencyKey = `seed-order-${i + 1}`;
    const address = (await customer.caller.address.list())[0];
    const checkout = () => customer.caller.order.checkout({ idempotencyKey, addressId: address?.id });
    let order = await checkout().catch((error: unknown) => (isCode(error, "BAD_REQUEST") ? null : Promise.reject(error)));
    if (!order) {
      for (const spec of [sellable[i % sellable.length], sellable[(i * 7 + 3) % sellable.length]]) {
        const variant = spec?.variants.find((v) => v.stock >= 10);
        const variantId = variant && variantIdBySku.get(variant.sku);
        if (variantId) await customer.caller.cart.add({ variantId, quantity: 1 + (i % 2) });
      }
      order = await checkout();
    }
    for (const step of pathTo[status].slice(stepsDone(order.status))) {
      if (step === "pay") {
        const { payment } = await customer.caller.payment.createIntent({ orderId: order.id });
        await customer.caller.payment.confirm({ orderId: order.id });
        // The provider's confirmation webhook, as it would arrive (recorded once).
        if (adminContext.payments instanceof TestPaymentProvider && payment.providerRef) {
          const event = JSON.stringify({ id: `seed-evt-${order.id}`, type: "payment_intent.succeeded", providerRef: payment.providerRef, status: "SUCCEEDED" });
          await handlePaymentWebhook(adminContext, event, adminContext.payments.sign(event));
        }
      } else if (step === "refund") {
        await admin.admin.order.refund({ id: order.id, reason: "seeded refund" });
      } else {
        await admin.admin.order.updateStatus({ id: order.id, status: step });
      }
    }
    orders++;

    // Reviews from customers whose order arrived; every third waits for moderation.
    if (status === "DELIVERED" || status === "SHIPPED") {
      const productId = order.items[0]?.productId;
      if (productId) {
        const review = await customer.caller.review
          .create({ productId, rating: 3 + (i % 3), title: ["Love it", "Solid", "As described"][i % 3], body: "Seeded review." })
          .catch((error: unknown) => (isCode(error, "CONFLICT") ? null : Promise.reject(error)));
        if (review && i % 3 !== 0) await admin.admin.review.moderate({ id: review.id, status: "APPROVED" });
      }
    }
  }
  phaseDone("orders", `orders: ${orders} across every status`);

  // 6. Carts and wishlists (after checkout, which empties carts).
  for (const [i, customer] of customers.entries()) {
    const spec = sellable[(i * 5 + 1) % sellable.length];
    if (!spec) continue;
    const productId = (await publicCaller.product.bySlug({ slug: spec.slug })).id;
    await customer.caller.wishlist.add({ productId });
    if (i % 2 === 0 && (await customer.caller.cart.get()).items.length === 0) {
      const variantId = variantIdBySku.get(spec.variants.find((v) => v.stock >= 10)?.sku ?? "");
      if (variantId) await customer.caller.cart.add({ variantId, quantity: 1 });
    }
  }

  // 7. Settings, changed only where they differ (amounts per currency, as decimal strings).
  const wanted: SettingChange[] = [
    { key: "store.name", value: "Shop Platform Demo" },
    {
      key: "shipping.methods",
      value: [
        { code: "standard", name: "Standard", price: { USD: "4.95" }, freeOver: { USD: "75.00" }, estimate: "3–5 business days" },
        { code: "express", name: "Express", price: { USD: "14.95" }, estimate: "1–2 business days", countries: ["US", "CA"] },
      ],
    },
    { key: "tax.rate", value: 0.08 },
  ];
  const current = await admin.admin.settings.list();
  for (const { key, value } of wanted) {
    if (!isDeepStrictEqual(current[key], value) || !(await db.setting.findUnique({ where: { key }, select: { key: true } }))) {
      await admin.admin.settings.set({ key, value });
    }
  }

  // 8. Six weeks of storefront traffic for the dashboard charts.
  const to = new Date();
  const from = new Date(to.getTime() - 42 * 86_400_000);
  const traffic = await admin.admin.analytics.events({ from, to });
  if (!traffic.some((row) => row.type === "PAGE_VIEW")) {
    const events = [];
    for (let day = 0; day < 42; day++) {
      const at = new Date(from.getTime() + day * 86_400_000 + 12 * 3_600_000);
      const visits = 40 + Math.round(25 * Math.sin(day / 3)) + random.int(0, 20);
      for (let v = 0; v < visits; v++) {
        const sessionId = `seed-${day}-${v}`;
        events.push({ type: "PAGE_VIEW" as const, occurredAt: at, sessionId });
        if (v % 2 === 0) events.push({ type: "PRODUCT_VIEW" as const, occurredAt: at, sessionId });
        if (v % 5 === 0) events.push({ type: "SEARCH" as const, occurredAt: at, sessionId, metadata: { q: random.pick(["tent", "shirt", "lamp", "kettle"]) } });
        if (v % 7 === 0) events.push({ type: "ADD_TO_CART" as const, occurredAt: at, sessionId });
      }
    }
    for (let start = 0; start < events.length; start += 5_000) {
      await admin.admin.analytics.recordEvents({ events: events.slice(start, start + 5_000) });
    }
  }
  // Daily aggregates for the reports, rebuilt from what is there (same days, same rows).
  const today = new Date(to.toISOString().slice(0, 10));
  await admin.admin.analytics.rollup({ from: new Date(today.getTime() - 42 * 86_400_000), to: today });

  phaseDone("extras", "carts, wishlists, settings and six weeks of traffic");
  return { admin: adminUser, staff, customers: customers.length, products: options.products, orders, seconds };
}
