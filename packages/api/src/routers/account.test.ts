import { describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { medianMs } from "@shop/db/testing";
import type { TRPCError } from "@trpc/server";
import { createInnerContext } from "../context";
import type { TooManyAttempts } from "../lib/limiter";
import { verifyPassword } from "../lib/passwords";
import { createCaller } from "../root";
import { anonymous, createUser, errorCode, shippingAddress, unique } from "../test/helpers";
import { registerLimit } from "./auth/auth.router";
import { passwordChangeLimit } from "./user/user.router";


describe("accounts", () => {
  it("registers a customer with an argon2id hash, and answers a taken e-mail alike without touching it", async () => {
    expect(await anonymous().auth.register({ email: "New.Person@Example.test", password: "a good password", name: "New" })).toEqual({ ok: true });
    const stored = await prisma.user.findUniqueOrThrow({ where: { email: "new.person@example.test" }, include: { roles: true } });
    expect(stored.password).toMatch(/^\$argon2id\$/);
    expect(stored.roles.map((r) => r.role)).toEqual(["CUSTOMER"]);
    expect(await anonymous().auth.register({ email: "new.person@example.TEST", password: "another password", name: "X" })).toEqual({ ok: true });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: stored.id }, include: { roles: true } });
    expect({ name: after.name, password: after.password, roles: after.roles.length }).toEqual({ name: "New", password: stored.password, roles: 1 });
  });

  it("takes as long to answer a taken e-mail as a new one", async () => {
    const taken = await createUser();
    const register = (email: string) => anonymous().auth.register({ email, password: "a good password", name: "Timing" });
    const { fresh, existing } = await medianMs(9, { fresh: () => register(`${unique("fresh")}@example.test`), existing: () => register(taken.email) });
    console.info(`register: new e-mail ${fresh.toFixed(1)} ms, taken e-mail ${existing.toFixed(1)} ms (medians of 9)`);
    expect(existing / fresh).toBeGreaterThan(0.5);
    expect(existing / fresh).toBeLessThan(2);
  });

  it("throttles sign-ups per client address, with the wait in the error", async () => {
    const from = (ip: string) => createCaller({ ...createInnerContext({ session: null }), ip });
    const attempt = (ip: string) => from(ip).auth.register({ email: `${unique("signup")}@example.test`, password: "a good password", name: "S" });
    for (let i = 0; i < registerLimit.points; i++) await attempt("198.51.100.20");
    const refused = await attempt("198.51.100.20").catch((error: unknown) => error as TRPCError);
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(((refused as TRPCError).cause as TooManyAttempts).retryAfterMs).toBeGreaterThan(0);
    expect(await attempt("198.51.100.21")).toEqual({ ok: true });
  });

  it("shows and updates the signed-in user, changing the password only with the current one", async () => {
    const user = await createUser();
    expect(await user.caller.user.me()).toMatchObject({ id: user.id, email: user.email });
    expect((await user.caller.user.update({ name: "Renamed" })).name).toBe("Renamed");
    expect(await errorCode(user.caller.user.update({ newPassword: "a brand new password" }))).toBe("BAD_REQUEST");
    expect(await errorCode(user.caller.user.update({ currentPassword: "wrong", newPassword: "a brand new password" }))).toBe("BAD_REQUEST");
    await user.caller.user.update({ currentPassword: user.password, newPassword: "a brand new password" });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.password, "a brand new password")).toBe(true);
  });

  it("throttles current-password checks per user, not per session or address", async () => {
    const user = await createUser();
    const other = await createUser();
    for (let i = 0; i < passwordChangeLimit.points; i++) {
      expect(await errorCode(user.caller.user.update({ currentPassword: `guess-${i}`, newPassword: "a brand new password" }))).toBe("BAD_REQUEST");
    }
    // Even the right password is refused now: the check itself is what is rationed.
    expect(await errorCode(user.caller.user.update({ currentPassword: user.password, newPassword: "a brand new password" }))).toBe("TOO_MANY_REQUESTS");
    expect(await other.caller.user.update({ currentPassword: other.password, newPassword: "a brand new password" })).toMatchObject({ id: other.id });
  });

  it("manages addresses with exactly one default, and never touches another user's", async () => {
    const user = await createUser();
    const other = await createUser();
    const home = await user.caller.address.create(shippingAddress);
    expect(home.defaultForUserId).toBe(user.id);
    const work = await user.caller.address.create({ ...shippingAddress, city: "Worktown" });
    expect(work.defaultForUserId).toBeNull();
    await user.caller.address.setDefault({ id: work.id });
    const list = await user.caller.address.list();
    expect(list.filter((a) => a.defaultForUserId).map((a) => a.id)).toEqual([work.id]);
    expect((await user.caller.address.update({ id: home.id, city: "Hometown" })).city).toBe("Hometown");
    expect(await errorCode(other.caller.address.update({ id: home.id, city: "Hijack" }))).toBe("NOT_FOUND");
    expect(await errorCode(other.caller.address.delete({ id: home.id }))).toBe("NOT_FOUND");
    expect(await errorCode(other.caller.address.setDefault({ id: home.id }))).toBe("NOT_FOUND");
    await user.caller.address.delete({ id: home.id });
    expect((await user.caller.address.list()).map((a) => a.id)).toEqual([work.id]);
    expect(await errorCode(user.caller.address.create({ ...shippingAddress, zipCode: "" }))).toBe("BAD_REQUEST");
  });

  it("lists notifications and marks them read", async () => {
    const user = await createUser();
    await prisma.notification.createMany({
      data: [1, 2, 3].map((n) => ({ userId: user.id, type: "SYSTEM" as const, title: `N${n}`, body: "b" })),
    });
    const list = await user.caller.notification.list({});
    expect(list.unread).toBe(3);
    await user.caller.notification.markRead({ ids: [list.items[0]!.id] });
    expect((await user.caller.notification.list({ unreadOnly: true })).items).toHaveLength(2);
    expect((await user.caller.notification.markRead({})).updated).toBe(2);
    expect((await user.caller.notification.list({})).unread).toBe(0);
  });

  it("reports health", async () => {
    expect(await anonymous().health.check()).toEqual({ status: "ok", database: "up", cache: "up" });
  });
});
