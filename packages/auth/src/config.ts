import { PrismaAdapter } from "@auth/prisma-adapter";
import { clientAddress, isStaff, TooManyAttempts, type Session as ApiSession } from "@shop/api";
import { env, getPrisma, getRedis, logger, type Role } from "@shop/db";
import { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInErrorCodes, signInInput } from "./credentials";
import { claimGuestCart } from "./guest-cart";
import { authLogger } from "./logging";
import { sessionIsCurrent } from "./session-check";
import { authorizeSignIn } from "./sign-in";

export type ShopApp = "storefront" | "admin";


class RateLimited extends CredentialsSignin {
  // The wait travels in the code: Auth.js passes only the code to the form.
  constructor(retryAfterMs: number) {
    super();
    this.code = `${signInErrorCodes.rateLimited}_${Math.ceil(retryAfterMs / 1000)}`;
  }
}
class NotStaff extends CredentialsSignin {
  override code = signInErrorCodes.notStaff;
}


/**
 * Auth.js for one app. Credentials sign-in means JWT sessions: the token carries the
 * roles at sign-in for the UI, while the API re-reads roles from the database.
 * Each app has its own cookie names (and so its own JWT key salt), so signing in to
 * the admin app never signs anyone in to the storefront or the other way round.
 * On the storefront a sign-in claims the visitor's guest cart; `forgetGuestCartCookie`
 * deletes its cookie from the sign-in's answer (createAuth passes Next's cookies()).
 */
export function authConfig(app: ShopApp, hooks: { forgetGuestCartCookie?: () => Promise<void> } = {}): NextAuthConfig {
  const settings = env();
  const appUrl = app === "admin" ? settings.ADMIN_URL : settings.STOREFRONT_URL;
  // Secure cookies wherever the app is served over HTTPS (every production deployment).
  const secure = appUrl.startsWith("https://");
  const cookie = (name: string) => ({
    name: `${secure ? "__Secure-" : ""}shop-${app}.${name}`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  });
  const prisma = getPrisma();
  return {
    adapter: PrismaAdapter(prisma as unknown as Parameters<typeof PrismaAdapter>[0]),
    secret: settings.AUTH_SECRET,
    trustHost: true,
    useSecureCookies: secure,
    cookies: { sessionToken: cookie("session-token"), csrfToken: cookie("csrf-token"), callbackUrl: cookie("callback-url") },
    // Staff sessions are short; a customer stays signed in for a month.
    session: { strategy: "jwt", maxAge: app === "admin" ? 8 * 3600 : 30 * 24 * 3600 },
    pages: { signIn: "/sign-in" },
    logger: authLogger(logger),
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw, request) {
          const parsed = signInInput.safeParse(raw);
          if (!parsed.success) return null;
          try {
            const user = await authorizeSignIn({ db: prisma, redis: getRedis() }, { ...parsed.data, ip: clientAddress(request.headers) });
            if (!user) return null;
            if (app === "admin" && !isStaff(user.roles)) throw new NotStaff();
            if (app === "storefront") await claimGuestCart(prisma, request, user.id, hooks.forgetGuestCartCookie ?? (() => Promise.resolve()));
            return { id: user.id, email: user.email, roles: user.roles, stamp: user.stamp };
          } catch (error) {
            if (error instanceof TooManyAttempts) throw new RateLimited(error.retryAfterMs);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      // Runs on sign-in and on every decode of the session: null signs the session out.
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.roles = user.roles ?? [];
          token.stamp = user.stamp;
          return token;
        }
        return (await sessionIsCurrent(prisma, token)) ? token : null;
      },
      session({ session, token }) {
        session.user.id = token.sub ?? "";
        // The token is ours (encrypted with AUTH_SECRET); roles are only a UI hint anyway.
        session.user.roles = Array.isArray(token.roles) ? (token.roles as Role[]) : [];
        return session;
      },
    },
  };
}

/** The Auth.js session as the API's context wants it. */
export function toApiSession(session: { user?: { id?: string; email?: string | null; roles?: Role[] } } | null): ApiSession {
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { user: { id: user.id, email: user.email, roles: user.roles ?? [] } };
}

/**
 * Whether the request carries the config's session cookie, known without decoding it:
 * without one Auth.js has no session to find. A large token arrives in chunks
 * (`name.0`, `name.1`, …), which count too. A config naming no session cookie cannot
 * tell, so every request counts as carrying one.
 */
export function hasSessionCookie(config: NextAuthConfig, headers: Headers): boolean {
  const name = config.cookies?.sessionToken?.name;
  if (!name) return true;
  return (headers.get("cookie") ?? "").split(";").some((pair) => {
    const key = pair.split("=", 1)[0]?.trim() ?? "";
    return key === name || key.startsWith(`${name}.`);
  });
}
