import { env, JOB_SCHEMA, prisma } from "@shop/db";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { enqueue } from "./index";

interface JobRow {
  name: string;
  data: unknown;
  state: string;
  start_after: Date;
  retry_limit: number;
}

const findJob = async (id: string) =>
  (
    await prisma.$queryRawUnsafe<JobRow[]>(
      `SELECT name, data, state::text, start_after, retry_limit FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`,
      id,
    )
  )[0];

class Rollback extends Error {}

describe("enqueue", () => {
  // First in the file, while this process has no producer yet: starting it must not
  // need a connection from a pool that the callers' transactions already hold.
  it("works while the callers' transactions hold every connection of the pool", async () => {
    const orders = Array.from({ length: env().DATABASE_POOL_MAX }, (_, index) => `order-${index}`);
    const ids = await Promise.all(
      orders.map((orderId) => prisma.$transaction((tx) => enqueue(tx, "order.expire", { orderId }), { timeout: 10_000 })),
    );
    for (const id of ids) expect(await findJob(id!)).toMatchObject({ name: "order.expire", state: "created" });
  });

  it("adds the job when the caller's transaction commits, with the queue's settings", async () => {
    const startAfter = new Date(Date.now() + 15 * 60_000);
    const id = await prisma.$transaction((tx) => enqueue(tx, "order.expire", { orderId: "order-1" }, { startAfter }));
    const job = await findJob(id!);
    expect(job).toMatchObject({ name: "order.expire", data: { orderId: "order-1" }, state: "created" });
    expect(job!.start_after.getTime()).toBe(startAfter.getTime());

    const refund = await prisma.$transaction((tx) => enqueue(tx, "payment.refund", { refundId: "refund-1" }));
    expect(await findJob(refund!)).toMatchObject({ name: "payment.refund", retry_limit: 8 });
  });

  it("leaves no job behind when the caller's transaction rolls back", async () => {
    let id: string | null = null;
    await expect(
      prisma.$transaction(async (tx) => {
        id = await enqueue(tx, "payment.refund", { refundId: "refund-2" });
        // Visible inside the transaction…
        expect(await tx.$queryRawUnsafe(`SELECT 1 FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`, id)).toHaveLength(1);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    // …and gone with it.
    expect(id).not.toBeNull();
    expect(await findJob(id!)).toBeUndefined();
  });

  it("refuses a payload that does not match its queue, before touching the database", async () => {
    await expect(
      prisma.$transaction((tx) => enqueue(tx, "order.expire", { orderId: "" })),
    ).rejects.toBeInstanceOf(ZodError);
  });
});

