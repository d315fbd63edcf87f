import { isDeepStrictEqual } from "node:util";
import { TRPCError } from "@trpc/server";
import { createCaller, createInnerContext, handlePaymentWebhook, hashPassword, TestPaymentProvider, type Session } from "@shop/api";
import type { SettingChange } from "@shop/api/schemas";
import type { PrismaClient } from "@shop/db";
import { categoryTree, productSpec } from "./catalog";
import { dayWeight, HISTORY_DAYS, planOrders, stepTime, type PlannedOrder, type SeedStatus } from "./history";
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
  /** Orders over the last 90 days; by default 12 per customer, at most 120. */
  orders?: number;
  progress?: boolean;
  log?: (line: string) => void;
}

type Step = "pay" | "refund" | "FULFILLING" | "SHIPPED" | "DELIVERED" | "CANCELLED";
// How an order reaches each status: paying and refunding are money steps, the rest staff's moves.
const pathTo: Record<SeedStatus, Step[]> = {
  PENDING: [],
  PAID: ["pay"],
  FULFILLING: ["pay", "FULFILLING"],
  SHIPPED: ["pay", "FULFILLING", "SHIPPED"],
  DELIVERED: ["pay", "FULFILLING", "SHIPPED", "DELIVERED"],
  CANCELLED: ["CANCELLED"],
  REFUNDED: ["pay", "refund"],
};
// Where an order already is along its path (an expired seeded order stays as it is).
const stepsDone = (status: string) => (status in pathTo ? pathTo[status as SeedStatus].length : Infinity);

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
  const adminSession: Session = { user: { ...adminUser, roles: ["ADMIN", "STAFF"] } };
  const adminContext = createInnerContext({ session: adminSession, db });
  const admin = createCaller(adminContext);
  const publicCaller = createCaller(createInnerContext({ session: null, db }));
  const callerFor = (session: Session) => createCaller(createInnerContext({ session, db }));
  // The clock only the seed's own contexts can set (a request's context always has real time).
  const at = (clock: { now: Date }) => () => clock.now;

  // 2. People: staff and customers register through the API.
  async function account(spec: { email: string; password: string; name: string }) {
    // register answers alike for new and taken e-mails (it must not reveal accounts).
    await publicCaller.auth.register(spec);
    const user = await db.user.findUniqueOrThrow({ where: { email: spec.email.toLowerCase() }, select: { id: true, email: true, roles: { select: { role: true } } } });
    // Seeded addresses are made up: they count as confirmed, and no confirmation e-mail goes out.
    await db.user.updateMany({ where: { id: user.id, emailVerified: null }, data: { emailVerified: new Date() } });
    await db.notification.deleteMany({ where: { userId: user.id, type: "EMAIL_VERIFICATION" } });
    return { id: user.id, email: user.email, roles: user.roles.map((r) => r.role) };
  }
  const staff = await account(STAFF);
  if (!staff.roles.includes("STAFF")) await admin.admin.user.setRoles({ userId: staff.id, roles: ["CUSTOMER", "STAFF"] });

  const customerCount = options.customers ?? Math.min(50, Math.max(8, Math.round(options.products / 200)));
  const customers: { id: string; session: NonNullable<Session>; caller: ReturnType<typeof createCaller>; addressId: string }[] = [];
  for (let n = 1; n <= customerCount; n++) {
    const user = await account(customerAccount(n));
    const session = { user: { ...user, roles: ["CUSTOMER" as const] } };
    const caller = callerFor(session);
    const address =
      (await caller.address.list())[0] ??
      (await caller.address.create({ name: `Customer ${n}`, street: `${n} Seed Street`, city: ["Springfield", "Riverton", "Lakeside", "Hillview"][n % 4] ?? "Springfield", state: "CA", zipCode: String(90_000 + n), country: "US" }));
    customers.push({ ...user, session, caller, addressId: address.id });
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

  // 5. Orders over the last 90 days, through checkout, payment and staff's moves, with
  // the API's clock set to when each step happens (history.ts), so the dashboard's
  // charts show a history. One lane per customer (a cart is the customer's own), a
  // few customers at a time.
  const specs = Array.from({ length: Math.min(120, options.products) }, (_, index) => productSpec(index, SEED));
  const sellable = specs.flatMap((spec) => spec.variants.filter((v) => v.stock >= 10).map((variant) => ({ spec, sku: variant.sku })));
  // Each order's lines, chosen up front from the opening stock (and the same on every
  // run), so that however small the catalog no checkout asks for more than is left.
  const left = new Map(sellable.map(({ sku }) => [sku, specs.flatMap((spec) => spec.variants).find((v) => v.sku === sku)?.stock ?? 0]));
  const linesFor = (i: number) =>
    // One line, a second on every third order; now and then two of a thing.
    [i, ...(i % 3 === 0 ? [i * 11 + 5] : [])].flatMap((n) => {
      const quantity = i % 4 === 1 ? 2 : 1;
      const pick = Array.from({ length: sellable.length }, (_, step) => sellable[(n + step) % sellable.length]).find((p) => p && (left.get(p.sku) ?? 0) >= quantity + 5);
      if (!pick) return [];
      left.set(pick.sku, (left.get(pick.sku) ?? 0) - quantity);
      return [{ sku: pick.sku, quantity }];
    });
  const now = new Date();
  // Each customer's orders form a lane, run in time order (a cart is the customer's own).
  type Planned = PlannedOrder & { i: number; key: string; lines: { sku: string; quantity: number }[] };
  const lanes = customers.map((customer) => ({ customer, orders: [] as Planned[] }));
  for (const [i, planned] of planOrders(options.orders ?? Math.min(120, customers.length * 12), now, SEED).entries()) {
    const lines = linesFor(i);
    if (lines.length) lanes[(i * 7 + 3) % lanes.length]?.orders.push({ ...planned, i, key: `seed-order-${i + 1}`, lines });
  }
  // A read, not a write: the variants' ids, to put them in carts.
  const variantIdBySku = new Map(
    (await db.productVariant.findMany({ where: { sku: { in: sellable.map((s) => s.sku) } }, select: { id: true, sku: true } })).map((v) => [v.sku, v.id]),
  );
  const placed = new Map(
    (await db.order.findMany({ where: { idempotencyKey: { in: lanes.flatMap((lane) => lane.orders.map((o) => o.key)) } }, select: { idempotencyKey: true, id: true, status: true, items: { select: { productId: true } } } })).map(
      (order) => [order.idempotencyKey, order],
    ),
  );
  const reviewLines = [
    ["Love it", "Exactly as pictured and well made. I use it every day."],
    ["Solid", "Does the job and feels like it will last. Shipping was quick."],
    ["As described", "Good quality for the price; the colour is a little darker than on screen."],
    ["Great gift", "Bought it as a present and it went down very well."],
  ] as const;
  let orders = 0;
  async function placeOrder(customer: (typeof customers)[number], { placedAt, status, i, key, lines }: Planned) {
    // This order's clock, shared by the customer's and staff's contexts for its steps.
    const clock = { now: placedAt };
    const context = (session: Session) => createInnerContext({ session, db, clock: at(clock) });
    const buyer = createCaller(context(customer.session));
    const staffContext = context(adminSession);
    const staffCaller = createCaller(staffContext);
    let order = placed.get(key) ?? null;
    if (!order) {
      for (const line of lines) {
        const variantId = variantIdBySku.get(line.sku);
        if (variantId) await buyer.cart.add({ variantId, quantity: line.quantity });
      }
      const created = await buyer.order.checkout({ idempotencyKey: key, addressId: customer.addressId });
      order = { idempotencyKey: key, id: created.id, status: created.status, items: created.items };
    }
    for (const [n, step] of pathTo[status].slice(stepsDone(order.status)).entries()) {
      clock.now = stepTime(step, clock.now, now, i + n);
      if (step === "pay") {
        const { payment } = await buyer.payment.createIntent({ orderId: order.id });
        await buyer.payment.confirm({ orderId: order.id });
        // The provider's confirmation webhook, as it would arrive (recorded once, a no-op
        // after confirm): replayed for every eighth order, enough to fill the event log.
        if (i % 8 === 0 && staffContext.payments instanceof TestPaymentProvider && payment.providerRef) {
          const event = JSON.stringify({ id: `seed-evt-${order.id}`, type: "payment_intent.succeeded", providerRef: payment.providerRef, status: "SUCCEEDED" });
          await handlePaymentWebhook(staffContext, event, staffContext.payments.sign(event));
        }
      } else if (step === "refund") {
        await staffCaller.admin.order.refund({ id: order.id, reason: "seeded refund" });
      } else {
        await staffCaller.admin.order.updateStatus({ id: order.id, status: step });
      }
    }
    orders++;

    // Reviews from every fourth customer whose order arrived; one in three waits for moderation.
    if ((status === "DELIVERED" || status === "SHIPPED") && i % 4 === 0) {
      const productId = order.items[0]?.productId;
      if (productId) {
        const [title, body] = reviewLines[i % reviewLines.length] ?? reviewLines[0];
        const review = await buyer.review
          .create({ productId, rating: 3 + (i % 3), title, body })
          .catch((error: unknown) => (isCode(error, "CONFLICT") ? null : Promise.reject(error)));
        if (review && i % 12 !== 0) await staffCaller.admin.review.moderate({ id: review.id, status: "APPROVED" });
      }
    }
  }
  // Four customers at a time.
  const runLanes = async () => {
    for (let lane = lanes.shift(); lane; lane = lanes.shift()) for (const order of lane.orders) await placeOrder(lane.customer, order);
  };
  await Promise.all(Array.from({ length: 4 }, runLanes));
  // The history is not news: no one is e-mailed about a seeded order (the worker would
  // otherwise fill `pnpm dev`'s inbox with weeks of them). The in-app notifications stay.
  await db.notification.updateMany({ where: { emailStatus: "PENDING", userId: { in: customers.map((customer) => customer.id) } }, data: { emailStatus: null } });
  phaseDone("orders", `orders: ${orders} over the last ${HISTORY_DAYS} days`);

  // 6. Carts and wishlists (after checkout, which empties carts).
  for (const [i, customer] of customers.entries()) {
    const pick = sellable[(i * 5 + 1) % sellable.length];
    if (!pick) continue;
    const productId = (await publicCaller.product.bySlug({ slug: pick.spec.slug })).id;
    await customer.caller.wishlist.add({ productId });
    if (i % 2 === 0 && (await customer.caller.cart.get()).items.length === 0) {
      const variantId = variantIdBySku.get(pick.sku);
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

  // 8. Storefront traffic over the same 90 days, on the orders' weekly rhythm.
  const from = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const traffic = await admin.admin.analytics.events({ from, to: now });
  if (!traffic.some((row) => row.type === "PAGE_VIEW")) {
    const events = [];
    for (let daysAgo = HISTORY_DAYS - 1; daysAgo >= 0; daysAgo--) {
      const midnight = Math.floor(now.getTime() / 86_400_000 - daysAgo) * 86_400_000;
      const visits = Math.round(22 * dayWeight(now, daysAgo)) + random.int(0, 12);
      for (let v = 0; v < visits; v++) {
        // Visits between 7:00 and 23:00, none after now.
        const occurredAt = new Date(Math.min(midnight + (7 + (16 * v) / visits) * 3_600_000, now.getTime() - 60_000));
        const sessionId = `seed-${daysAgo}-${v}`;
        events.push({ type: "PAGE_VIEW" as const, occurredAt, sessionId });
        if (v % 2 === 0) events.push({ type: "PRODUCT_VIEW" as const, occurredAt, sessionId });
        if (v % 5 === 0) events.push({ type: "SEARCH" as const, occurredAt, sessionId, metadata: { q: random.pick(["tent", "shirt", "lamp", "kettle", "backpack", "mug"]) } });
        if (v % 7 === 0) events.push({ type: "ADD_TO_CART" as const, occurredAt, sessionId });
      }
    }
    for (let start = 0; start < events.length; start += 5_000) {
      await admin.admin.analytics.recordEvents({ events: events.slice(start, start + 5_000) });
    }
  }
  // Daily aggregates for the reports, rebuilt from what is there (same days, same rows).
  const today = new Date(now.toISOString().slice(0, 10));
  await admin.admin.analytics.rollup({ from: new Date(today.getTime() - HISTORY_DAYS * 86_400_000), to: today });

  phaseDone("extras", `carts, wishlists, settings and ${HISTORY_DAYS} days of traffic`);
  return { admin: adminUser, staff, customers: customers.length, products: options.products, orders, seconds };
}
