import { describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { verifyCredentials } from "../lib/auth";
import { anonymous, createUser, errorCode, shippingAddress } from "../test/helpers";

describe("accounts", () => {
  it("registers a customer with an argon2id hash, once per e-mail (case-insensitive)", async () => {
    const user = await anonymous().auth.register({ email: "New.Person@Example.test", password: "a good password", name: "New" });
    expect(user.email).toBe("new.person@example.test");
    expect(user.roles).toEqual([{ role: "CUSTOMER" }]);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.password).toMatch(/^\$argon2id\$/);
    expect(await errorCode(anonymous().auth.register({ email: "new.person@example.TEST", password: "another password", name: "X" }))).toBe("CONFLICT");
    expect(await verifyCredentials(prisma, "NEW.person@example.test", "a good password")).toMatchObject({ id: user.id, roles: ["CUSTOMER"] });
    expect(await verifyCredentials(prisma, "new.person@example.test", "wrong password")).toBeNull();
    expect(await verifyCredentials(prisma, "nobody@example.test", "a good password")).toBeNull();
  });

  it("shows and updates the signed-in user, changing the password only with the current one", async () => {
    const user = await createUser();
    expect(await user.caller.user.me()).toMatchObject({ id: user.id, email: user.email });
    expect((await user.caller.user.update({ name: "Renamed" })).name).toBe("Renamed");
    expect(await errorCode(user.caller.user.update({ newPassword: "a brand new password" }))).toBe("BAD_REQUEST");
    expect(await errorCode(user.caller.user.update({ currentPassword: "wrong", newPassword: "a brand new password" }))).toBe("BAD_REQUEST");
    await user.caller.user.update({ currentPassword: user.password, newPassword: "a brand new password" });
    expect(await verifyCredentials(prisma, user.email, "a brand new password")).not.toBeNull();
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
