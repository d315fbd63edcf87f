import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "./index";
import { buildShop, unique } from "./testing/fixtures";

let shop: Awaited<ReturnType<typeof buildShop>>;

beforeAll(async () => {
  shop = await buildShop(prisma);
});

async function newVariant(stock: number) {
  const variant = await prisma.productVariant.create({
    data: { productId: shop.product.id, sku: unique("STOCK"), price: "10.00" },
  });
  if (stock > 0) await prisma.inventoryTransaction.create({ data: { variantId: variant.id, delta: stock, reason: "RESTOCK" } });
  return variant;
}

async function ledgerSum(variantId: string): Promise<number> {
  const { _sum } = await prisma.inventoryTransaction.aggregate({ where: { variantId }, _sum: { delta: true } });
  return _sum.delta ?? 0;
}

async function productQuantityMatchesInventory(productId: string) {
  const [product, inventories] = await Promise.all([
    prisma.product.findUniqueOrThrow({ where: { id: productId } }),
    prisma.inventory.findMany({ where: { variant: { productId } } }),
  ]);
  expect(product.quantity).toBe(inventories.reduce((sum, row) => sum + row.onHand, 0));
}

describe("stock", () => {
  it("on hand always equals the ledger's sum, whatever movements are tried", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -15, max: 15 }).filter((n) => n !== 0), { maxLength: 25 }), async (deltas) => {
        const variant = await newVariant(0);
        let expected = 0;
        for (const delta of deltas) {
          const accepted = await prisma.inventoryTransaction
            .create({ data: { variantId: variant.id, delta, reason: delta > 0 ? "RESTOCK" : "SALE" } })
            .then(() => true, () => false);
          // The database takes exactly the movements that keep stock non-negative.
          expect(accepted).toBe(expected + delta >= 0);
          if (accepted) expected += delta;
        }
        const onHand = (await prisma.inventory.findUnique({ where: { variantId: variant.id } }))?.onHand ?? 0;
        expect(onHand).toBe(expected);
        expect(await ledgerSum(variant.id)).toBe(expected);
      }),
      { numRuns: 15 },
    );
    await productQuantityMatchesInventory(shop.product.id);
  });

  it("50 concurrent buyers of 10 units: exactly 10 succeed and stock ends at 0", async () => {
    const variant = await newVariant(10);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        prisma.inventoryTransaction.create({ data: { variantId: variant.id, delta: -1, reason: "SALE" } }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    for (const failure of results.filter((r) => r.status === "rejected")) {
      expect(String(failure.reason)).toMatch(/Inventory_on_hand_non_negative/);
    }
    expect((await prisma.inventory.findUniqueOrThrow({ where: { variantId: variant.id } })).onHand).toBe(0);
    expect(await ledgerSum(variant.id)).toBe(0);
    await productQuantityMatchesInventory(shop.product.id);
  });

  it("every variant's stock equals its ledger's sum across the whole shop", async () => {
    const mismatches = await prisma.$queryRaw<{ variantId: string }[]>`
      SELECT i."variantId" FROM "Inventory" i
        LEFT JOIN (SELECT "variantId", SUM(delta) AS total FROM "InventoryTransaction" GROUP BY 1) l
          ON l."variantId" = i."variantId"
       WHERE i."onHand" <> COALESCE(l.total, 0)`;
    expect(mismatches).toEqual([]);
  });
});
