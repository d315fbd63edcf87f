import { createCaller, createInnerContext, TestPaymentProvider } from "@shop/api";
import { env, prisma } from "@shop/db";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ADMIN, STAFF, customerAccount } from "../scripts/seed/run";
import { HISTORY_SAMPLE, useShop } from "./support/shop";
import { loaded, screenshot, signIn, signUp } from "./support/browser";
import { chooseVariant } from "./support/product";

const shop = useShop({ seed: { products: 24, customers: 2, orders: HISTORY_SAMPLE } });

/**
 * Screenshots a page once it has finished loading (no loading indicator left, a
 * heading shown) and checks the picture is not blank: a rendered page has many
 * colours, a blank one one or two.
 */
async function expectRendered(page: Page, name: string): Promise<void> {
  await loaded(page);
  expect(await screenshot(page, name), `${name} looks blank`).toBeGreaterThan(20);
}

const money = (amount: string) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(amount as unknown as number);

/**
 * An active product with two active variants in stock, to shop for, whose variants a
 * customer can tell apart: no two share the same options (the page could not pick one).
 */
async function productWithTwoVariants() {
  const products = await prisma.product.findMany({
    where: { status: "ACTIVE" },
    select: {
      id: true,
      name: true,
      slug: true,
      category: { select: { name: true, slug: true } },
      variants: {
        where: { isActive: true },
        select: { id: true, sku: true, price: true, options: true, inventory: { select: { onHand: true } } },
        orderBy: { position: "asc" },
      },
    },
    orderBy: { name: "asc" },
  });
  const stocked = (variants: (typeof products)[number]["variants"]) => variants.filter((variant) => (variant.inventory?.onHand ?? 0) >= 5);
  const distinct = (variants: { options: unknown }[]) => new Set(variants.map((variant) => JSON.stringify(variant.options))).size === variants.length;
  const product = products.find((candidate) => stocked(candidate.variants).length >= 2 && distinct(candidate.variants) && candidate.category);
  if (!product) throw new Error("the seeded catalog has no product with two stocked variants");
  return { ...product, category: product.category!, variants: stocked(product.variants) };
}

