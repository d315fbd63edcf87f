import NextAuth from "next-auth";
import { authConfig, toApiSession, type ShopApp } from "./config";

export type { ShopApp } from "./config";
export { signInErrorCodes, signInMessage } from "./credentials";

/**
 * Auth.js for one app: route handlers, `auth()` for server code, server-side signOut,
 * and `apiSession()`: the request's session as the API's context takes it.
 */
export function createAuth(app: ShopApp) {
  const nextAuth = NextAuth(authConfig(app));
  return { ...nextAuth, apiSession: async () => toApiSession(await nextAuth.auth()) };
}
