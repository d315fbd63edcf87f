import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prisma } from "@shop/db";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ruleMessages } from "../packages/api/src/lib/messages";
import { imageSamples } from "../packages/api/src/test/images";
import { ADMIN, customerAccount } from "../scripts/seed/run";
import { HISTORY_SAMPLE, useShop } from "./support/shop";
import { loaded, screenshot } from "./support/browser";

/** The admin's catalogue tools against both production builds, with uploads in a folder of this test's own. */
let uploadDir: string;
let admin: Page;

beforeAll(async () => {
  uploadDir = await mkdtemp(join(tmpdir(), "e2e-uploads-"));
});
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

const shop = useShop({ seed: { products: 8, customers: 1, orders: HISTORY_SAMPLE }, env: () => ({ UPLOAD_DIR: uploadDir }) });

beforeAll(async () => {
  admin = await shop.signedIn("admin", ADMIN);
});

/** A multipart upload to the admin's route, as a browser on the admin's own origin sends it. */
async function upload(bytes: Uint8Array, cookie?: string) {
  const body = new FormData();
  // A copy on a plain ArrayBuffer, which is what Blob accepts.
  body.set("file", new Blob([new Uint8Array(bytes)]), "picture.png");
  return fetch(`${shop.apps.admin}/api/uploads`, { method: "POST", body, headers: { origin: shop.apps.admin, "sec-fetch-site": "same-origin", ...(cookie && { cookie }) } });
}

describe("the upload route over HTTP", () => {
  it("refuses anonymous (401), a customer (403), oversize (413) and SVG (415); serves what an admin stored", async () => {
    const files = async () => readdir(uploadDir);
    const before = await files();
    expect((await upload(imageSamples.png)).status).toBe(401);
    expect((await upload(imageSamples.png, await shop.cookie("admin", customerAccount(1).email))).status).toBe(403);
    const adminCookie = await shop.cookie("admin", ADMIN.email);
    const big = new Uint8Array(5_242_880 + 1);
    big.set(imageSamples.png);
    expect((await upload(big, adminCookie)).status).toBe(413);
    expect((await upload(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), adminCookie)).status).toBe(415);
    expect(await files()).toEqual(before);

    const stored = await upload(imageSamples.gif, adminCookie);
    expect(stored.status).toBe(201);
    const { url } = (await stored.json()) as { url: string };
    const served = await fetch(`${shop.apps.storefront}${url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/gif");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${shop.apps.storefront}/uploads/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${shop.apps.storefront}/uploads/${"0".repeat(64)}.png`)).status).toBe(404);
  });
});

