import type { Logger } from "@shop/db";
import { CredentialsSignin, type NextAuthConfig } from "next-auth";

/**
 * Auth.js's log lines through the shop's logger. A refused sign-in (a wrong password, a
 * customer at the admin, too many tries) is expected traffic: one info line with its code,
 * not Auth.js's default error with a stack trace of twenty lines.
 */
export function authLogger(log: Logger): NonNullable<NextAuthConfig["logger"]> {
  return {
    error(error) {
      if (error instanceof CredentialsSignin) log.info({ code: error.code }, "sign-in refused");
      else log.error({ err: error }, "auth error");
    },
    warn(code) {
      log.warn({ code }, "auth warning");
    },
    debug(message, metadata) {
      log.debug({ metadata }, message);
    },
  };
}
