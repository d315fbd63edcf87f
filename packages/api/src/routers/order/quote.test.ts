import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import type { ShippingMethod } from "../../lib/settings";
import { anonymous, checkedStock, createProduct, createUser, errorCode, fieldErrors, shippingAddress, unique } from "../../test/helpers";

const methods: ShippingMethod[] = [
  { code: "standard", name: "Standard", price: { USD: "4.95" }, freeOver: { USD: "50.00" }, estimate: "3–5 business days" },
  { code: "express", name: "Express", price: { USD: "14.95" }, estimate: "1–2 business days", countries: ["US", "CA"] },
];

// The settings input is any JSON (each key's schema checks it), which optional fields are not to TypeScript.
const setMethods = (admin: Awaited<ReturnType<typeof createUser>>, value: ShippingMethod[]) =>
  admin.caller.admin.settings.set({ key: "shipping.methods", value: value as never });

beforeAll(async () => {
  const admin = await createUser(["ADMIN"]);
  await setMethods(admin, methods);
  await admin.caller.admin.settings.set({ key: "tax.rate", value: 0.0825 });
});

/** A customer with `quantity` units of a fresh product at `price` in the cart. */
async function customerWithCart(price: string, quantity = 1) {
  const customer = await createUser();
  const { variants } = await createProduct({ stock: 10, price });
  await customer.caller.cart.add({ variantId: variants[0]!.id, quantity });
  return { customer, variant: variants[0]! };
}

const money = (totals: { subtotal: { toFixed(n: number): string }; shippingTotal: { toFixed(n: number): string }; taxTotal: { toFixed(n: number): string }; total: { toFixed(n: number): string } }) =>
  [totals.subtotal, totals.shippingTotal, totals.taxTotal, totals.total].map((amount) => amount.toFixed(2));

