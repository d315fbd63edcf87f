import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { ruleMessages } from "../../lib/messages";
import { anonymous, createUser, errorCode, fieldErrors, fieldMessages, unique } from "../../test/helpers";

let admin: Awaited<ReturnType<typeof createUser>>;
let categoryId: string;
beforeAll(async () => {
  admin = await createUser(["ADMIN"]);
  categoryId = (await admin.caller.admin.category.create({ name: "Currencies", slug: unique("currencies") })).id;
});

const newProduct = (fields: { currency?: string; price?: string } = {}) => ({
  name: "Lamp", slug: unique("lamp"), price: "20.00", categoryId, status: "ACTIVE" as const, ...fields,
});

describe("admin.product.* accept only the shop's currencies", () => {
  it("refuses a currency outside store.currencies, naming the field, until it is added", async () => {
    expect(await fieldErrors(admin.caller.admin.product.create(newProduct({ currency: "EUR" })))).toEqual(["currency"]);
    const usd = await admin.caller.admin.product.create(newProduct());
    expect(usd.currency).toBe("USD");
    expect(await fieldErrors(admin.caller.admin.product.update({ id: usd.id, currency: "GBP" }))).toEqual(["currency"]);
    const batch = { ...newProduct({ currency: "EUR" }), variants: [{ sku: unique("L"), price: "20.00" }] };
    expect(await fieldErrors(admin.caller.admin.product.createMany({ products: [batch] }))).toEqual(["products.0.currency"]);

    await admin.caller.admin.settings.set({ key: "shipping.flatRate", value: { USD: "5.00", EUR: "4.00", JPY: "500" } });
    await admin.caller.admin.settings.set({ key: "shipping.freeOver", value: { USD: "100.00", EUR: "90.00", JPY: "10000" } });
    await admin.caller.admin.settings.set({ key: "store.currencies", value: ["USD", "EUR", "JPY"] });
    expect((await admin.caller.admin.product.create(newProduct({ currency: "EUR" }))).currency).toBe("EUR");
    expect(await admin.caller.admin.product.createMany({ products: [batch] })).toMatchObject({ createdProducts: 1 });
  });

  it("refuses prices finer than the currency's minor unit", async () => {
    expect(await fieldErrors(admin.caller.admin.product.create(newProduct({ currency: "JPY", price: "1500.50" })))).toEqual(["price"]);
    const yen = await admin.caller.admin.product.create(newProduct({ currency: "JPY", price: "1500" }));
    expect(await fieldErrors(admin.caller.admin.product.upsertVariant({ productId: yen.id, sku: unique("Y"), price: "9.99" }))).toEqual(["price"]);
  });

  it("moves a product's variants to its new currency", async () => {
    const product = await admin.caller.admin.product.create(newProduct({ price: "12" }));
    await admin.caller.admin.product.upsertVariant({ productId: product.id, sku: unique("V"), price: "12" });
    const moved = await admin.caller.admin.product.update({ id: product.id, currency: "EUR" });
    expect([moved.currency, ...moved.variants.map((variant) => variant.currency)]).toEqual(["EUR", "EUR"]);
  });
});

describe("admin.product.upsertVariant", () => {
  it("prices a new variant in its product's currency", async () => {
    const product = await admin.caller.admin.product.create(newProduct({ currency: "EUR" }));
    const variant = await admin.caller.admin.product.upsertVariant({ productId: product.id, sku: unique("E"), price: "21.00" });
    expect(variant.currency).toBe("EUR");
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: variant.id } })).currency).toBe("EUR");
  });

  it("keeps a variant on the product it was created for", async () => {
    const first = await admin.caller.admin.product.create(newProduct());
    const second = await admin.caller.admin.product.create(newProduct());
    const variant = await admin.caller.admin.product.upsertVariant({ productId: first.id, sku: unique("M"), price: "20.00" });
    await admin.caller.admin.inventory.adjust({ variantId: variant.id, delta: 4, reason: "RESTOCK" });
    const move = { id: variant.id, productId: second.id, sku: variant.sku, price: "20.00" };
    expect(await fieldErrors(admin.caller.admin.product.upsertVariant(move))).toEqual(["productId"]);
    expect((await prisma.productVariant.findUniqueOrThrow({ where: { id: variant.id } })).productId).toBe(first.id);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: second.id } })).quantity).toBe(0);
    const renamed = await admin.caller.admin.product.upsertVariant({ ...move, productId: first.id, name: "Medium" });
    expect(renamed.name).toBe("Medium");
    expect(await errorCode(admin.caller.admin.product.upsertVariant({ productId: "missing", sku: unique("X"), price: "1" }))).toBe("NOT_FOUND");
  });
});

describe("a variant's compare-at price", () => {
  it("is kept above the variant's price, shown on the product page and, for the cheapest variant, on the card", async () => {
    const product = await admin.caller.admin.product.create({ ...newProduct({ price: "40.00" }), sku: unique("C") });
    const [base] = product.variants;
    const refused = { compareAtPrice: [ruleMessages.compareAtAbovePrice] };
    const sale = { id: base!.id, productId: product.id, sku: base!.sku, price: "40.00" };
    expect(await fieldMessages(admin.caller.admin.product.upsertVariant({ ...sale, compareAtPrice: "40.00" }))).toEqual(refused);
    expect((await admin.caller.admin.product.upsertVariant({ ...sale, compareAtPrice: "55.00" })).compareAtPrice?.toFixed(2)).toBe("55.00");
    // Left out, it is kept; a reprice to or above it is refused rather than leaving a "sale" that costs more.
    expect((await admin.caller.admin.product.upsertVariant({ ...sale, price: "39.00" })).compareAtPrice?.toFixed(2)).toBe("55.00");
    expect(await fieldMessages(admin.caller.admin.product.upsertVariant({ ...sale, price: "60.00" }))).toEqual(refused);
    // A dearer variant on sale too: the card's struck price is the cheapest variant's.
    await admin.caller.admin.product.upsertVariant({ productId: product.id, sku: unique("XL"), price: "45.00", compareAtPrice: "70.00", position: 1 });

    const shown = await anonymous().product.bySlug({ slug: product.slug });
    expect(shown.variants.map((variant) => [variant.price.toFixed(2), variant.compareAtPrice?.toFixed(2)])).toEqual([["39.00", "55.00"], ["45.00", "70.00"]]);
    const card = (await anonymous().product.list({ q: product.name, sort: "newest", limit: 100 })).items.find((item) => item.id === product.id);
    expect(card?.variants.map((variant) => [variant.price.toFixed(2), variant.compareAtPrice?.toFixed(2)])).toEqual([["39.00", "55.00"]]);

    // Cleared, the product is no longer on sale at that price.
    await admin.caller.admin.product.upsertVariant({ ...sale, price: "39.00", compareAtPrice: null });
    const cleared = (await anonymous().product.list({ q: product.name, sort: "newest", limit: 100 })).items.find((item) => item.id === product.id);
    expect(cleared?.variants.map((variant) => variant.price.toFixed(2))).toEqual(["45.00"]);
  });
});
