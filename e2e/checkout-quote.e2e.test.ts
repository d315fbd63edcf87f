import { Prisma, prisma } from "@shop/db";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { customerAccount } from "../scripts/seed/run";
import { useShop } from "./support/shop";
import { loaded, screenshot } from "./support/browser";

const shop = useShop({ seed: { products: 24, customers: 2, orders: 0 } });

const money = (amount: Prisma.Decimal) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(amount.toFixed(2) as unknown as number);

/** What the seeded settings charge for `subtotal`: tax 8 % of it, Standard $4.95 (free from $75), Express $14.95. */
function expectedTotals(subtotal: Prisma.Decimal) {
  const tax = subtotal.mul("0.08").toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);
  return { tax, standard: subtotal.add(tax).add("4.95"), express: subtotal.add(tax).add("14.95") };
}

/** An active product under the free-shipping threshold whose every variant is in stock, so "Add to cart" works on any default choice. */
async function cheapProduct() {
  const products = await prisma.product.findMany({
    where: { status: "ACTIVE", variants: { some: { isActive: true } } },
    select: { slug: true, variants: { where: { isActive: true }, select: { price: true, inventory: { select: { onHand: true, reserved: true } } } } },
    orderBy: { name: "asc" },
  });
  const product = products.find((candidate) =>
    candidate.variants.every((variant) => variant.price.lt(60) && (variant.inventory?.onHand ?? 0) - (variant.inventory?.reserved ?? 0) >= 5),
  );
  if (!product) throw new Error("the seeded catalog has no in-stock product under $60");
  return product;
}

const total = (page: Page) => page.getByTestId("quote-total").textContent();

describe("checkout shows what it will charge before the order is placed", () => {
  it("quotes shipping, tax and total for the address and method, creates the order only on 'Place order', for exactly that total", async () => {
    const customer = customerAccount(2);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: customer.email }, select: { id: true } });
    await prisma.cartItem.deleteMany({ where: { userId: user.id } });
    const ordersBefore = await prisma.order.count({ where: { userId: user.id } });
    const product = await cheapProduct();

    const page = await shop.signedIn("storefront", customer);
    await page.goto(`${shop.apps.storefront}/p/${product.slug}`);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect.poll(() => prisma.cartItem.count({ where: { userId: user.id } })).toBe(1);
    const line = await prisma.cartItem.findFirstOrThrow({ where: { userId: user.id }, select: { quantity: true, variant: { select: { price: true } } } });
    const expected = expectedTotals(line.variant.price.mul(line.quantity));

    // The seeded customer's saved (US) address is chosen; the first method, Standard, is quoted.
    await page.goto(`${shop.apps.storefront}/checkout`);
    await loaded(page);
    await expect.poll(() => total(page)).toBe(money(expected.standard));
    expect(await page.getByTestId("quote-shipping").textContent()).toBe(money(new Prisma.Decimal("4.95")));
    expect(await page.getByTestId("quote-tax").textContent()).toBe(money(expected.tax));
    expect(await page.getByRole("radio", { name: /Standard/ }).isChecked()).toBe(true);
    await screenshot(page, "storefront-checkout-quote");

    // Another method: the total follows, and still nothing is ordered.
    await page.getByRole("radio", { name: /Express/ }).check();
    await expect.poll(() => total(page)).toBe(money(expected.express));
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(ordersBefore);

    // A new address abroad: Express (US and Canada only) is no longer offered, Standard is quoted.
    await page.getByRole("radio", { name: "Enter a new address" }).check();
    await page.getByLabel("Country").selectOption({ label: "France" });
    await expect.poll(() => total(page)).toBe(money(expected.standard));
    expect(await page.getByRole("radio", { name: /Express/ }).count()).toBe(0);

    // Back to the saved address, Express again, at 390 px with nothing cut off.
    await page.getByRole("radio", { name: "Use a saved address" }).check();
    await page.getByRole("radio", { name: /Express/ }).check();
    await expect.poll(() => total(page)).toBe(money(expected.express));
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "storefront-checkout-quote-390");
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(ordersBefore);

    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByRole("button", { name: "Pay now" }).waitFor();
    const order = await prisma.order.findFirstOrThrow({
      where: { userId: user.id },
      orderBy: { placedAt: "desc" },
      select: { total: true, shippingTotal: true, taxTotal: true, shippingMethodCode: true, shippingMethodName: true },
    });
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(ordersBefore + 1);
    expect(order.total.toFixed(2)).toBe(expected.express.toFixed(2));
    expect([order.shippingTotal.toFixed(2), order.taxTotal.toFixed(2)]).toEqual(["14.95", expected.tax.toFixed(2)]);
    expect([order.shippingMethodCode, order.shippingMethodName]).toEqual(["express", "Express"]);
  });
});