describe("order.quote", () => {
  it.each([
    // price × quantity, country, method asked for → subtotal, shipping, tax (8.25 %, rounded half up), total
    { price: "12.99", quantity: 2, country: "US", method: undefined, expected: ["25.98", "4.95", "2.14", "33.07"], charged: "standard" },
    { price: "12.99", quantity: 2, country: "US", method: "express", expected: ["25.98", "14.95", "2.14", "43.07"], charged: "express" },
    { price: "25.00", quantity: 2, country: "DE", method: "standard", expected: ["50.00", "0.00", "4.13", "54.13"], charged: "standard" },
    { price: "25.00", quantity: 2, country: "CA", method: "express", expected: ["50.00", "14.95", "4.13", "69.08"], charged: "express" },
  ])("$quantity × $price to $country by $method: the quote is what checkout then stores", async ({ price, quantity, country, method, expected, charged }) => {
    const { customer, variant } = await customerWithCart(price, quantity);
    const quote = await customer.caller.order.quote({ country, shippingMethod: method });
    expect(money(quote)).toEqual(expected);
    expect(quote.currency).toBe("USD");
    expect(quote.shippingMethod.code).toBe(charged);
    expect(quote.lines).toEqual([
      expect.objectContaining({ variantId: variant.id, sku: variant.sku, quantity }),
    ]);
    expect(quote.lines[0]!.lineTotal.toFixed(2)).toBe(quote.subtotal.toFixed(2));
    // Every method offered to that country, each with what this order would pay for it.
    const free = quote.subtotal.gte(50);
    expect(quote.shippingMethods.map((option) => [option.code, option.price.toFixed(2)])).toEqual(
      [["standard", free ? "0.00" : "4.95"], ...(country === "DE" ? [] : [["express", "14.95"]])],
    );
    // Quoting writes nothing and holds nothing.
    expect(await prisma.order.count({ where: { userId: customer.id } })).toBe(0);
    expect((await checkedStock(variant.id)).reserved).toBe(0);

    const order = await customer.caller.order.checkout({
      idempotencyKey: unique("quote"),
      address: { ...shippingAddress, country },
      shippingMethod: method,
      expectedTotal: quote.total.toFixed(2),
    });
    expect(money(order)).toEqual(expected);
    expect([order.shippingMethodCode, order.shippingMethodName]).toEqual([quote.shippingMethod.code, quote.shippingMethod.name]);
    const stored = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { total: true, shippingTotal: true, taxTotal: true, shippingMethodCode: true } });
    expect([stored.total.toFixed(2), stored.shippingTotal.toFixed(2), stored.taxTotal.toFixed(2), stored.shippingMethodCode]).toEqual([expected[3], expected[1], expected[2], charged]);
  });

  it("quotes a saved address's country as checkout charges it", async () => {
    const { customer } = await customerWithCart("30.00");
    const saved = await customer.caller.address.create({ ...shippingAddress, country: "CA" });
    const quote = await customer.caller.order.quote({ country: saved.country, shippingMethod: "express" });
    const order = await customer.caller.order.checkout({ idempotencyKey: unique("checkout"), addressId: saved.id, shippingMethod: "express", expectedTotal: quote.total.toFixed(2) });
    expect(order.total.toFixed(2)).toBe(quote.total.toFixed(2));
    expect(order.shipCountry).toBe("CA");
  });

  it("refuses to charge anything but the quoted total: a price changed since the quote places no order", async () => {
    const { customer, variant } = await customerWithCart("20.00");
    const quote = await customer.caller.order.quote({ country: "US" });
    await prisma.productVariant.update({ where: { id: variant.id }, data: { price: "21.00" } });
    const input = { idempotencyKey: unique("checkout"), address: shippingAddress, expectedTotal: quote.total.toFixed(2) };
    const error = (await customer.caller.order.checkout(input).catch((caught: unknown) => caught)) as Error;
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(error.message).toContain("27.68 USD");
    expect(await prisma.order.count({ where: { userId: customer.id } })).toBe(0);
    expect((await checkedStock(variant.id)).reserved).toBe(0);
    // Re-quoted, the new total goes through.
    const again = await customer.caller.order.quote({ country: "US" });
    const order = await customer.caller.order.checkout({ ...input, idempotencyKey: unique("checkout"), expectedTotal: again.total.toFixed(2) });
    expect(order.total.toFixed(2)).toBe("27.68");
  });

  it("refuses an empty cart", async () => {
    const customer = await createUser();
    expect(await errorCode(customer.caller.order.quote({ country: "US" }))).toBe("BAD_REQUEST");
  });

  it("refuses an unknown country or method with a field error, in the quote and at checkout", async () => {
    const { customer } = await customerWithCart("10.00");
    const quote = (input: unknown) => customer.caller.order.quote(input as never);
    const checkout = (input: object) => customer.caller.order.checkout({ idempotencyKey: unique("checkout"), address: shippingAddress, ...input } as never);

    expect(await fieldErrors(quote({ country: "XX" }))).toEqual(["country"]);
    const error = (await quote({ country: "XX" }).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain("Choose a country from the list");
    expect(await fieldErrors(quote({ country: "US", shippingMethod: "teleport" }))).toEqual(["shippingMethod"]);
    // Express is not offered outside the US and Canada.
    expect(await fieldErrors(quote({ country: "FR", shippingMethod: "express" }))).toEqual(["shippingMethod"]);

    expect(await fieldErrors(checkout({ address: { ...shippingAddress, country: "XX" } }))).toEqual(["address.country"]);
    expect(await fieldErrors(checkout({ shippingMethod: "teleport" }))).toEqual(["shippingMethod"]);
    expect(await fieldErrors(checkout({ address: { ...shippingAddress, country: "FR" }, shippingMethod: "express" }))).toEqual(["shippingMethod"]);
    expect(await prisma.order.count({ where: { userId: customer.id } })).toBe(0);
    // A lower-case code from a client is read as the country it names.
    expect((await quote({ country: "us" })).shippingMethods).toHaveLength(2);
  });

  it("says so on the country when no method ships there", async () => {
    const admin = await createUser(["ADMIN"]);
    const { customer } = await customerWithCart("10.00");
    await setMethods(admin, methods.map((method) => ({ ...method, countries: ["US"] })));
    try {
      expect(await fieldErrors(customer.caller.order.quote({ country: "JP" }))).toEqual(["country"]);
      expect(await fieldErrors(customer.caller.order.checkout({ idempotencyKey: unique("checkout"), address: { ...shippingAddress, country: "JP" } }))).toEqual(["address.country"]);
    } finally {
      await setMethods(admin, methods);
    }
  });

  it("is for signed-in customers only", async () => {
    expect(await errorCode(anonymous().order.quote({ country: "US" }))).toBe("UNAUTHORIZED");
  });
});
