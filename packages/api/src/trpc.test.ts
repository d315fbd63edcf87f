import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { anonymousSession, createTRPCContext } from "./context";
import { appRouter } from "./root";
import { createUser, errorCode } from "./test/helpers";
import { transformer } from "./transformer";
import { Prisma } from "@shop/db";

/** Calls the API over the fetch adapter the apps mount at /api/trpc. */
async function http(path: string, input: unknown, method: "GET" | "POST" = "POST") {
  const body = JSON.stringify(transformer.serialize(input));
  const url = `http://shop.test/api/trpc/${path}${method === "GET" ? `?input=${encodeURIComponent(body)}` : ""}`;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url, { method, body: method === "POST" ? body : undefined, headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" } }),
    router: appRouter,
    createContext: ({ req }) => createTRPCContext({ headers: req.headers, session: anonymousSession }),
  });
  return { status: response.status, json: (await response.json()) as { result?: { data: unknown }; error?: { json: { message: string; data: Record<string, unknown> } } } };
}

describe("over HTTP", () => {
  it("answers bad input with 400 and the field errors", async () => {
    const { status, json } = await http("auth.register", { email: "not-an-email", password: "short", name: "" });
    expect(status).toBe(400);
    const fieldErrors = (json.error?.json.data.zodError as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(fieldErrors).sort()).toEqual(["email", "name", "password"]);
    // The message is the fields' own sentences, not zod's issue list as JSON.
    expect(json.error?.json.message).toBe("Enter a valid e-mail address, like name@example.com; Must be at least 8 characters; Enter your name");
    expect(json.error?.json.data.stack ?? null).toBeNull();
  });

  it("answers text no column can store (a NUL character) with 400, through the cache too", async () => {
    for (const [path, input] of [
      ["product.list", { q: "a\u0000b" }],
      ["review.list", { productId: "\u0000" }],
      ["product.list", { categorySlug: "a\u0000" }],
      ["product.list", { cursor: "\u0000" }],
      ["review.list", { productId: "p", cursor: "\u0000" }],
      ["product.bySlug", { slug: "a\u0000" }],
      ["category.bySlug", { slug: "a\u0000" }],
    ] as const) {
      const { status, json } = await http(path, input, "GET");
      expect(status, path).toBe(400);
      expect(json.error?.json.message, path).toMatch(/cannot be stored|lower-case letters|cursor/i);
    }
    // The staff-only cached reads take dates: a NUL is not a date.
    const staff = await createUser(["STAFF"]);
    for (const read of [staff.caller.admin.analytics.summary, staff.caller.admin.analytics.daily, staff.caller.admin.analytics.events]) {
      expect(await errorCode(read({ from: "\u0000" as unknown as Date, to: new Date() }))).toBe("BAD_REQUEST");
    }
  });

  it("refuses an input sent without superjson's envelope with 400 saying how to send it, instead of ignoring it", async () => {
    const calls = [
      { method: "GET", path: "product.list", input: { limit: 5 } },
      { method: "POST", path: "auth.register", input: { email: "plain@example.test", password: "long enough password", name: "Plain" } },
    ] as const;
    for (const { method, path, input } of calls) {
      const raw = JSON.stringify(input);
      const url = `http://shop.test/api/trpc/${path}${method === "GET" ? `?input=${encodeURIComponent(raw)}` : ""}`;
      const response = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request(url, { method, body: method === "POST" ? raw : undefined, headers: { "content-type": "application/json" } }),
        router: appRouter,
        createContext: ({ req }) => createTRPCContext({ headers: req.headers, session: anonymousSession }),
      });
      expect(response.status, method).toBe(400);
      const { error } = (await response.json()) as { error: { json: { message: string; data: { code: string } } } };
      expect(error.json.data.code).toBe("BAD_REQUEST");
      expect(error.json.message).toBe('Send the input as superjson\'s envelope, {"json": <input>} (see docs/api.md, "Over HTTP")');
    }
    // The envelope, and no input at all (as the client sends it, or as a bare {}), still work.
    expect((await http("product.list", { limit: 5 }, "GET")).status).toBe(200);
    expect((await http("category.list", undefined, "GET")).status).toBe(200);
    expect((await fetchRequestHandler({ endpoint: "/api/trpc", req: new Request("http://shop.test/api/trpc/category.list?input=%7B%7D"), router: appRouter, createContext: ({ req }) => createTRPCContext({ headers: req.headers, session: anonymousSession }) })).status).toBe(200);
  });

  it("refuses admin procedures to anonymous callers with 401", async () => {
    const { status } = await http("admin.user.list", {}, "GET");
    expect(status).toBe(401);
  });

  it("carries Decimal and Date intact through superjson", async () => {
    await createUser();
    const { status, json } = await http("health.check", undefined, "GET");
    expect(status).toBe(200);
    expect(transformer.deserialize(json.result?.data as never)).toMatchObject({ database: "up" });
    const round = transformer.parse<{ price: Prisma.Decimal; at: Date }>(
      transformer.stringify({ price: new Prisma.Decimal("99.99"), at: new Date(0) }),
    );
    expect(round.price).toBeInstanceOf(Prisma.Decimal);
    expect(round.price.toFixed(2)).toBe("99.99");
    expect(round.at).toEqual(new Date(0));
  });

  it("takes the client address from the server hook's header, never from X-Forwarded-For", () => {
    const hooked = createTRPCContext({ headers: new Headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "10.9.9.9" }), session: anonymousSession });
    expect(hooked.ip).toBe("198.51.100.7");
    expect(createTRPCContext({ headers: new Headers({ "x-forwarded-for": "10.9.9.9" }), session: anonymousSession }).ip).toBe("unknown");
  });
});
