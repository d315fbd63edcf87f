import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { optionCombinations, skuFromPattern } from "../../lib/variant-matrix";
import { createUser, errorCode, fieldErrors, unique } from "../../test/helpers";

let admin: Awaited<ReturnType<typeof createUser>>;
let categoryId: string;
beforeAll(async () => {
  admin = await createUser(["ADMIN"]);
  categoryId = (await admin.caller.admin.category.create({ name: "Tees", slug: unique("tees") })).id;
});

const newProduct = () => admin.caller.admin.product.create({ name: "Plain Tee", slug: unique("plain-tee"), price: "20.00", categoryId, status: "ACTIVE" });

/** The rows the admin form sends for Size × Colour, every row priced and stocked alike. */
function matrix(base: string, options = [{ name: "Size", values: ["S", "M"] }, { name: "Colour", values: ["Red", "Light Blue"] }]) {
  return optionCombinations(options).map((combination) => ({ sku: skuFromPattern("{base}-{Size}-{Colour}", base, combination), options: combination, price: "21.50", stock: 4 }));
}

const variantsOf = (productId: string) =>
  prisma.productVariant.findMany({
    where: { productId },
    select: { sku: true, name: true, options: true, price: true, position: true, inventory: { select: { onHand: true } }, stockMovements: { select: { delta: true, reason: true } } },
    orderBy: { position: "asc" },
  });

describe("the variant matrix", () => {
  it("combines option lists in order and builds SKUs from a pattern", () => {
    expect(optionCombinations([{ name: "Size", values: ["S", "M"] }, { name: "Colour", values: ["Red", "Blue"] }])).toEqual([
      { Size: "S", Colour: "Red" },
      { Size: "S", Colour: "Blue" },
      { Size: "M", Colour: "Red" },
      { Size: "M", Colour: "Blue" },
    ]);
    expect(skuFromPattern("{base}-{Size}-{Colour}", "tee", { Size: "XL", Colour: "Light Blue" })).toBe("TEE-XL-LIGHT-BLUE");
    expect(skuFromPattern("{base}-{Fit}", "tee", { Size: "XL" })).toBe("TEE-{Fit}");
  });
});

describe("admin.product.generateVariants", () => {
  it("creates a 2x2 matrix in one call, with names, positions and opening stock in the ledger", async () => {
    const product = await newProduct();
    const base = unique("tee");
    expect(await admin.caller.admin.product.generateVariants({ productId: product.id, variants: matrix(base) })).toEqual({ created: 4, skipped: 0 });
    const variants = await variantsOf(product.id);
    expect(variants.map((variant) => [variant.sku, variant.name, variant.position, variant.price.toFixed(2), variant.inventory?.onHand])).toEqual([
      [`${base.toUpperCase()}-S-RED`, "S / Red", 0, "21.50", 4],
      [`${base.toUpperCase()}-S-LIGHT-BLUE`, "S / Light Blue", 1, "21.50", 4],
      [`${base.toUpperCase()}-M-RED`, "M / Red", 2, "21.50", 4],
      [`${base.toUpperCase()}-M-LIGHT-BLUE`, "M / Light Blue", 3, "21.50", 4],
    ]);
    expect(variants.every((variant) => variant.stockMovements.length === 1 && variant.stockMovements[0]?.reason === "INITIAL")).toBe(true);
    // The storefront sees them at once (the catalog cache was invalidated).
    const shown = await admin.caller.product.bySlug({ slug: product.slug });
    expect(shown.variants).toHaveLength(4);
  });

  it("keeps existing variants and adds only the new combinations after them", async () => {
    const product = await newProduct();
    const base = unique("tee");
    await admin.caller.admin.product.upsertVariant({ productId: product.id, sku: unique("OLD"), options: { Colour: "Red", Size: "S" }, price: "19.00" });
    const result = await admin.caller.admin.product.generateVariants({ productId: product.id, variants: matrix(base) });
    expect(result).toEqual({ created: 3, skipped: 1 });
    const variants = await variantsOf(product.id);
    expect(variants).toHaveLength(4);
    expect(variants[0]).toMatchObject({ price: expect.anything(), position: 0 });
    expect(variants[0]?.price.toFixed(2)).toBe("19.00");
    expect(variants.slice(1).map((variant) => variant.position)).toEqual([1, 2, 3]);
    // Running it again adds nothing.
    expect(await admin.caller.admin.product.generateVariants({ productId: product.id, variants: matrix(base) })).toEqual({ created: 0, skipped: 4 });
  });

  it("creates nothing when one SKU is taken (CONFLICT), repeated (BAD_REQUEST) or a price is bad", async () => {
    const product = await newProduct();
    const taken = await newProduct();
    const base = unique("tee");
    const rows = matrix(base);
    await admin.caller.admin.product.upsertVariant({ productId: taken.id, sku: rows[3]!.sku, price: "1.00" });
    expect(await errorCode(admin.caller.admin.product.generateVariants({ productId: product.id, variants: rows }))).toBe("CONFLICT");
    expect(await variantsOf(product.id)).toEqual([]);

    const twice = [rows[0]!, { ...rows[1]!, sku: rows[0]!.sku }];
    expect(await fieldErrors(admin.caller.admin.product.generateVariants({ productId: product.id, variants: twice }))).toEqual(["variants.1.sku"]);
    const badPrice = [rows[0]!, { ...rows[1]!, price: "1.234" }];
    expect(await fieldErrors(admin.caller.admin.product.generateVariants({ productId: product.id, variants: badPrice }))).toEqual(["variants.1.price"]);
    const negative = [{ ...rows[0]!, stock: -1 }];
    expect(await fieldErrors(admin.caller.admin.product.generateVariants({ productId: product.id, variants: negative }))).toEqual(["variants.0.stock"]);
    expect(await variantsOf(product.id)).toEqual([]);
  });

  it("is for admins only, and a missing product is NOT_FOUND", async () => {
    const staff = await createUser(["STAFF"]);
    const product = await newProduct();
    expect(await errorCode(staff.caller.admin.product.generateVariants({ productId: product.id, variants: matrix(unique("t")) }))).toBe("FORBIDDEN");
    expect(await errorCode(admin.caller.admin.product.generateVariants({ productId: "missing", variants: matrix(unique("t")) }))).toBe("NOT_FOUND");
  });

  it("makes the slug from the name when none is given", async () => {
    const product = await admin.caller.admin.product.create({ name: `Café Crème Mug ${unique("x")}`, price: "9.00", categoryId });
    expect(product.slug).toMatch(/^cafe-creme-mug-x-\d+-\d+$/);
  });
});
