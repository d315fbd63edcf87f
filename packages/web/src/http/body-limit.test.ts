import { pollUntil } from "@shop/db/testing";
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, limitBody, readBodyWithin } from "./body-limit";

const KB = 1024;

/**
 * A request body served in `chunkBytes` chunks, one per turn of the event loop as from
 * a socket, `total` bytes in all (Infinity: a client that never stops), recording how
 * much was pulled and whether it was cancelled.
 */
function streamedRequest(total: number, chunkBytes = 16 * KB, headers: Record<string, string> = {}) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setImmediate(resolve));
      const size = Math.min(chunkBytes, total - seen.pulled);
      if (size <= 0) return controller.close();
      seen.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x7b));
    },
    cancel() {
      seen.cancelled = true;
    },
  }, { highWaterMark: 0 });
  const request = new Request("http://shop.test/api", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, seen };
}

describe("readBodyWithin", () => {
  it("returns a body of exactly the limit, whole", async () => {
    const { request } = streamedRequest(64 * KB);
    const body = await readBodyWithin(request, 64 * KB);
    expect(body.byteLength).toBe(64 * KB);
    expect(body.every((byte) => byte === 0x7b)).toBe(true);
  });

  it("refuses a streamed body as soon as the count passes the limit, then drops a bounded rest and cancels", async () => {
    const { request, seen } = streamedRequest(Number.POSITIVE_INFINITY);
    const refused = await readBodyWithin(request, 64 * KB).catch((error: unknown) => ({ error, pulled: seen.pulled }));
    expect(refused).toMatchObject({ error: expect.any(BodyTooLargeError) });
    // Refused on the chunk that crossed the limit (the background discard may have asked for one more).
    expect((refused as { pulled: number }).pulled).toBeLessThanOrEqual(64 * KB + 2 * 16 * KB);
    // An endless body is not read for ever: the discard stops at its byte bound.
    await pollUntil("the endless body is cancelled", () => seen.cancelled, 10_000);
    expect(seen.pulled).toBeLessThanOrEqual(64 * KB + 16 * 1024 * KB + 2 * 16 * KB);
  });

  it("refuses a declared Content-Length over the limit before reading the body", async () => {
    const { request, seen } = streamedRequest(4 * 64 * KB, 16 * KB, { "content-length": String(4 * 64 * KB) });
    const error = await readBodyWithin(request, 64 * KB).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).message).toBe("The request body is larger than the 65536-byte limit.");
    // What arrives afterwards is only dropped, to the end of this short body.
    await pollUntil("the rest is dropped", () => seen.pulled === 4 * 64 * KB, 10_000);
  });

  it("cuts off a client that stalls after the refusal", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(128 * KB));
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request("http://shop.test/api", { method: "POST", body, duplex: "half" } as RequestInit);
    await expect(readBodyWithin(request, 64 * KB)).rejects.toThrowError(BodyTooLargeError);
    expect(cancelled).toBe(false);
    await pollUntil("the stalled body is cancelled", () => cancelled, 10_000);
  });
});

describe("limitBody", () => {
  const echo = limitBody(
    () => 64 * KB,
    async (request) => Response.json({ method: request.method, bytes: (await request.arrayBuffer()).byteLength, type: request.headers.get("content-type") }),
  );

  it("hands the handler the body it read, with the request's headers", async () => {
    const { request } = streamedRequest(10 * KB, 4 * KB, { "content-type": "application/json" });
    expect(await (await echo(request)).json()).toEqual({ method: "POST", bytes: 10 * KB, type: "application/json" });
  });

  it("answers 413 with the limit in a JSON error, without calling the handler", async () => {
    const { request } = streamedRequest(65 * KB);
    const response = await echo(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "The request body is larger than the 65536-byte limit.", limitBytes: 64 * KB },
    });
  });

  it("passes GET through untouched", async () => {
    expect(await (await echo(new Request("http://shop.test/api"))).json()).toEqual({ method: "GET", bytes: 0, type: null });
  });
});
