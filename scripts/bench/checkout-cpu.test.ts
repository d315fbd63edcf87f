import { describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { measureCheckoutCpu } from "./checkout-cpu";

describe("checkout CPU bench", () => {
  it("measures CPU per order and counts the statements cart.add and checkout send", async () => {
    const result = await measureCheckoutCpu({ db: prisma, orders: 5, warmup: 1 });
    expect(result.cpuMsPerOrder).toBeGreaterThan(0);
    expect(result.cpuMsPerOrder).toBeCloseTo(result.cartAddCpuMs + result.checkoutCpuMs, 1);
    // cart.add: the guarded upsert and the cart read. checkout: BEGIN, SET LOCAL
    // statement_timeout (PgBouncer-safe, issue 13), lock, key, cart, the order's writes, the
    // cart's, the expiry job, COMMIT; then after commit the replica watermark (issue 13) and
    // the mailer's wake-up job (issue 14). Issue 11 brought it from 21 to 8; those three are
    // the price of PgBouncer, replicas and e-mail.
    expect(result.cartAddStatements).toBe(2);
    expect(result.checkoutStatements).toBe(11);
  });
});
