import { afterAll, expect } from "vitest";
import { TRPCError } from "@trpc/server";
import { prisma, Prisma, type Role } from "@shop/db";
import { createInnerContext, type InnerContextOptions, type Session } from "../context";
import { hashPassword } from "../lib/passwords";
import { createCaller } from "../root";

let counter = 0;
export const unique = (label: string) => `${label}-${process.pid}-${++counter}`;

// Every procedure output the tests see, scanned at the end of each file for secrets.
const outputs: unknown[] = [];

/** Wraps a tRPC caller (a tree of callable proxies) so every output is recorded. */
function recording<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property) as unknown;
      return (typeof value === "function" || (value && typeof value === "object")) && typeof property === "string"
        ? recording(value as object)
        : value;
    },
    apply(fn, thisArg, args: unknown[]) {
      const result = Reflect.apply(fn as (...a: unknown[]) => unknown, thisArg, args);
      return result instanceof Promise ? result.then((output) => (outputs.push(output), output)) : result;
    },
  });
}

afterAll(() => {
  const text = JSON.stringify(outputs, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  expect(text).not.toMatch(/\$argon2/);
  expect(text).not.toMatch(/"password"\s*:/);
});

export function callerFor(session: Session, options: Omit<InnerContextOptions, "session"> = {}) {
  return recording(createCaller(createInnerContext({ session, ...options })));
}

export const anonymous = () => callerFor(null);

export async function createUser(roles: Role[] = ["CUSTOMER"], password = "correct horse battery") {
  const user = await prisma.user.create({
    data: {
      email: `${unique("user")}@example.test`,
      name: "Test User",
      password: await hashPassword(password),
      roles: { create: roles.map((role) => ({ role })) },
    },
    select: { id: true, email: true },
  });
  const session = { user: { id: user.id, email: user.email, roles } };
  return { ...user, password, session, caller: callerFor(session) };
}

/** A category and an active product with `variants` variants, each stocked with `stock`. */
export async function createProduct(options: { stock?: number; price?: string; variants?: number; name?: string } = {}) {
  const category = await prisma.category.create({ data: { name: "Test", slug: unique("cat") } });
  const product = await prisma.product.create({
    data: {
      name: options.name ?? "Test Product",
      slug: unique("product"),
      description: "A product made by the tests",
      price: options.price ?? "10.00",
      categoryId: category.id,
      variants: {
        create: Array.from({ length: options.variants ?? 1 }, (_, i) => ({
          sku: unique(`SKU${i}`),
          name: `Variant ${i}`,
          price: options.price ?? "10.00",
          position: i,
          inventory: { create: {} },
        })),
      },
    },
    include: { variants: { orderBy: { position: "asc" } } },
  });
  if (options.stock) {
    await prisma.inventoryTransaction.createMany({
      data: product.variants.map((variant) => ({ variantId: variant.id, delta: options.stock ?? 0, reason: "RESTOCK" as const })),
    });
  }
  return { category, product, variants: product.variants };
}

export const shippingAddress = { street: "1 Test St", city: "Testville", state: "TS", zipCode: "12345", country: "US" };

/** The tRPC error code a promise rejects with (fails the test if it resolves). */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

export const decimal = (value: string) => new Prisma.Decimal(value);

type Caller = ReturnType<typeof callerFor>;

/** Pays an order as its customer would with the test provider's one-click card. */
export async function payOrder(caller: Caller, orderId: string) {
  await caller.payment.createIntent({ orderId });
  return caller.payment.confirm({ orderId });
}

/** A customer's checkout of `quantity` units of a variant (the cart emptied first). */
export async function checkoutOne(caller: Caller, variantId: string, quantity = 1) {
  await caller.cart.clear();
  await caller.cart.add({ variantId, quantity });
  return caller.order.checkout({ idempotencyKey: unique("checkout"), address: shippingAddress });
}

/**
 * A variant's stock, after checking the two bookkeeping rules: on hand equals the
 * ledger's sum, reserved equals the live (HELD) reservations.
 */
export async function checkedStock(variantId: string) {
  const [inventory, ledger, held] = await Promise.all([
    prisma.inventory.findUniqueOrThrow({ where: { variantId }, select: { onHand: true, reserved: true } }),
    prisma.inventoryTransaction.aggregate({ where: { variantId }, _sum: { delta: true } }),
    prisma.stockReservation.aggregate({ where: { variantId, status: "HELD" }, _sum: { quantity: true } }),
  ]);
  expect(inventory.onHand).toBe(ledger._sum.delta ?? 0);
  expect(inventory.reserved).toBe(held._sum.quantity ?? 0);
  expect(inventory.reserved).toBeLessThanOrEqual(inventory.onHand);
  return { ...inventory, available: inventory.onHand - inventory.reserved };
}

/** The issues of a BAD_REQUEST (what the error formatter turns into field errors). */
async function badRequestIssues(promise: Promise<unknown>): Promise<{ path: PropertyKey[]; message: string }[]> {
  expect(await errorCode(promise)).toBe("BAD_REQUEST");
  const error = await promise.catch((caught: unknown) => caught as TRPCError);
  const cause = (error as TRPCError).cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined;
  return cause?.issues ?? [];
}

/** The field paths a BAD_REQUEST names (as the error formatter sends them), e.g. ["value.USD"]. */
export async function fieldErrors(promise: Promise<unknown>): Promise<string[]> {
  return (await badRequestIssues(promise)).map((issue) => issue.path.map(String).join("."));
}

/** A BAD_REQUEST's messages by field path, as a form shows them beside its fields. */
export async function fieldMessages(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const messages: Record<string, string[]> = {};
  for (const issue of await badRequestIssues(promise)) (messages[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return messages;
}
