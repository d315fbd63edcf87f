import { afterEach, describe, expect, it, vi } from "vitest";
import { getPrisma, getRedis, installShutdownHooks, prisma, redis } from "./index";

const signals = ["SIGINT", "SIGTERM"] as const;
const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));

describe("graceful shutdown", () => {
  afterEach(() => {
    // Leave the worker with only the signal handlers it started with.
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
      }
    }
    vi.restoreAllMocks();
  });

  it("on SIGTERM runs the caller's hook, closes PostgreSQL and Redis, then exits 0", async () => {
    await prisma.$queryRaw`SELECT 1`;
    await redis.ping();
    const exited = new Promise<number | undefined>((resolve) => {
      vi.spyOn(process, "exit").mockImplementation(((code?: number) => resolve(code)) as typeof process.exit);
    });
    const hook = vi.fn(async () => {});
    installShutdownHooks(hook);
    process.emit("SIGTERM", "SIGTERM");
    expect(await exited).toBe(0);
    expect(hook).toHaveBeenCalledOnce();
    // The singletons were closed and forgotten: asking again makes new ones.
    expect(getPrisma()).not.toBe(prisma);
    expect(getRedis()).not.toBe(redis);
  });

  it("still closes connections when the caller's hook fails", async () => {
    const exited = new Promise<number | undefined>((resolve) => {
      vi.spyOn(process, "exit").mockImplementation(((code?: number) => resolve(code)) as typeof process.exit);
    });
    installShutdownHooks(async () => {
      throw new Error("flush failed");
    });
    process.emit("SIGINT", "SIGINT");
    expect(await exited).toBe(0);
  });
});
