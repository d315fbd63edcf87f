import fc from "fast-check";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root";
import { createProduct, createUser } from "./test/helpers";

type Callable = (input: unknown) => Promise<unknown>;
const paths = Object.keys(appRouter._def.procedures).filter((path) => !path.startsWith("admin."));

// Inputs shaped like the real ones but with hostile values, plus pure noise.
const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ minLength: 300, maxLength: 2_000 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -1, 0, 1e308, "", " ", "'; DROP TABLE \"User\";--", "../../etc/passwd", "\u0000", "%", "_"),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
);
const fieldNames = ["id", "slug", "email", "password", "name", "q", "cursor", "limit", "variantId", "productId", "quantity", "orderId", "rating", "minPrice", "maxPrice", "sort", "idempotencyKey", "address", "addressId", "ids", "street"];
const hostileInput = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom(...fieldNames), hostileValue, { maxKeys: 6 }),
);

let caller: Record<string, unknown>;
beforeAll(async () => {
  await createProduct({ stock: 5 });
  caller = (await createUser()).caller as unknown as Record<string, unknown>;
});

describe("hostile input", () => {
  it.each(paths)("%s answers with a client error, never a 500", async (path) => {
    const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as Callable;
    await fc.assert(
      fc.asyncProperty(hostileInput, async (input) => {
        try {
          await procedure(input);
        } catch (error) {
          expect(error).toBeInstanceOf(TRPCError);
          expect((error as TRPCError).code, `${path} with ${JSON.stringify(input)?.slice(0, 200)}: ${(error as Error).message}`).not.toBe("INTERNAL_SERVER_ERROR");
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("text the database cannot store", () => {
  it("is a BAD_REQUEST, not a 500", async () => {
    const customer = (await createUser()).caller;
    await expect(customer.order.byId({ id: "\u0000" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(customer.user.update({ name: "nul\u0000byte" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
