import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { prisma, redis } from "@shop/db";
import { recordingPrismaClient } from "@shop/db/testing";
import { createInnerContext } from "../../context";
import { createCache } from "../../lib/cache";
import { anonymous, createUser, unique } from "../../test/helpers";
import { activeCategories } from "./category.router";

let a: string;
let b: string;
beforeEach(async () => {
  a = (await prisma.category.create({ data: { name: "A", slug: unique("a") } })).id;
  b = (await prisma.category.create({ data: { name: "B", slug: unique("b") } })).id;
});

const product = (categoryId: string, status: "ACTIVE" | "DRAFT" | "ARCHIVED" = "ACTIVE") => ({
  name: "Counted",
  slug: unique("counted"),
  price: "1.00",
  categoryId,
  status,
});

/** The maintained counts of A and B next to a fresh count of their active products. */
async function counts() {
  const ids = [a, b];
  const stored = await prisma.category.findMany({ where: { id: { in: ids } }, select: { id: true, activeProductCount: true } });
  const maintained = ids.map((id) => stored.find((category) => category.id === id)!.activeProductCount);
  const counted = await Promise.all(ids.map((categoryId) => prisma.product.count({ where: { categoryId, status: "ACTIVE" } })));
  return { maintained, counted };
}

async function expectCounts(expected: [number, number]) {
  const { maintained, counted } = await counts();
  expect(counted).toEqual(expected);
  expect(maintained).toEqual(expected);
}

describe("Category.activeProductCount", () => {
  it("follows create, status change, category move and delete", async () => {
    const first = await prisma.product.create({ data: product(a) });
    const draft = await prisma.product.create({ data: product(a, "DRAFT") });
    await prisma.product.createMany({ data: [product(a), product(a), product(b), product(b, "ARCHIVED")] });
    await expectCounts([3, 1]);

    await prisma.product.update({ where: { id: first.id }, data: { status: "DRAFT" } });
    await expectCounts([2, 1]);
    await prisma.product.update({ where: { id: draft.id }, data: { status: "ACTIVE" } });
    await expectCounts([3, 1]);
    await prisma.product.update({ where: { id: draft.id }, data: { categoryId: b } });
    await expectCounts([2, 2]);
    await prisma.product.update({ where: { id: first.id }, data: { categoryId: b } }); // a draft moves: no count changes
    await expectCounts([2, 2]);
    await prisma.product.update({ where: { id: first.id }, data: { categoryId: a, status: "ACTIVE" } });
    await expectCounts([3, 2]);
    await prisma.product.update({ where: { id: first.id }, data: { price: "2.00", name: "Renamed" } });
    await expectCounts([3, 2]);
    await prisma.product.updateMany({ where: { categoryId: { in: [a, b] } }, data: { status: "ARCHIVED" } });
    await expectCounts([0, 0]);
    await prisma.product.updateMany({ where: { categoryId: { in: [a, b] } }, data: { status: "ACTIVE" } });
    await expectCounts([3, 3]);

    await prisma.product.delete({ where: { id: draft.id } });
    await expectCounts([3, 2]);
    await prisma.product.deleteMany({ where: { categoryId: a } });
    await expectCounts([0, 2]);
  });

  it("stays exact under concurrent inserts, moves and status changes", async () => {
    const moving = await Promise.all(Array.from({ length: 8 }, (_, i) => prisma.product.create({ data: product(i % 2 ? a : b) })));
    // Each is its own statement on the pool's connections, so they run side by side in PostgreSQL.
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => prisma.product.create({ data: product(i % 3 ? a : b, i % 5 ? "ACTIVE" : "DRAFT") })),
      // Crossing moves: A → B and B → A at the same time.
      ...moving.map((row, i) => prisma.product.update({ where: { id: row.id }, data: { categoryId: i % 2 ? b : a } })),
      prisma.product.createMany({ data: Array.from({ length: 20 }, (_, i) => product(i % 2 ? a : b)) }),
    ]);
    const { maintained, counted } = await counts();
    expect(maintained).toEqual(counted);
    expect(counted[0]! + counted[1]!).toBe(8 + 32 + 20);
  });

  it("counts a bulk insert or delete once per statement, and ignores updates that change no status or category", async () => {
    /** How often each count trigger ran for `sql`, from PostgreSQL's own EXPLAIN ANALYZE. */
    const countTriggerCalls = async (sql: string) => {
      const [row] = await prisma.$queryRawUnsafe<{ "QUERY PLAN": [{ Triggers: { "Trigger Name": string; Calls: number }[] }] }[]>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
      );
      return Object.fromEntries(row!["QUERY PLAN"][0].Triggers.filter((t) => t["Trigger Name"].startsWith("product_count")).map((t) => [t["Trigger Name"], t.Calls]));
    };
    const prefix = unique("bulk");
    const insert = `INSERT INTO "Product" (id, name, slug, price, "categoryId", "updatedAt")
      SELECT '${prefix}-' || i, 'Bulk', '${prefix}-' || i, 1, CASE WHEN i % 4 = 0 THEN '${b}' ELSE '${a}' END, now() FROM generate_series(1, 2000) i`;
    expect(await countTriggerCalls(insert)).toEqual({ product_count_insert: 1 });
    await expectCounts([1_500, 500]);
    const mine = `WHERE id LIKE '${prefix}-%'`;
    expect(await countTriggerCalls(`UPDATE "Product" SET price = 2, name = 'Bulk 2' ${mine}`)).toEqual({});
    expect(await countTriggerCalls(`UPDATE "Product" SET status = 'DRAFT' ${mine} AND "categoryId" = '${b}'`)).toEqual({ product_count_update: 500 });
    await expectCounts([1_500, 0]);
    expect(await countTriggerCalls(`DELETE FROM "Product" ${mine}`)).toEqual({ product_count_delete: 1 });
    await expectCounts([0, 0]);
  });

  it("is derived: neither a write nor a new category can set it", async () => {
    await expect(prisma.category.update({ where: { id: a }, data: { activeProductCount: 5 } })).rejects.toThrow(/maintained from Product/);
    await expect(prisma.category.create({ data: { name: "C", slug: unique("c"), activeProductCount: 5 } })).rejects.toThrow(/maintained from Product/);
  });
});

describe("category.list", () => {
  const recorder = recordingPrismaClient();
  afterAll(() => recorder.db.$disconnect());

  it("shows the maintained counts through the API, reading no Product rows", async () => {
    const admin = await createUser(["ADMIN"]);
    const created = await admin.caller.admin.product.create({ ...product(a), price: "3.00" });
    await admin.caller.admin.product.create({ ...product(b, "DRAFT"), price: "3.00" });
    const listed = async () => (await anonymous().category.list()).filter((category) => [a, b].includes(category.id)).map((category) => category.productCount);
    expect(await listed()).toEqual([1, 0]);
    await admin.caller.admin.product.update({ id: created.id, categoryId: b });
    expect(await listed()).toEqual([0, 1]);

    // A cache of its own, so this read is a miss that reaches the database.
    const ctx = createInnerContext({ session: null, db: recorder.db, cache: createCache({ redis, prefix: unique("cache") }) });
    recorder.statements.length = 0;
    expect((await activeCategories({ ctx, input: undefined })).find((category) => category.id === b)?.productCount).toBe(1);
    expect(recorder.statements).toHaveLength(1);
    expect(recorder.statements[0]).not.toMatch(/"Product"/);
  });
});
