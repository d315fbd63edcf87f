import { randomUUID } from "node:crypto";
import { hashPassword } from "@shop/api";
import { CLIENT_ADDRESS_HEADER } from "@shop/api/client-address";
import { overrideEnv, prisma, type Role } from "@shop/db";
import type { User } from "next-auth";
import { describe, expect, it } from "vitest";
import { signInErrorCodes } from "./credentials";
import { authConfig, hasSessionCookie, toApiSession, type ShopApp } from "./config";
import { sessionCookie } from "./testing";
import { signInLimits } from "./sign-in";

type Authorize = (credentials: Record<string, unknown>, request: Request) => Promise<User | null>;

/** The credentials provider's own authorize function, as Auth.js would call it. */
function authorize(app: ShopApp, credentials: Record<string, unknown>, ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`) {
  const provider = authConfig(app).providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize(credentials, new Request("http://localhost/api/auth/callback/credentials", { headers: { [CLIENT_ADDRESS_HEADER]: ip } }));
}

async function account(roles: Role[]) {
  const email = `auth-${randomUUID()}@example.test`;
  const password = "correct horse battery";
  const user = await prisma.user.create({
    data: { email, password: await hashPassword(password), roles: { create: roles.map((role) => ({ role })) } },
    select: { id: true },
  });
  return { id: user.id, email, password };
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => null, (error: { code?: string }) => error.code ?? String(error));

describe("Auth.js credentials sign-in", () => {
  it("signs a customer in to the storefront with the roles the database holds", async () => {
    const customer = await account(["CUSTOMER"]);
    expect(await authorize("storefront", { email: customer.email.toUpperCase(), password: customer.password })).toEqual({
      id: customer.id,
      email: customer.email,
      roles: ["CUSTOMER"],
      stamp: expect.stringMatching(/^[\w-]{22}$/),
    });
  });

  it("refuses a wrong password and malformed input without saying which", async () => {
    const customer = await account(["CUSTOMER"]);
    expect(await authorize("storefront", { email: customer.email, password: "wrong" })).toBeNull();
    expect(await authorize("storefront", { email: "not an e-mail", password: "x" })).toBeNull();
    expect(await authorize("storefront", { email: customer.email })).toBeNull();
  });

  it("admits only ADMIN and STAFF to the admin app, telling a customer why", async () => {
    const [customer, staff, admin] = [await account(["CUSTOMER"]), await account(["STAFF"]), await account(["ADMIN"])];
    expect(await codeOf(authorize("admin", { email: customer.email, password: customer.password }))).toBe(signInErrorCodes.notStaff);
    expect(await authorize("admin", { email: staff.email, password: staff.password })).toMatchObject({ id: staff.id, roles: ["STAFF"] });
    expect(await authorize("admin", { email: admin.email, password: admin.password })).toMatchObject({ id: admin.id, roles: ["ADMIN"] });
  });

  it("rate-limits guessing per account and address, with its own error code carrying the wait", async () => {
    const customer = await account(["CUSTOMER"]);
    for (let attempt = 0; attempt < signInLimits.perAccountAndAddress.points; attempt++) {
      expect(await authorize("storefront", { email: customer.email, password: `guess-${attempt}` }, "198.51.100.7")).toBeNull();
    }
    expect(await codeOf(authorize("storefront", { email: customer.email, password: customer.password }, "198.51.100.7"))).toMatch(new RegExp(`^${signInErrorCodes.rateLimited}_\\d+$`));
    // Another address is not locked out by someone else's guessing.
    expect(await authorize("storefront", { email: customer.email, password: customer.password }, "198.51.100.8")).toMatchObject({ id: customer.id });
  });

  it("carries id and roles from the sign-in into the session", async () => {
    const { callbacks } = authConfig("storefront");
    const token = await callbacks!.jwt!({ token: {}, user: { id: "user-1", email: "a@example.test", roles: ["CUSTOMER", "STAFF"] } } as never);
    const session = await callbacks!.session!({ session: { user: { email: "a@example.test" }, expires: "" }, token } as never);
    expect(toApiSession(session as never)).toEqual({ user: { id: "user-1", email: "a@example.test", roles: ["CUSTOMER", "STAFF"] } });
    expect(toApiSession(null)).toBeNull();
    expect(toApiSession({ user: { email: "a@example.test" } })).toBeNull();
  });

  it("signs every earlier session out when the password changes or the account goes", async () => {
    const { jwt } = authConfig("storefront").callbacks!;
    const customer = await account(["CUSTOMER"]);
    const signedIn = await authorize("storefront", { email: customer.email, password: customer.password });
    const token = await jwt!({ token: {}, user: signedIn } as never);
    // Each later decode of the session re-checks it.
    const decode = () => jwt!({ token: { ...(token as object) } } as never);
    expect(await decode()).toMatchObject({ sub: customer.id });

    await prisma.user.update({ where: { id: customer.id }, data: { password: await hashPassword("the new one, after a reset") } });
    expect(await decode()).toBeNull();
    // Signing in with the new password gives a session that holds.
    const again = await jwt!({ token: {}, user: await authorize("storefront", { email: customer.email, password: "the new one, after a reset" }) } as never);
    expect(await jwt!({ token: again } as never)).toMatchObject({ sub: customer.id });

    // A token from before the check (no stamp) and one whose account was deleted are refused too.
    expect(await jwt!({ token: { sub: customer.id } } as never)).toBeNull();
    await prisma.user.delete({ where: { id: customer.id } });
    expect(await jwt!({ token: again } as never)).toBeNull();
  });

  it("gives each app its own cookies, secure when served over HTTPS", () => {
    const names = (app: ShopApp) => authConfig(app).cookies?.sessionToken?.name;
    expect(names("storefront")).toBe("shop-storefront.session-token");
    expect(names("admin")).toBe("shop-admin.session-token");
    overrideEnv({ ADMIN_URL: "https://admin.shop.example" });
    try {
      const config = authConfig("admin");
      expect(config.cookies?.sessionToken?.name).toBe("__Secure-shop-admin.session-token");
      expect(config.cookies?.sessionToken?.options?.secure).toBe(true);
    } finally {
      overrideEnv({ ADMIN_URL: "http://localhost:3001" });
    }
  });

  it("tells a request carrying the app's session cookie from one without, without decoding it", async () => {
    const config = authConfig("storefront");
    const cookie = await sessionCookie("storefront", { id: "u1", email: "u1@example.test", roles: ["CUSTOMER"] });
    const carries = (value?: string) => hasSessionCookie(config, new Headers(value === undefined ? {} : { cookie: value }));
    expect(carries(cookie)).toBe(true);
    expect(carries(`theme=dark; ${cookie}; lang=en`)).toBe(true);
    // Auth.js splits a large token into numbered chunks.
    expect(carries(`${cookie.replace("session-token=", "session-token.0=")}`)).toBe(true);
    expect(carries()).toBe(false);
    expect(carries("theme=dark")).toBe(false);
    // The admin app's cookie, or one merely mentioning the name in a value, is not the storefront's session.
    expect(carries(await sessionCookie("admin", { id: "u1", email: "u1@example.test", roles: ["STAFF"] }))).toBe(false);
    expect(carries("note=shop-storefront.session-token")).toBe(false);
  });
});
