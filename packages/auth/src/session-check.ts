import { createHash } from "node:crypto";
import { logger, type PrismaClient } from "@shop/db";

/**
 * Sessions are JWTs, which cannot be revoked one by one. Each carries a stamp of the
 * password it was signed in with (a digest of its argon2 hash, never the hash itself), and
 * each use compares it with the account's password now: a reset or a change signs every
 * earlier session out at its next request, and so does deleting the account.
 */
export function passwordStamp(passwordHash: string | null): string {
  return createHash("sha256").update(`shop-session\0${passwordHash ?? ""}`).digest("base64url").slice(0, 22);
}

/** The stamp of the account's password as the database holds it now; null without the account. */
export async function currentPasswordStamp(db: PrismaClient, userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { password: true } });
  return user ? passwordStamp(user.password) : null;
}

/**
 * Whether a session token still speaks for its account. One primary-key read per session
 * decode (the API decodes only for procedures that need a session). A token without a
 * stamp predates the check and is refused: its owner signs in once more. While the
 * database cannot answer the token is kept: every signed-in customer would otherwise be
 * signed out by an outage the API already answers with 503.
 */
export async function sessionIsCurrent(db: PrismaClient, token: { sub?: unknown; stamp?: unknown }): Promise<boolean> {
  if (typeof token.sub !== "string" || typeof token.stamp !== "string") return false;
  try {
    return (await currentPasswordStamp(db, token.sub)) === token.stamp;
  } catch (error) {
    logger.warn({ err: error, userId: token.sub }, "session check skipped: the database did not answer");
    return true;
  }
}
