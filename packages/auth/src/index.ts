import { guestCartCookie, type SessionSource } from "@shop/api";
import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { authConfig, hasSessionCookie, toApiSession, type ShopApp } from "./config";

export type { ShopApp } from "./config";
export { signInErrorCodes, signInMessage } from "./credentials";

/**
 * Auth.js for one app: route handlers, `auth()` for server code, server-side signOut,
 * and `apiSession`: the request's session as the API's context takes it, decoded only
 * when a procedure needs it and never for a request without the app's session cookie.
 */
export function createAuth(app: ShopApp) {
  const config = authConfig(app, {
    // Sign-in runs in Auth.js's route handler, where Next.js adds cookies set here to the answer.
    async forgetGuestCartCookie() {
      const { name, secure } = guestCartCookie();
      (await cookies()).set({ name, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure });
    },
  });
  const nextAuth = NextAuth(config);
  const apiSession: SessionSource = {
    present: (headers) => hasSessionCookie(config, headers),
    resolve: async () => toApiSession(await nextAuth.auth()),
  };
  return { ...nextAuth, apiSession };
}
