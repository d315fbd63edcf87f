import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { settingsFromRows, shippingFor } from "../../lib/settings";
import { settingDefaults } from "../../lib/settings.schema";
import { createProduct, createUser, decimal, errorCode, fieldErrors, shippingAddress, unique } from "../../test/helpers";

let admin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  admin = await createUser(["ADMIN"]);
});

const set = (key: string, value: unknown) =>
  // Untyped on purpose: these are what a client could send.
  admin.caller.admin.settings.set({ key, value } as never);

describe("settings are validated per key", () => {
  it("refuses values that would break checkout, naming the field", async () => {
    expect(await fieldErrors(set("shipping.flatRate", -5))).toEqual(["value"]);
    expect(await fieldErrors(set("shipping.flatRate", { USD: -5 }))).toEqual(["value.USD"]);
    expect(await fieldErrors(set("shipping.freeOver", { USD: "ten" }))).toEqual(["value.USD"]);
    expect(await fieldErrors(set("tax.rate", 1.5))).toEqual(["value"]);
    expect(await fieldErrors(set("tax.rate", "0.2"))).toEqual(["value"]);
    expect(await fieldErrors(set("inventory.lowStockThreshold", 2.5))).toEqual(["value"]);
    expect(await fieldErrors(set("store.name", "  "))).toEqual(["value"]);
    expect(await fieldErrors(set("store.currencies", []))).toEqual(["value"]);
    expect(await fieldErrors(set("store.open", true))).toEqual(["key"]);
    expect(await fieldErrors(set("Bad Key", 1))).toEqual(["key"]);
    expect(await prisma.setting.count()).toBe(0);
  });

  it("keeps amounts as exact decimal strings in each currency's minor unit, and refuses 3-digit currencies", async () => {
    expect((await set("shipping.flatRate", { USD: 7.5 })).value).toEqual({ USD: "7.5" });
    expect(await fieldErrors(set("shipping.flatRate", { USD: "5.00", JPY: "5.5" }))).toEqual(["value.JPY"]);
    expect(await fieldErrors(set("shipping.flatRate", { USD: "5.00", KWD: "1" }))).toEqual(["value.KWD"]);
    expect(await fieldErrors(set("store.currencies", ["USD", "KWD"]))).toEqual(["value.1"]);
    expect(await fieldErrors(set("store.currencies", ["USD", "XYZ"]))).toEqual(["value.1"]);
    expect((await admin.caller.admin.settings.list())["shipping.flatRate"]).toEqual({ USD: "7.5" });
    await admin.caller.admin.settings.delete({ key: "shipping.flatRate" });
  });

  it("keeps the rules between keys: default currency supported, shipping set for every currency", async () => {
    expect(await fieldErrors(set("store.currency", "EUR"))).toEqual(["value"]);
    expect(await fieldErrors(set("store.currencies", ["USD", "EUR"]))).toEqual(["value"]);
    await set("shipping.flatRate", { USD: "5.00", EUR: "4.50" });
    await set("shipping.freeOver", { USD: "100", EUR: "80" });
    await set("store.currencies", ["USD", "EUR"]);
    await set("store.currency", "EUR");
    expect(await fieldErrors(set("store.currencies", ["USD"]))).toEqual(["value"]);
    expect(await fieldErrors(set("shipping.flatRate", { USD: "5.00" }))).toEqual(["value"]);
    expect(await fieldErrors(admin.caller.admin.settings.delete({ key: "store.currencies" }))).toEqual(["key"]);
    expect(await admin.caller.admin.settings.list()).toMatchObject({ "store.currency": "EUR", "store.currencies": ["USD", "EUR"] });
  });

  it("reads a stored row that no longer validates as its default, without failing", async () => {
    await prisma.setting.create({ data: { key: "tax.rate", type: "NUMBER", value: -3 } });
    await prisma.setting.create({ data: { key: "store.legacy", type: "BOOLEAN", value: true } });
    const settings = await admin.caller.admin.settings.list();
    expect(settings["tax.rate"]).toBe(0);
    expect(settings).not.toHaveProperty("store.legacy");
    expect(settingsFromRows([{ key: "shipping.flatRate", value: 4.95 }])["shipping.flatRate"]).toEqual({ USD: "5.00" });
    await prisma.setting.deleteMany({ where: { key: { in: ["tax.rate", "store.legacy"] } } });
  });
});

describe("shippingFor", () => {
  const settings = {
    ...settingDefaults,
    "store.currencies": ["USD", "JPY"],
    "shipping.flatRate": { USD: "4.95", JPY: "500" },
    "shipping.freeOver": { USD: "75.00", JPY: "10000" },
  };

  it("charges the flat rate of the order's currency below its threshold, nothing from it", () => {
    expect(shippingFor(settings, "USD", decimal("74.99")).toFixed(2)).toBe("4.95");
    expect(shippingFor(settings, "USD", decimal("75.00")).toFixed(2)).toBe("0.00");
    expect(shippingFor(settings, "JPY", decimal("9999")).toFixed(0)).toBe("500");
    expect(shippingFor(settings, "JPY", decimal("10000")).toFixed(0)).toBe("0");
  });

  it("refuses a currency the shop has no shipping amounts in", async () => {
    expect(await errorCode(Promise.resolve().then(() => shippingFor(settings, "EUR", decimal("1"))))).toBe("BAD_REQUEST");
  });

  it("is what checkout charges, in the cart's currency", async () => {
    const customer = await createUser();
    const { product, variants } = await createProduct({ stock: 2, price: "10.00" });
    await prisma.product.update({ where: { id: product.id }, data: { currency: "EUR", variants: { updateMany: { where: {}, data: { currency: "EUR" } } } } });
    await customer.caller.cart.add({ variantId: variants[0]!.id, quantity: 1 });
    const order = await customer.caller.order.checkout({ idempotencyKey: unique("k"), address: shippingAddress });
    expect([order.currency, order.shippingTotal.toFixed(2)]).toEqual(["EUR", "4.50"]);
  });
});
