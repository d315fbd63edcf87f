import { beforeAll, describe, expect, it } from "vitest";
import { Prisma, prisma } from "./index";
import { buildShop } from "./testing/fixtures";

const expectedModels = [
  "User", "UserRole", "Address", "Account", "Session", "VerificationToken",
  "Category", "Product", "ProductVariant", "CartItem", "GuestCart", "WishlistItem",
  "Order", "OrderItem", "Payment", "PaymentEvent", "Review",
  "Inventory", "InventoryTransaction", "AnalyticsEvent", "Analytics", "Setting", "Notification",
  "StockReservation", "Refund",
];

type Delegate = { findMany(args: unknown): Promise<Record<string, unknown>[]> };
const delegate = (model: string) =>
  (prisma as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;

describe("schema", () => {
  beforeAll(async () => {
    await buildShop(prisma);
  });

  it("has every model the spec names", () => {
    const models = Prisma.dmmf.datamodel.models.map((model) => model.name);
    expect(models).toEqual(expect.arrayContaining(expectedModels));
  });

  it("has a table with rows for every model once a shop is built", async () => {
    for (const model of expectedModels) {
      const rows = await delegate(model).findMany({ take: 1 });
      expect(rows, model).toHaveLength(1);
    }
  });

  const relations = Prisma.dmmf.datamodel.models.flatMap((model) =>
    model.fields.filter((field) => field.kind === "object").map((field) => [model.name, field.name] as const),
  );

  it.each(relations)("%s.%s is navigable and holds data", async (model, field) => {
    const rows = await delegate(model).findMany({ include: { [field]: true } });
    const populated = rows.filter((row) => {
      const value = row[field];
      return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined;
    });
    expect(populated.length, `${model}.${field}`).toBeGreaterThan(0);
  });

  it("indexes every foreign key column", async () => {
    const unindexed = await prisma.$queryRaw<{ table: string; columns: string }[]>`
      SELECT c.conrelid::regclass::text AS "table", string_agg(a.attname, ',') AS columns
        FROM pg_constraint c
        JOIN LATERAL unnest(c.conkey) AS k(attnum) ON true
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
       WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
         AND NOT EXISTS (
           SELECT 1 FROM pg_index i
            WHERE i.indrelid = c.conrelid
              AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
              AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] <@ c.conkey)
       GROUP BY c.oid, c.conrelid`;
    expect(unindexed).toEqual([]);
  });
});
