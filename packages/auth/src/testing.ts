import { getPrisma, type PrismaClient, type Role } from "@shop/db";
import { encode } from "next-auth/jwt";
import { authConfig, type ShopApp } from "./config";
import { currentPasswordStamp } from "./session-check";

/**
 * The Cookie header of a browser signed in to `app` as `user`: an Auth.js session
 * token encrypted with this process's AUTH_SECRET (the apps' own, when startApps set
 * it) and salted with the app's cookie name, as Auth.js does. For load tests, which
 * cannot sign hundreds of customers in through the rate-limited sign-in form.
 */
export async function sessionCookie(app: ShopApp, user: { id: string; email: string; roles: Role[] }, db: PrismaClient = getPrisma()): Promise<string> {
  const config = authConfig(app);
  const name = config.cookies?.sessionToken?.name;
  if (!name || typeof config.secret !== "string") throw new Error("the Auth.js config names no session cookie or secret");
  // A real session carries the stamp of the password it signed in with (session-check.ts).
  // `db` is the database the apps use, when it is not this process's own.
  const stamp = await currentPasswordStamp(db, user.id);
  const token = await encode({ token: { sub: user.id, email: user.email, roles: user.roles, stamp }, secret: config.secret, salt: name, maxAge: config.session?.maxAge });
  return `${name}=${token}`;
}
