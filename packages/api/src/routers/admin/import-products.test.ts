import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { createUser, unique } from "../../test/helpers";

let admin: Awaited<ReturnType<typeof createUser>>;
let categoryId: string;
beforeAll(async () => {
  admin = await createUser(["ADMIN"]);
  categoryId = (await admin.caller.admin.category.create({ name: "Imports", slug: unique("imports") })).id;
});

const product = (slug: string, variants: { sku: string; stock: number; price?: string }[]) => ({
  name: `Imported ${slug}`,
  slug,
  description: "From a feed.",
  price: "10.00",
  categoryId,
  images: [`/images/${slug}.jpg`],
  variants: variants.map(({ sku, stock, price }, position) => ({ sku, stock, price: price ?? "10.00", options: { size: String(position) }, position })),
});

async function stockOf(sku: string) {
  const variant = await prisma.productVariant.findUniqueOrThrow({
    where: { sku },
    select: { product: { select: { quantity: true } }, inventory: { select: { onHand: true } }, stockMovements: { select: { delta: true, reason: true, actorId: true, note: true } } },
  });
  return { onHand: variant.inventory?.onHand, productQuantity: variant.product.quantity, ledger: variant.stockMovements };
}

describe("admin.product.createMany (set-based import)", () => {
  it("adds what is new, skips what exists, and moves opening stock through the ledger once", async () => {
    const [first, second] = [unique("import-a"), unique("import-b")];
    const sku = (label: string) => `${first}-${label}`;
    const batch = [
      product(first, [{ sku: sku("1"), stock: 3 }, { sku: sku("2"), stock: 0, price: "12.50" }]),
      // The same SKU twice in one batch: the first one wins, with its own stock.
      product(second, [{ sku: sku("3"), stock: 5 }, { sku: sku("3"), stock: 9 }]),
    ];
    expect(await admin.caller.admin.product.createMany({ products: batch })).toEqual({ createdProducts: 2, createdVariants: 3, skippedProducts: 0 });

    const opening = { reason: "INITIAL", actorId: admin.id, note: "opening stock (import)" };
    expect(await stockOf(sku("1"))).toEqual({ onHand: 3, productQuantity: 3, ledger: [{ delta: 3, ...opening }] });
    expect(await stockOf(sku("2"))).toEqual({ onHand: 0, productQuantity: 3, ledger: [] });
    expect(await stockOf(sku("3"))).toEqual({ onHand: 5, productQuantity: 5, ledger: [{ delta: 5, ...opening }] });
    const stored = await prisma.product.findUniqueOrThrow({
      where: { slug: first },
      select: { name: true, description: true, price: true, currency: true, images: true, status: true, variants: { select: { price: true, options: true, currency: true }, orderBy: { position: "asc" } } },
    });
    expect(stored).toMatchObject({ name: `Imported ${first}`, description: "From a feed.", currency: "USD", images: [`/images/${first}.jpg`], status: "ACTIVE" });
    expect(stored.price.toFixed(2)).toBe("10.00");
    expect(stored.variants.map((v) => [v.price.toFixed(2), v.options, v.currency])).toEqual([["10.00", { size: "0" }, "USD"], ["12.50", { size: "1" }, "USD"]]);

    // Again, with an existing SKU (its stock is not added twice) and a new one for the existing product.
    const again = [product(first, [{ sku: sku("1"), stock: 7 }, { sku: sku("4"), stock: 2 }])];
    expect(await admin.caller.admin.product.createMany({ products: again })).toEqual({ createdProducts: 0, createdVariants: 1, skippedProducts: 1 });
    expect(await stockOf(sku("1"))).toEqual({ onHand: 3, productQuantity: 5, ledger: [{ delta: 3, ...opening }] });
    expect(await stockOf(sku("4"))).toEqual({ onHand: 2, productQuantity: 5, ledger: [{ delta: 2, ...opening }] });
  });

  it("orders a batch newest-first as it was given, stamped like a Prisma insert", async () => {
    const before = await prisma.category.create({ data: { name: "Clock", slug: unique("clock") }, select: { createdAt: true } });
    const slugs = [1, 2, 3].map((n) => unique(`import-order-${n}`));
    await admin.caller.admin.product.createMany({ products: slugs.map((slug, n) => product(slug, [{ sku: `${slug}-sku`, stock: n }])) });
    const rows = await prisma.product.findMany({
      where: { slug: { in: slugs } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { slug: true, createdAt: true, updatedAt: true },
    });
    expect(rows.map((row) => row.slug)).toEqual([...slugs].reverse());
    expect(new Set(rows.map((row) => row.createdAt.getTime())).size).toBe(1);
    // Both stamps come from the same clock and zone as Prisma's own inserts.
    const stamp = rows[0]!.createdAt.getTime();
    expect(stamp).toBeGreaterThanOrEqual(before.createdAt.getTime());
    expect(stamp - before.createdAt.getTime()).toBeLessThan(60_000);
    expect(rows[0]!.updatedAt.getTime()).toBe(stamp);
  });

  it("runs two imports at once without either failing", async () => {
    const batches = [0, 1].map((b) => Array.from({ length: 50 }, (_, n) => product(unique(`import-race-${b}-${n}`), [{ sku: unique("race"), stock: 1 }])));
    const results = await Promise.all(batches.map((products) => admin.caller.admin.product.createMany({ products })));
    expect(results).toEqual([0, 1].map(() => ({ createdProducts: 50, createdVariants: 50, skippedProducts: 0 })));
  });
});
