import { describe, expect, it } from "vitest";
import { overrideEnv, prisma } from "@shop/db";
import { measureCheckoutCpu } from "./checkout-cpu";

describe("checkout CPU bench", () => {
  it("measures CPU per order and counts the statements cart.add and checkout send", async () => {
    const result = await measureCheckoutCpu({ db: prisma, orders: 5, warmup: 1 });
    expect(result.cpuMsPerOrder).toBeGreaterThan(0);
    expect(result.cpuMsPerOrder).toBeCloseTo(result.cartAddCpuMs + result.checkoutCpuMs, 1);
    // cart.add: the guarded upsert and the cart read. checkout: BEGIN, SET LOCAL
    // statement_timeout (PgBouncer-safe, issue 13), lock, key, cart, the order's writes, the
    // cart's, the expiry job, COMMIT; then after commit the mailer's wake-up job (issue 14).
    // Issue 11 brought it from 21 to 8; those two are the price of PgBouncer and e-mail. No
    // replica watermark: this deployment names no replicas (DATABASE_REPLICA_URL is empty).
    expect(result.cartAddStatements).toBe(2);
    expect(result.checkoutStatements).toBe(10);
  });

  it("counts the replica watermark's position query (issue 13) where the deployment names replicas", async () => {
    // Never connected to: checkout reads no replica, it only records how far they must be.
    overrideEnv({ DATABASE_REPLICA_URL: "postgresql://replica.invalid/shop" });
    try {
      const result = await measureCheckoutCpu({ db: prisma, orders: 2, warmup: 1 });
      expect(result.checkoutStatements).toBe(11);
    } finally {
      overrideEnv({ DATABASE_REPLICA_URL: undefined });
    }
  });
});
