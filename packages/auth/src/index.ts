import NextAuth from "next-auth";
import { authConfig, type ShopApp } from "./config";

export { isStaff, toApiSession, type ShopApp } from "./config";
export { signInErrorCodes, signInMessages } from "./codes";

/** Auth.js for one app: route handlers, `auth()` for server code, server-side signOut. */
export function createAuth(app: ShopApp) {
  return NextAuth(authConfig(app));
}
