import { describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { measureCheckoutCpu } from "./checkout-cpu";

describe("checkout CPU bench", () => {
  it("measures CPU per order and counts the statements cart.add and checkout send", async () => {
    const result = await measureCheckoutCpu({ db: prisma, orders: 5, warmup: 1 });
    expect(result.cpuMsPerOrder).toBeGreaterThan(0);
    expect(result.cpuMsPerOrder).toBeCloseTo(result.cartAddCpuMs + result.checkoutCpuMs, 1);
    // cart.add: the guarded upsert and the cart read. checkout: BEGIN, lock, key, cart,
    // the order's writes, the cart's, the expiry job, COMMIT (issue 11: it was 8 and 21).
    expect(result.cartAddStatements).toBe(2);
    expect(result.checkoutStatements).toBe(8);
  });
});
