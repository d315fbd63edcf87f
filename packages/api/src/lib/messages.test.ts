import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as userFacing from "../schemas";
import { anonymous, createProduct, createUser, fieldMessages } from "../test/helpers";

/** What zod says to developers: none of it may reach a person. */
const developerText = /expected|received|Invalid option|Invalid input|>=|<=|Too (small|big)|must match pattern/i;

describe("messages for people, through the API", () => {
  let customer: Awaited<ReturnType<typeof createUser>>;
  let admin: Awaited<ReturnType<typeof createUser>>;
  let product: Awaited<ReturnType<typeof createProduct>>;
  beforeAll(async () => {
    [customer, admin, product] = await Promise.all([createUser(), createUser(["ADMIN"]), createProduct({ stock: 3 })]);
  });

  it("sign-up says what to fix in each field", async () => {
    expect(await fieldMessages(anonymous().auth.register({ email: "not-an-email", password: "short", name: "  " }))).toEqual({
      email: ["Enter a valid e-mail address, like name@example.com"],
      password: ["Must be at least 8 characters"],
      name: ["Enter your name"],
    });
    expect(await fieldMessages(anonymous().auth.register({ email: "a@example.test", password: "x".repeat(201), name: "A" }))).toEqual({
      password: ["Must be at most 200 characters"],
    });
  });

  it("list filters name the choices and the price rule in words", async () => {
    expect(await fieldMessages(anonymous().product.list({ minPrice: "10", maxPrice: "5" }))).toEqual({ minPrice: ["The lowest price can't be above the highest"] });
    expect(await fieldMessages(anonymous().product.list({ sort: "cheapest" as "name" }))).toEqual({
      sort: ["Choose one of: Relevance, Newest, Price, low to high, Price, high to low, Name"],
    });
    expect(await fieldMessages(anonymous().product.list({ minPrice: "-3" }))).toEqual({ minPrice: ["Enter an amount like 12.50 (no minus sign, at most 2 decimals)"] });
    expect(await fieldMessages(anonymous().product.list({ limit: 500 }))).toEqual({ limit: ["Must be at most 100"] });
  });

  it("addresses, accounts and reviews name the missing field", async () => {
    const address = await fieldMessages(customer.caller.address.create({ street: " ", city: "", state: "", zipCode: "", country: "US" }));
    expect(address).toEqual({ street: ["Enter the street"], city: ["Enter the city"], state: ["Enter the state or region"], zipCode: ["Enter the ZIP or postal code"] });
    expect(await fieldMessages(customer.caller.user.update({ newPassword: "long enough now" }))).toEqual({ currentPassword: ["Enter your current password to set a new one"] });
    expect(await fieldMessages(customer.caller.user.update({ name: " " }))).toEqual({ name: ["Enter your name"] });
    expect(await fieldMessages(customer.caller.review.create({ productId: product.product.id, rating: 9 }))).toEqual({ rating: ["Must be at most 5"] });
    expect(await fieldMessages(customer.caller.review.create({ productId: product.product.id, rating: 2.5 }))).toEqual({ rating: ["Enter a whole number"] });
  });

  it("staff forms list their options with readable labels", async () => {
    const variantId = product.variants[0]!.id;
    expect(await fieldMessages(admin.caller.admin.inventory.adjust({ variantId, delta: 0, reason: "LOST" as "RESTOCK" }))).toEqual({
      delta: ["Enter a change other than zero"],
      reason: ["Choose one of: Restock, Adjustment, Damage, Return"],
    });
    expect(await fieldMessages(admin.caller.admin.settings.set({ key: "store.name", value: " " }))).toEqual({ value: ["Enter the shop's name"] });
  });
});

// ---- every schema the apps' forms and the API's inputs share ----

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Values that are wrong somewhere: missing, empty, blank, huge, negative, fractional, of the wrong type. */
const badValues: unknown[] = [undefined, null, "", " ", "x".repeat(20_000), "Not a valid value!", -1e15, 1e15, -1, 0, 2.5, Number.NaN, true, [], {}, ["x"], "2026-13-45"];

/** Inputs that break `schema` in as many ways as its shape allows (each field alone, nested fields, elements). */
function badInputs(schema: unknown, depth = 0): unknown[] {
  const def = defOf(schema);
  if (depth > 4) return badValues;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return badInputs(def.innerType, depth + 1);
    case "pipe":
      return badInputs(def.in, depth + 1);
    case "union":
      return [...badValues, ...(def.options as unknown[]).flatMap((option) => badInputs(option, depth + 1))];
    case "object":
      return [
        ...badValues,
        ...Object.entries(def.shape as Record<string, unknown>).flatMap(([key, child]) => badInputs(child, depth + 1).map((value) => ({ [key]: value }))),
      ];
    case "array":
      return [...badValues, ...badInputs(def.element, depth + 1).map((value) => [value])];
    case "record":
      return [...badValues, { "not a key": "1" }, ...badInputs(def.valueType, depth + 1).map((value) => ({ USD: value }))];
    default:
      return badValues;
  }
}

/** The zod schemas `@shop/api/schemas` exports (and the per-key settings schemas), by name. */
const schemas = Object.entries(userFacing).flatMap(([name, value]): [string, z.ZodType][] => {
  if (value instanceof z.ZodType) return [[name, value]];
  if (name === "settingSchemas") return Object.entries(value as Record<string, z.ZodType>).map(([key, schema]) => [`settingSchemas.${key}`, schema]);
  return [];
});

describe("every user-facing schema", () => {
  it("finds the schemas to check", () => {
    expect(schemas.map(([name]) => name)).toEqual(expect.arrayContaining(["registerInput", "checkoutInput", "productListInput", "addressCreateInput", "createProductInput", "settingSchemas.store.name"]));
  });

  it.each(schemas)("%s refuses bad input in words meant for people", async (_name, schema) => {
    const messages = new Set<string>();
    for (const input of badInputs(schema)) {
      const result = await schema.safeParseAsync(input);
      for (const issue of result.error?.issues ?? []) messages.add(issue.message);
    }
    // The bad inputs must actually be refused, or there is nothing to check.
    expect(messages.size).toBeGreaterThan(0);
    expect([...messages].filter((message) => developerText.test(message))).toEqual([]);
  });
});
