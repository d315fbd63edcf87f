import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cachedReadOf } from "./lib/cached";
import { procedureNotes } from "./procedure-notes";
import { describeProcedures, generateReference, noteProblems, notesFile, repoRoot, summaryTable, type ProcedureDoc } from "./reference/generate";
import { inputFields, inputJsonSchema } from "./reference/inputs";
import { appRouter } from "./root";

const fix = "run `pnpm docs:api` and commit what it writes";

// Built once, on first use (TypeScript's program is most of the cost), so a missing note
// fails the tests that need the reference rather than the whole file at collection.
let described: ProcedureDoc[] | undefined;
const procedureDocs = () => (described ??= describeProcedures());

describe("the procedure reference (docs/api.md, docs/api-reference.md)", () => {
  it("has a note (what it does) for every procedure, and none for a procedure the router lacks", () => {
    const { missing, unknown } = noteProblems();
    expect(missing, `procedures without a note: add them to ${notesFile}, then ${fix}`).toEqual([]);
    expect(unknown, `notes naming no procedure: remove them from ${notesFile}`).toEqual([]);
  });

  it("is what `pnpm docs:api` writes from the router now", () => {
    const read = (file: string) => readFileSync(join(repoRoot, file), "utf8");
    for (const [file, generated] of Object.entries(generateReference(read("docs/api.md"), procedureDocs()))) {
      const committed = read(file);
      if (committed === generated) continue;
      const lines = committed.split("\n");
      const at = generated.split("\n").findIndex((line, index) => line !== lines[index]);
      expect.fail(`${file} is stale (first difference at line ${at + 1}: ${JSON.stringify(generated.split("\n")[at])}): ${fix}`);
    }
  });

  it("states each mutation's invalidations: a handler that calls invalidate() has a cache note", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string; resolver: () => unknown } }>;
    const silent = Object.entries(procedures)
      .filter(([path, { _def }]) => _def.type === "mutation" && /\binvalidate\(/.test(String(_def.resolver)) && !procedureNotes[path]?.cache?.includes("invalidates"))
      .map(([path]) => path);
    expect(silent, `say what these invalidate in ${notesFile}`).toEqual([]);
  });
});

describe("what the reference reads from a procedure", () => {
  const doc = (path: string) => procedureDocs().find((candidate) => candidate.path === path);

  it("takes access from the base procedure (or the guard's meta)", () => {
    expect(["product.list", "user.me", "cart.get", "admin.order.list", "admin.user.setRoles"].map((path) => doc(path)?.access)).toEqual([
      "public",
      "customer",
      "customer-or-guest",
      "staff",
      "admin",
    ]);
  });

  it("takes tags and ttl from the cached() read, with input fields as placeholders", () => {
    expect(cachedReadOf((appRouter._def.procedures as unknown as Record<string, { _def: { resolver: unknown } }>)["user.me"]!._def.resolver)).toBeUndefined();
    expect(doc("product.bySlug")?.cache).toBe("`catalog`, `product:<slug>`; 5 min");
    expect(doc("product.list")?.cache).toBe("`catalog`; 1 min");
    expect(doc("admin.settings.set")?.cache).toBe(procedureNotes["admin.settings.set"]!.cache);
    expect(doc("user.me")?.cache).toBe("no");
  });

  it("renders inputs with their limits and outputs as TypeScript infers them", () => {
    expect(doc("cart.add")?.input?.fields).toEqual([
      { field: "variantId", type: "string", rules: "1..64 chars" },
      { field: "quantity", type: "integer", rules: "1..1000" },
    ]);
    expect(doc("health.check")?.input).toBeNull();
    expect(doc("health.check")?.output).toBe('{ status: "down" | "degraded" | "ok"; database: "up" | "down"; cache: "up" | "down" }');
    expect(doc("admin.analytics.summary")?.input?.fields.map((field) => field.type)).toEqual(["Date", "Date"]);
    expect(summaryTable([doc("cart.get")!])).toContain("| [`cart.get`](api-reference.md#cartget) | query | customer or guest | no |");
  });

  it("flattens nested objects and arrays of objects, and names recursive definitions", () => {
    const schema = z.object({
      lines: z.array(z.object({ sku: z.string().max(10), qty: z.number().int().min(1).optional() })).max(5),
      note: z.string().nullable().default(null),
    });
    expect(inputFields(inputJsonSchema(schema))).toEqual([
      { field: "lines", type: "object[]", rules: "≤ 5 items" },
      { field: "lines[].sku", type: "string", rules: "≤ 10 chars" },
      { field: "lines[].qty?", type: "integer", rules: "≥ 1" },
      { field: "note?", type: "string | null", rules: "default `null`" },
    ]);
    const json = inputFields(inputJsonSchema(z.object({ value: z.json() })));
    expect(json[0]).toMatchObject({ field: "value" });
    expect(json.at(-1)?.field).toBe(`(${json[0]!.type})`);
  });
});