describe("storefront and admin in a browser", () => {
  it("a customer signs up, browses, adds two variants, checks out and sees the order", async () => {
    const product = await productWithTwoVariants();
    const [first, second] = product.variants as [(typeof product.variants)[0], (typeof product.variants)[0]];
    const email = `e2e-${Date.now()}@example.test`;
    const page = await shop.page();

    await signUp(page, shop.apps.storefront, { name: "Eve Endtoend", email, password: "e2e-password-123" });
    await page.waitForURL(`${shop.apps.storefront}/`);
    await expectRendered(page, "storefront-home");

    await page.getByRole("link", { name: product.category.name }).first().click();
    await page.waitForURL(`**/c/${product.category.slug}**`);
    await expectRendered(page, "storefront-category");

    await page.goto(`${shop.apps.storefront}/search?q=${encodeURIComponent(product.name)}`);
    await expectRendered(page, "storefront-search");
    await page.getByRole("link", { name: product.name }).first().click();
    await page.waitForURL(`**/p/${product.slug}`);
    await expect.poll(() => page.getByTestId("price").textContent()).toContain(money(first.price.toFixed(2)));
    await expectRendered(page, "storefront-product");

    for (const variant of [first, second]) {
      await chooseVariant(page, variant.options);
      await expect.poll(() => page.getByTestId("price").textContent()).toContain(money(variant.price.toFixed(2)));
      await page.getByRole("button", { name: "Add to cart" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Added to cart" }).waitFor()).resolves.toBeUndefined();
    }
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    await expect.poll(() => prisma.cartItem.count({ where: { userId: user.id } })).toBe(2);

    await page.goto(`${shop.apps.storefront}/cart`);
    await expectRendered(page, "storefront-cart");
    await page.getByRole("link", { name: "Checkout" }).click();
    await page.waitForURL("**/checkout");
    // Exact labels: the country select's name includes its options ("Vatican City", "United States").
    await page.getByLabel("Full name", { exact: true }).fill("Eve Endtoend");
    await page.getByLabel("Street", { exact: true }).fill("1 Test Street");
    await page.getByLabel("City", { exact: true }).fill("Springfield");
    await page.getByLabel("State", { exact: true }).fill("IL");
    await page.getByLabel("ZIP code", { exact: true }).fill("62701");
    await expectRendered(page, "storefront-checkout");
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByRole("button", { name: "Pay now" }).click();
    await page.waitForURL("**/orders/**");
    const order = await prisma.order.findFirstOrThrow({
      where: { userId: user.id },
      select: { id: true, number: true, status: true, items: { select: { variantId: true, quantity: true } } },
    });
    await expect(page.getByRole("heading", { name: `Order #${order.number}` }).waitFor()).resolves.toBeUndefined();
    await expectRendered(page, "storefront-order-confirmation");
    await expect.poll(async () => (await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status).toBe("PAID");
    expect(order.items.map((item) => item.variantId).sort()).toEqual([first.id, second.id].sort());
    expect(await prisma.cartItem.count({ where: { userId: user.id } })).toBe(0);

    await page.goto(`${shop.apps.storefront}/orders`);
    await expect(page.getByText(`#${order.number}`).first().waitFor()).resolves.toBeUndefined();
    await expectRendered(page, "storefront-orders");

    // Staff refund part of it in the admin app; the customer's order page shows it.
    const staffPage = await shop.signedIn("admin", STAFF);
    await staffPage.goto(`${shop.apps.admin}/orders`);
    await loaded(staffPage);
    await staffPage.getByRole("button", { name: `Details for order #${order.number}` }).click();
    const refundForm = staffPage.getByRole("form", { name: `Refund order #${order.number}` });
    await refundForm.getByLabel("Refund amount").fill("5.00");
    await refundForm.getByLabel("Reason").fill("scuffed box");
    await refundForm.getByRole("button", { name: "Refund" }).click();
    await staffPage.getByRole("dialog", { name: `Refund order #${order.number}?` }).getByRole("button", { name: "Refund", exact: true }).click();
    await expect.poll(async () => (await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { refundedTotal: true } })).refundedTotal.toFixed(2)).toBe("5.00");
    await expect(staffPage.getByText("$5.00 refunded").first().waitFor()).resolves.toBeUndefined();
    await expectRendered(staffPage, "admin-order-partially-refunded");
    const payment = await prisma.payment.findFirstOrThrow({ where: { orderId: order.id }, select: { status: true } });
    expect(payment.status).toBe("PARTIALLY_REFUNDED");

    await page.goto(`${shop.apps.storefront}/orders/${order.id}`);
    await expect.poll(() => page.getByTestId("order-refunded").textContent()).toBe(`−${money("5.00")}`);
    await expect(page.getByText("Partially refunded").first().waitFor()).resolves.toBeUndefined();
    expect(await page.getByTestId("order-status").textContent()).toBe("Paid");
    await expectRendered(page, "storefront-order-partially-refunded");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).waitFor()).resolves.toBeUndefined();
    await page.goto(`${shop.apps.storefront}/orders`);
    await page.waitForURL("**/sign-in**");
  });

  it("an admin changes a price and the storefront shows it on the next load", async () => {
    const product = await productWithTwoVariants();
    const variant = product.variants[0]!;
    const newPrice = variant.price.plus(7).toFixed(2);

    // The storefront has read (and cached) the old price first.
    const shopper = await shop.page();
    await shopper.goto(`${shop.apps.storefront}/p/${product.slug}`);
    await expect.poll(() => shopper.getByTestId("price").textContent()).toContain(money(variant.price.toFixed(2)));

    const page = await shop.signedIn("admin", ADMIN);
    await expect(page.getByRole("heading", { name: "Dashboard" }).waitFor()).resolves.toBeUndefined();
    await expectRendered(page, "admin-dashboard");

    await page.goto(`${shop.apps.admin}/products/${product.id}`);
    await page.getByLabel(`Price for ${variant.sku}`, { exact: true }).fill(newPrice);
    await page.getByRole("button", { name: `Save ${variant.sku}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" }).first().waitFor()).resolves.toBeUndefined();
    await expectRendered(page, "admin-product-edit");

    await shopper.reload();
    expect(await shopper.getByTestId("price").textContent()).toContain(money(newPrice));

    for (const section of ["products", "inventory", "orders", "users", "reviews", "settings"]) {
      await page.goto(`${shop.apps.admin}/${section}`);
      await loaded(page);
      // Next.js's route announcer is an (empty) alert too: only alerts with words count.
      const alerts = (await page.getByRole("alert").allTextContents()).filter((text) => text.trim());
      expect(alerts, `${section} shows an error`).toEqual([]);
      await expectRendered(page, `admin-${section}`);
    }
  });

  it("lets staff into the admin app for operations, with catalog edits left to admins", async () => {
    const product = await productWithTwoVariants();
    const page = await shop.signedIn("admin", STAFF);
    await expect(page.getByRole("heading", { name: "Dashboard" }).waitFor()).resolves.toBeUndefined();

    await page.goto(`${shop.apps.admin}/orders`);
    await loaded(page);
    expect(await page.getByRole("button", { name: /^Details for order #/ }).count()).toBeGreaterThan(0);

    await page.goto(`${shop.apps.admin}/products/${product.id}`);
    await expect(page.getByText("needs the ADMIN role").waitFor()).resolves.toBeUndefined();
    expect(await page.getByRole("button", { name: `Save ${product.variants[0]!.sku}` }).count()).toBe(0);
    await expectRendered(page, "admin-product-as-staff");

    await page.goto(`${shop.apps.admin}/users`);
    await expect(page.getByText("managed by ADMIN accounts").waitFor()).resolves.toBeUndefined();
  });

  it("refuses a customer at the admin app, and admin paths at the storefront", async () => {
    const customer = customerAccount(1);
    const page = await shop.page();
    await signIn(page, shop.apps.admin, customer.email, customer.password);
    await expect(page.getByText("This app is for shop staff").waitFor()).resolves.toBeUndefined();
    expect(page.url()).toContain("/sign-in");
    await expectRendered(page, "admin-refused-customer");

    // Signed in at the storefront, the same customer's cookie means nothing to the admin app.
    await signIn(page, shop.apps.storefront, customer.email, customer.password);
    await page.waitForURL(`${shop.apps.storefront}/`);
    await page.goto(`${shop.apps.admin}/`);
    // Streamed pages redirect in the browser, so wait for it rather than read the URL at once.
    await page.waitForURL(`${shop.apps.admin}/sign-in**`);

    // The storefront does not mount admin.* at all, whoever asks.
    const fromStorefront = await page.request.get(`${shop.apps.storefront}/api/trpc/admin.user.list`);
    expect(fromStorefront.status()).toBe(404);
    const fromAdmin = await page.request.get(`${shop.apps.admin}/api/trpc/admin.user.list`);
    expect(fromAdmin.status()).toBe(401);
  });

  it("applies a signed payment webhook once, ignores a late one, and refuses forged or malformed ones", async () => {
    const provider = new TestPaymentProvider(env().PAYMENT_TEST_WEBHOOK_SECRET);
    // A seeded customer's order still awaiting payment, with a payment started as the storefront would.
    const pending = await prisma.order.findFirstOrThrow({
      where: { status: "PENDING", userId: { not: null }, payments: { none: {} } },
      select: { id: true, user: { select: { id: true, email: true } } },
    });
    const customer = createCaller(createInnerContext({ session: { user: { id: pending.user!.id, email: pending.user!.email, roles: ["CUSTOMER"] } }, payments: provider }));
    const { payment } = await customer.payment.createIntent({ orderId: pending.id });
    const event = (type: string, status: string) => JSON.stringify({ id: `evt_e2e_${type}_${payment.id}`, type, providerRef: payment.providerRef, status });
    const post = (payload: string, signature = provider.sign(payload)) =>
      fetch(`${shop.apps.storefront}/api/webhooks/payment`, { method: "POST", body: payload, headers: { "stripe-signature": signature } });

    const succeeded = event("payment_intent.succeeded", "SUCCEEDED");
    const first = await post(succeeded);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: "applied" });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: pending.id }, select: { status: true } })).status).toBe("PAID");
    expect(await (await post(succeeded)).json()).toMatchObject({ status: "duplicate" });
    // A "failed" arriving after the success is recorded and changes nothing.
    expect(await (await post(event("payment_intent.payment_failed", "FAILED"))).json()).toMatchObject({ status: "ignored" });
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { status: true } })).status).toBe("SUCCEEDED");

    expect((await post(succeeded, "t=1,v1=00")).status).toBe(400);
    // Correctly signed but not an event: 400, so the provider does not retry it forever.
    expect((await post("{}")).status).toBe(400);
    expect((await post("not json")).status).toBe(400);
  });
});
