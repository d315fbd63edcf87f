import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { createUser, fieldErrors, unique } from "../../test/helpers";

let admin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  admin = await createUser(["ADMIN"]);
});

const category = (name: string, parentId?: string) => admin.caller.admin.category.create({ name, slug: unique(name.toLowerCase()), parentId });

describe("admin.category.* keep the tree a tree", () => {
  it("refuses a move that makes a category its own ancestor, at any depth", async () => {
    const top = await category("Top");
    const middle = await category("Middle", top.id);
    const leaf = await category("Leaf", middle.id);
    expect(await fieldErrors(admin.caller.admin.category.update({ id: top.id, parentId: leaf.id }))).toEqual(["parentId"]);
    expect(await fieldErrors(admin.caller.admin.category.update({ id: top.id, parentId: middle.id }))).toEqual(["parentId"]);
    expect((await prisma.category.findUniqueOrThrow({ where: { id: top.id } })).parentId).toBeNull();
    // Legal moves still work: the leaf to the top, then the old top under it.
    await admin.caller.admin.category.update({ id: leaf.id, parentId: null });
    expect((await admin.caller.admin.category.update({ id: top.id, parentId: leaf.id })).parentId).toBe(leaf.id);
  });

  it("is enforced by the database, not only the API", async () => {
    const a = await category("A");
    const b = await category("B", a.id);
    await expect(prisma.category.update({ where: { id: a.id }, data: { parentId: b.id } })).rejects.toThrow(/own ancestor/);
  });

  it("lets only one of two crossing moves through when they overlap", async () => {
    const x = await category("X");
    const y = await category("Y");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstMoved!: () => void;
    const moved = new Promise<void>((resolve) => (firstMoved = resolve));
    // X under Y, committed only after Y under X has been tried in another transaction.
    const first = prisma.$transaction(async (tx) => {
      await tx.category.update({ where: { id: x.id }, data: { parentId: y.id } });
      firstMoved();
      await held;
    });
    await moved;
    let secondSettled = false;
    const second = prisma.category.update({ where: { id: y.id }, data: { parentId: x.id } }).finally(() => (secondSettled = true));
    // Release the first once the second has either finished or is waiting for a lock.
    for (let waited = 0; waited < 5_000 && !secondSettled; waited += 20) {
      const [row] = await prisma.$queryRaw<{ waiting: bigint }[]>`SELECT count(*) AS waiting FROM pg_locks WHERE NOT granted`;
      if (row && row.waiting > 0n) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    release();
    const results = await Promise.allSettled([first, second]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected"]);
  });
});