describe("the admin's catalogue tools in a browser", () => {
  it("creates a product from its name alone, uploads a picture, generates a 2x2 matrix, and the shop shows it", async () => {
    const name = `Harbour Canvas Tote ${Date.now().toString(36)}`;
    await admin.goto(`${shop.apps.admin}/products/new`);
    await loaded(admin);
    await admin.getByLabel("Name", { exact: true }).pressSequentially(name);
    const slug = name.toLowerCase().replaceAll(" ", "-");
    await expect.poll(() => admin.getByLabel("Slug").inputValue()).toBe(slug);
    await admin.getByLabel("Price", { exact: true }).fill("34.00");
    const category = await prisma.category.findFirstOrThrow({ where: { isActive: true }, select: { id: true } });
    await admin.getByLabel("Category").selectOption(category.id);
    await admin.getByLabel("Status").selectOption("ACTIVE");
    await admin.getByLabel("Images").setInputFiles({ name: "tote.png", mimeType: "image/png", buffer: imageSamples.png });
    await expect(admin.getByRole("img", { name: "Image 1 (main)" }).waitFor()).resolves.toBeUndefined();
    await screenshot(admin, "admin-product-new-with-upload");
    await admin.getByRole("button", { name: "Create product" }).click();
    await admin.waitForURL(/\/products\/(?!new)[^/]+$/);

    const product = await prisma.product.findUniqueOrThrow({ where: { slug }, select: { id: true, images: true } });
    expect(product.images).toEqual([expect.stringMatching(/^\/uploads\/[0-9a-f]{64}\.png$/)]);

    await loaded(admin);
    await admin.getByLabel("Option 1 values").fill("S, M");
    await admin.getByRole("button", { name: "Add an option" }).click();
    await admin.getByLabel("Option 2 values").fill("Red, Blue");
    await admin.getByLabel("Stock for each").fill("3");
    await expect(admin.getByRole("button", { name: "Create 4 variants" }).waitFor()).resolves.toBeUndefined();
    await admin.getByRole("button", { name: "Create 4 variants" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "4 variants created" }).waitFor()).resolves.toBeUndefined();
    const variants = await prisma.productVariant.findMany({ where: { productId: product.id }, select: { sku: true, name: true, inventory: { select: { onHand: true } } }, orderBy: { position: "asc" } });
    expect(variants.map((variant) => [variant.name, variant.inventory?.onHand])).toEqual([["S / Red", 3], ["S / Blue", 3], ["M / Red", 3], ["M / Blue", 3]]);
    expect(variants[0]?.sku).toBe(`${slug.toUpperCase()}-S-RED`);
    await screenshot(admin, "admin-product-variant-matrix");

    const shopper = await shop.page();
    await shopper.goto(`${shop.apps.storefront}/p/${slug}`);
    const picture = shopper.locator(`img[src="${product.images[0]}"]`).first();
    await picture.waitFor();
    await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1);
  });

  it("asks before cancelling an order, and going back changes nothing", async () => {
    const order = await prisma.order.findFirstOrThrow({ where: { status: "PAID" }, select: { id: true, number: true }, orderBy: { createdAt: "desc" } });
    await admin.goto(`${shop.apps.admin}/orders`);
    await loaded(admin);
    await admin.getByRole("button", { name: `Details for order #${order.number}` }).click();
    await admin.getByRole("button", { name: "Cancel and refund" }).click();
    const dialog = admin.getByRole("dialog", { name: `Cancel order #${order.number}?` });
    await dialog.waitFor();
    // Focus starts on the safe choice.
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe("Keep the order");
    await screenshot(admin, "admin-order-cancel-confirm");
    await dialog.getByRole("button", { name: "Keep the order" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status).toBe("PAID");

    await admin.getByRole("button", { name: "Cancel and refund" }).click();
    await admin.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status).toBe("PAID");

    await admin.getByRole("button", { name: "Cancel and refund" }).click();
    await dialog.getByRole("button", { name: "Cancel and refund" }).click();
    await expect.poll(async () => (await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status, { timeout: 15_000 }).not.toBe("PAID");
  });

  it("edits typed settings: the store name as text and the tax rate as a percentage", async () => {
    await admin.goto(`${shop.apps.admin}/settings`);
    await loaded(admin);
    const storeName = admin.getByRole("form", { name: "Setting Store name" });
    await storeName.getByLabel("Store name").fill("Harbour Goods");
    await storeName.getByRole("button", { name: "Save store.name" }).click();
    await expect(storeName.getByRole("status").filter({ hasText: "Saved" }).waitFor()).resolves.toBeUndefined();

    const tax = admin.getByRole("form", { name: "Setting Tax rate (%)" });
    await tax.getByLabel("Tax rate (%)").fill("abc");
    await tax.getByRole("button", { name: "Save tax.rate" }).click();
    await expect(tax.getByRole("alert").first().waitFor()).resolves.toBeUndefined();
    await tax.getByLabel("Tax rate (%)").fill("8.25");
    await tax.getByRole("button", { name: "Save tax.rate" }).click();
    await expect(tax.getByRole("status").filter({ hasText: "Saved" }).waitFor()).resolves.toBeUndefined();

    const stored = Object.fromEntries((await prisma.setting.findMany({ where: { key: { in: ["store.name", "tax.rate"] } }, select: { key: true, value: true } })).map((row) => [row.key, row.value]));
    expect(stored).toEqual({ "store.name": "Harbour Goods", "tax.rate": 0.0825 });
    await admin.reload();
    await loaded(admin);
    expect(await tax.getByLabel("Tax rate (%)").inputValue()).toBe("8.25");
    expect(await storeName.getByLabel("Store name").inputValue()).toBe("Harbour Goods");
    await screenshot(admin, "admin-settings-typed");
  });

  it("takes a variant's options as labelled rows, with an error on each row, and edits them the same way", async () => {
    const stamp = Date.now().toString(36);
    const category = await prisma.category.findFirstOrThrow({ where: { isActive: true }, select: { id: true } });
    const product = await prisma.product.create({ data: { name: `Row Test Parka ${stamp}`, slug: `row-test-parka-${stamp}`, price: "30.00", categoryId: category.id, status: "ACTIVE" }, select: { id: true } });
    const sku = `PARKA-${stamp}`.toUpperCase();
    await admin.goto(`${shop.apps.admin}/products/${product.id}`);
    await loaded(admin);
    const add = admin.getByRole("form", { name: "Add a variant" });
    const options = add.getByRole("group", { name: "Options of the new variant" });
    await add.getByLabel("SKU", { exact: true }).fill(sku);
    await add.getByLabel("Variant price", { exact: true }).fill("30.00");
    await add.getByLabel("Variant compare-at price").fill("25.00");
    await options.getByLabel("Option 1 name").fill("Size");
    await options.getByRole("button", { name: "Add option" }).click();
    await options.getByLabel("Option 2 name").fill("size");
    await options.getByLabel("Option 2 value").fill("L");
    await add.getByRole("button", { name: "Add variant" }).click();
    // Each message sits under its own row's field (and is announced), not in one box for all options.
    await expect.poll(() => options.getByRole("alert").allTextContents()).toEqual(["Enter a value", '"size" is already an option of this variant']);
    expect(await options.getByLabel("Option 1 value").getAttribute("aria-invalid")).toBe("true");
    expect(await add.getByRole("alert").filter({ hasText: ruleMessages.compareAtAbovePrice }).count()).toBe(1);
    await screenshot(admin, "admin-variant-option-rows-errors");

    await options.getByLabel("Option 1 value").fill("M");
    await options.getByLabel("Option 2 name").fill("Colour");
    await options.getByLabel("Option 2 value").fill("Red");
    await options.getByRole("button", { name: "Add option" }).click();
    await options.getByRole("button", { name: "Remove option 3" }).click();
    await add.getByLabel("Variant compare-at price").fill("45.00");
    await add.getByRole("button", { name: "Add variant" }).click();
    const stored = () => prisma.productVariant.findUnique({ where: { sku }, select: { options: true, compareAtPrice: true, isActive: true } });
    await expect.poll(async () => (await stored())?.options, { timeout: 15_000 }).toEqual({ Size: "M", Colour: "Red" });
    expect((await stored())?.compareAtPrice?.toFixed(2)).toBe("45.00");

    // The variant's row edits its options as the same rows.
    const rowOptions = admin.getByRole("group", { name: `Options of ${sku}` });
    await expect.poll(() => rowOptions.getByLabel("Option 2 value").inputValue()).toBe("Red");
    await rowOptions.getByLabel("Option 2 value").fill("Blue");
    await admin.getByRole("button", { name: `Save ${sku}` }).click();
    await expect.poll(async () => (await stored())?.options, { timeout: 15_000 }).toEqual({ Size: "M", Colour: "Blue" });
  });

  it("asks before deactivating a variant, deleting a category and removing a role: going back keeps each, confirming goes ahead", async () => {
    const stamp = Date.now().toString(36);
    const variant = await prisma.productVariant.findFirstOrThrow({ where: { isActive: true, product: { status: "ACTIVE" } }, select: { id: true, sku: true, productId: true } });
    const isActive = async () => (await prisma.productVariant.findUniqueOrThrow({ where: { id: variant.id }, select: { isActive: true } })).isActive;
    await admin.goto(`${shop.apps.admin}/products/${variant.productId}`);
    await loaded(admin);
    const active = admin.getByLabel(`Active: ${variant.sku}`);
    await active.uncheck();
    await admin.getByRole("button", { name: `Save ${variant.sku}` }).click();
    const deactivate = admin.getByRole("dialog", { name: `Deactivate ${variant.sku}?` });
    await deactivate.getByRole("button", { name: "Keep it active" }).click();
    await deactivate.waitFor({ state: "hidden" });
    expect(await active.isChecked()).toBe(true);
    expect(await isActive()).toBe(true);
    await active.uncheck();
    await admin.getByRole("button", { name: `Save ${variant.sku}` }).click();
    await deactivate.getByRole("button", { name: "Deactivate" }).click();
    await expect.poll(isActive, { timeout: 15_000 }).toBe(false);

    const category = await prisma.category.create({ data: { name: `Empty Shelf ${stamp}`, slug: `empty-shelf-${stamp}` }, select: { id: true, name: true } });
    const categoryExists = async () => Boolean(await prisma.category.findUnique({ where: { id: category.id }, select: { id: true } }));
    await admin.goto(`${shop.apps.admin}/categories`);
    await loaded(admin);
    const remove = admin.getByRole("button", { name: `Delete ${category.name}` });
    await remove.click();
    const deleteDialog = admin.getByRole("dialog", { name: `Delete ${category.name}?` });
    await deleteDialog.getByRole("button", { name: "Keep it" }).click();
    await deleteDialog.waitFor({ state: "hidden" });
    expect(await categoryExists()).toBe(true);
    await remove.click();
    await screenshot(admin, "admin-category-delete-confirm");
    await deleteDialog.getByRole("button", { name: "Delete category" }).click();
    await remove.waitFor({ state: "detached", timeout: 15_000 });
    expect(await categoryExists()).toBe(false);

    const email = `staff-${stamp}@example.test`;
    const staff = await prisma.user.create({ data: { email, name: "Role Test", roles: { create: [{ role: "STAFF" }] } }, select: { id: true } });
    const roles = async () => (await prisma.userRole.findMany({ where: { userId: staff.id }, select: { role: true } })).map((entry) => entry.role);
    await admin.goto(`${shop.apps.admin}/users`);
    await loaded(admin);
    await admin.getByLabel("Search users").fill(email);
    await admin.getByLabel("Search users").press("Enter");
    const staffRoles = admin.getByRole("group", { name: `Roles for ${email}` });
    await staffRoles.getByRole("checkbox", { name: "STAFF", exact: true }).uncheck();
    await staffRoles.getByRole("button", { name: `Save roles for ${email}` }).click();
    const removeRole = admin.getByRole("dialog", { name: `Remove STAFF from ${email}?` });
    await removeRole.getByRole("button", { name: "Keep roles" }).click();
    await removeRole.waitFor({ state: "hidden" });
    expect(await staffRoles.getByRole("checkbox", { name: "STAFF", exact: true }).isChecked()).toBe(true);
    expect(await roles()).toEqual(["STAFF"]);
    await staffRoles.getByRole("checkbox", { name: "STAFF", exact: true }).uncheck();
    await staffRoles.getByRole("button", { name: `Save roles for ${email}` }).click();
    await removeRole.getByRole("button", { name: "Remove role" }).click();
    await expect.poll(roles, { timeout: 15_000 }).toEqual([]);
  });
});
