import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "./index";
import { pollUntil } from "./testing/processes";
import { unique } from "./testing/fixtures";

let categoryId: string;

beforeAll(async () => {
  categoryId = (await prisma.category.create({ data: { name: "Prices", slug: unique("prices") } })).id;
});

/** The product's maintained range, as text ("69.95"), and the range counted afresh from its variants. */
async function range(productId: string) {
  const product = await prisma.product.findUniqueOrThrow({ where: { id: productId }, select: { price: true, minPrice: true, maxPrice: true } });
  const counted = await prisma.productVariant.aggregate({ where: { productId, isActive: true }, _min: { price: true }, _max: { price: true } });
  const maintained = [product.minPrice.toFixed(2), product.maxPrice.toFixed(2)];
  expect(maintained).toEqual([(counted._min.price ?? product.price).toFixed(2), (counted._max.price ?? product.price).toFixed(2)]);
  return maintained;
}

const variant = (productId: string, price: string) => ({ productId, sku: unique("RANGE"), price });

describe("Product.minPrice / maxPrice", () => {
  it("starts at the story's createMany price, through its default variant", async () => {
    const slug = unique("story");
    await prisma.product.createMany({ data: [{ name: "Story", slug, description: "d", price: 99.99, sku: unique("STORY"), categoryId, images: [], quantity: 3 }] });
    const product = await prisma.product.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    expect(await range(product.id)).toEqual(["99.99", "99.99"]);
  });

  it("follows variant inserts, reprices, deactivation and deletes, and the product's price only while no variant is active", async () => {
    const { id } = await prisma.product.create({ data: { name: "Shirt", slug: unique("shirt"), price: "50.00", categoryId } });
    expect(await range(id)).toEqual(["50.00", "50.00"]);
    await prisma.product.update({ where: { id }, data: { price: "55.00" } });
    expect(await range(id)).toEqual(["55.00", "55.00"]);

    // Several variants in one statement (the statement-level trigger).
    await prisma.productVariant.createMany({ data: [variant(id, "69.95"), variant(id, "74.95"), variant(id, "69.95")] });
    expect(await range(id)).toEqual(["69.95", "74.95"]);
    await prisma.product.update({ where: { id }, data: { price: "10.00" } });
    expect(await range(id)).toEqual(["69.95", "74.95"]);

    const xl = await prisma.productVariant.findFirstOrThrow({ where: { productId: id, price: "74.95" } });
    await prisma.productVariant.update({ where: { id: xl.id }, data: { price: "80.00" } });
    expect(await range(id)).toEqual(["69.95", "80.00"]);
    await prisma.productVariant.updateMany({ where: { productId: id, price: "69.95" }, data: { isActive: false } });
    expect(await range(id)).toEqual(["80.00", "80.00"]);
    await prisma.productVariant.updateMany({ where: { productId: id }, data: { isActive: false } });
    expect(await range(id)).toEqual(["10.00", "10.00"]);
    await prisma.productVariant.updateMany({ where: { productId: id, price: "80.00" }, data: { isActive: true } });
    expect(await range(id)).toEqual(["80.00", "80.00"]);
    await prisma.productVariant.deleteMany({ where: { productId: id, price: "80.00" } });
    expect(await range(id)).toEqual(["10.00", "10.00"]);
  });

  it("is derived: a direct write is refused", async () => {
    const { id } = await prisma.product.create({ data: { name: "Lamp", slug: unique("lamp"), price: "20.00", categoryId } });
    await expect(prisma.product.update({ where: { id }, data: { minPrice: "1.00" } })).rejects.toThrow(/maintained from the variants/);
    await expect(prisma.product.create({ data: { name: "Lamp", slug: unique("lamp"), price: "20.00", maxPrice: "30.00", categoryId } })).rejects.toThrow(
      /maintained from the variants/,
    );
  });

  it("two transactions repricing two variants of one product at once leave the range of both prices", async () => {
    const { id } = await prisma.product.create({ data: { name: "Tent", slug: unique("tent"), price: "100.00", categoryId } });
    await prisma.productVariant.createMany({ data: [variant(id, "100.00"), variant(id, "100.00")] });
    const [first, second] = await prisma.productVariant.findMany({ where: { productId: id }, orderBy: { id: "asc" } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstWrote = false;
    const one = prisma.$transaction(async (tx) => {
      await tx.productVariant.update({ where: { id: first!.id }, data: { price: "5.00" } });
      firstWrote = true;
      await held;
    });
    await pollUntil("the first reprice", () => firstWrote, 10_000, 10);
    const two = prisma.$transaction((tx) => tx.productVariant.update({ where: { id: second!.id }, data: { price: "500.00" } }));
    // The second waits for the product row the first holds; only then does the first commit.
    await pollUntil(
      "the second reprice to wait for the product row",
      async () => {
        const [row] = await prisma.$queryRaw<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        return row!.waiting > 0;
      },
      10_000,
      20,
    );
    release();
    await Promise.all([one, two]);
    expect(await range(id)).toEqual(["5.00", "500.00"]);
  });
});
