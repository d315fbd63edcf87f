import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { appRouter } from "./root";
import { anonymous, callerFor, createUser, errorCode } from "./test/helpers";
import type { Access, ProcedureMeta } from "./trpc";

type AnyCaller = Record<string, unknown>;
const procedurePaths = Object.keys(appRouter._def.procedures);
const adminPaths = procedurePaths.filter((path) => path.startsWith("admin."));
const publicPaths = new Set([
  "health.check",
  "auth.register",
  "auth.requestPasswordReset",
  "auth.resetPassword",
  "auth.verifyEmail",
  "category.list",
  "category.bySlug",
  "product.list",
  "product.bySlug",
  "review.list",
  "store.info",
  "sitemap.index",
  "sitemap.page",
]);
// Day-to-day operations open to STAFF as well as ADMIN; every other admin.* path is ADMIN only.
const staffPaths = new Set([
  "admin.analytics.summary",
  "admin.analytics.events",
  "admin.analytics.daily",
  "admin.category.list",
  "admin.inventory.list",
  "admin.inventory.adjust",
  "admin.inventory.ledger",
  "admin.order.list",
  "admin.order.updateStatus",
  "admin.order.refund",
  "admin.product.list",
  "admin.product.byId",
  "admin.review.list",
  "admin.review.moderate",
]);
const adminOnlyPaths = adminPaths.filter((path) => !staffPaths.has(path));
const protectedPaths = procedurePaths.filter((path) => !path.startsWith("admin.") && !publicPaths.has(path));

/** Calls a procedure by its dotted path with a deliberately meaningless input. */
function call(caller: unknown, path: string): Promise<unknown> {
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as AnyCaller)[key], caller);
  return (procedure as (input: unknown) => Promise<unknown>)({});
}

describe("authorization matrix", () => {
  it("knows every procedure (a new one must be classified here)", () => {
    expect(adminPaths.length).toBeGreaterThan(20);
    for (const path of [...publicPaths, ...staffPaths]) expect(procedurePaths, path).toContain(path);
  });

  it("matches the access each procedure states (its meta, what docs/api-reference.md shows)", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>;
    const tested = (path: string): Access[] =>
      publicPaths.has(path) ? ["public"] : staffPaths.has(path) ? ["staff"] : path.startsWith("admin.") ? ["admin"] : ["customer", "customer-or-guest"];
    const stated = procedurePaths.map((path) => ({ path, access: procedures[path]?._def.meta?.access }));
    expect(stated.filter(({ path, access }) => !access || !tested(path).includes(access))).toEqual([]);
  });

  it.each(adminPaths)("%s refuses anonymous callers (UNAUTHORIZED)", async (path) => {
    expect(await errorCode(call(anonymous(), path))).toBe("UNAUTHORIZED");
  });

  it.each(adminPaths)("%s refuses customers (FORBIDDEN)", async (path) => {
    const customer = await createUser(["CUSTOMER"]);
    expect(await errorCode(call(customer.caller, path))).toBe("FORBIDDEN");
  });

  it.each(adminOnlyPaths)("%s refuses staff (FORBIDDEN)", async (path) => {
    const staff = await createUser(["STAFF"]);
    expect(await errorCode(call(staff.caller, path))).toBe("FORBIDDEN");
  });

  it.each([...staffPaths])("%s lets staff past the role check", async (path) => {
    const staff = await createUser(["STAFF"]);
    // The meaningless input may be refused (or suffice), but never for want of a role.
    const outcome = await call(staff.caller, path).then(
      () => "OK",
      (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
    );
    expect(outcome).not.toMatch(/^(FORBIDDEN|UNAUTHORIZED)$/);
  });

  it.each(protectedPaths)("%s refuses anonymous callers (UNAUTHORIZED)", async (path) => {
    expect(await errorCode(call(anonymous(), path))).toBe("UNAUTHORIZED");
  });

  it("re-checks roles in the database: a token claiming ADMIN is not enough", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const forged = callerFor({ user: { ...customer.session.user, roles: ["ADMIN"] } });
    expect(await errorCode(forged.admin.user.list({}))).toBe("FORBIDDEN");
  });

  it("takes a role change into account on the next request", async () => {
    const admin = await createUser(["ADMIN"]);
    const staff = await createUser(["CUSTOMER"]);
    expect(await errorCode(staff.caller.admin.settings.list())).toBe("FORBIDDEN");
    await admin.caller.admin.user.setRoles({ userId: staff.id, roles: ["CUSTOMER", "ADMIN"] });
    await expect(staff.caller.admin.settings.list()).resolves.toBeTruthy();
    await admin.caller.admin.user.setRoles({ userId: staff.id, roles: ["CUSTOMER"] });
    expect(await errorCode(staff.caller.admin.settings.list())).toBe("FORBIDDEN");
  });

  it("takes a role removed directly in the database into account on the next request", async () => {
    const staff = await createUser(["STAFF"]);
    await expect(staff.caller.admin.order.list({})).resolves.toBeTruthy();
    await prisma.userRole.deleteMany({ where: { userId: staff.id, role: "STAFF" } });
    expect(await errorCode(staff.caller.admin.order.list({}))).toBe("FORBIDDEN");
  });

  it("lets an admin in", async () => {
    const admin = await createUser(["ADMIN"]);
    await expect(admin.caller.admin.user.list({})).resolves.toMatchObject({ items: expect.any(Array) });
  });
});
