import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { settingsFromRows, type ShippingOption, shippingOptions } from "../../lib/settings";
import { settingDefaults, type Settings } from "../../lib/settings.schema";
import { createProduct, createUser, decimal, fieldErrors, shippingAddress, unique } from "../../test/helpers";

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

describe("shippingOptions", () => {
  const settings = {
    ...settingDefaults,
    "store.currencies": ["USD", "JPY"],
    "shipping.flatRate": { USD: "4.95", JPY: "500" },
    "shipping.freeOver": { USD: "75.00", JPY: "10000" },
  };
  const charged = (options: ShippingOption[]) => options.map((option) => [option.code, option.price.toFixed(2)]);

  it("without shipping.methods: one Standard method, the flat rate of the order's currency below its threshold, nothing from it", () => {
    expect(charged(shippingOptions(settings, "USD", decimal("74.99"), "US"))).toEqual([["standard", "4.95"]]);
    expect(charged(shippingOptions(settings, "USD", decimal("75.00"), "FR"))).toEqual([["standard", "0.00"]]);
    expect(charged(shippingOptions(settings, "JPY", decimal("9999"), "JP"))).toEqual([["standard", "500.00"]]);
    expect(charged(shippingOptions(settings, "JPY", decimal("10000"), "JP"))).toEqual([["standard", "0.00"]]);
    expect(shippingOptions(settings, "EUR", decimal("1"), "DE")).toEqual([]);
  });

  it("with shipping.methods: those priced in the currency and offered to the country, in order, each with its own threshold", () => {
    const withMethods: Settings = {
      ...settings,
      "shipping.methods": [
        { code: "standard", name: "Standard", price: { USD: "4.95" }, freeOver: { USD: "50.00" }, estimate: "3–5 business days" },
        { code: "express", name: "Express", price: { USD: "14.95", JPY: "1500" }, countries: ["US", "CA"] },
      ],
    };
    expect(charged(shippingOptions(withMethods, "USD", decimal("49.99"), "US"))).toEqual([["standard", "4.95"], ["express", "14.95"]]);
    expect(charged(shippingOptions(withMethods, "USD", decimal("50.00"), "CA"))).toEqual([["standard", "0.00"], ["express", "14.95"]]);
    expect(charged(shippingOptions(withMethods, "USD", decimal("10"), "FR"))).toEqual([["standard", "4.95"]]);
    expect(charged(shippingOptions(withMethods, "JPY", decimal("10"), "FR"))).toEqual([]);
    expect(charged(shippingOptions(withMethods, "JPY", decimal("10"), null))).toEqual([["express", "1500.00"]]);
    expect(shippingOptions(withMethods, "USD", decimal("1"), "US")[0]).toMatchObject({ name: "Standard", estimate: "3–5 business days" });
  });

  it("refuses methods that checkout could not use, naming the field", async () => {
    const standard = { code: "standard", name: "Standard", price: { USD: "4.95" } };
    expect(await fieldErrors(set("shipping.methods", [standard, standard]))).toEqual(["value"]);
    expect(await fieldErrors(set("shipping.methods", [{ ...standard, code: "Next Day!" }]))).toEqual(["value.0.code"]);
    expect(await fieldErrors(set("shipping.methods", [{ ...standard, price: { USD: "-1" } }]))).toEqual(["value.0.price.USD"]);
    expect(await fieldErrors(set("shipping.methods", [{ ...standard, freeOver: { GBP: "50" } }]))).toEqual(["value.0.freeOver.GBP"]);
    expect(await fieldErrors(set("shipping.methods", [{ ...standard, countries: ["US", "XX"] }]))).toEqual(["value.0.countries.1"]);
    // EUR is sold in (the test above): a method list must ship it.
    expect(await fieldErrors(set("shipping.methods", [standard]))).toEqual(["value"]);
    const both = { ...standard, price: { USD: "4.95", EUR: "4.50" } };
    expect((await set("shipping.methods", [both])).value).toEqual([both]);
    await admin.caller.admin.settings.delete({ key: "shipping.methods" });
  });

  it("is what checkout charges, in the cart's currency", async () => {
    const customer = await createUser();
    const { product, variants } = await createProduct({ stock: 2, price: "10.00" });
    await prisma.product.update({ where: { id: product.id }, data: { currency: "EUR", variants: { updateMany: { where: {}, data: { currency: "EUR" } } } } });
    await customer.caller.cart.add({ variantId: variants[0]!.id, quantity: 1 });
    const order = await customer.caller.order.checkout({ idempotencyKey: unique("checkout"), address: shippingAddress });
    expect([order.currency, order.shippingTotal.toFixed(2)]).toEqual(["EUR", "4.50"]);
  });
});
