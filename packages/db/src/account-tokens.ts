import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";

/**
 * Single-use secrets of e-mailed links (OWASP's forgot-password pattern): 256 random bits
 * in the link, only their SHA-256 in VerificationToken, a short life, and redeemed by one
 * DELETE … RETURNING so two clicks cannot both succeed. The identifier says what the
 * token is for and whose it is ("password-reset:<userId>").
 */
export const accountTokenLifetimes = {
  "password-reset": 30 * 60_000,
  "verify-email": 48 * 3600_000,
} as const;
export type AccountTokenPurpose = keyof typeof accountTokenLifetimes;

type Db = Pick<Prisma.TransactionClient, "$queryRaw" | "verificationToken">;

const digest = (token: string) => createHash("sha256").update(token).digest("hex");
const identifierOf = (purpose: AccountTokenPurpose, userId: string) => `${purpose}:${userId}`;

/** A new token for the user (base64url of 32 bytes); the caller puts it in a link and never stores it. */
export async function issueAccountToken(db: Db, purpose: AccountTokenPurpose, userId: string, now: Date): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expires = new Date(now.getTime() + accountTokenLifetimes[purpose]);
  await db.verificationToken.create({ data: { identifier: identifierOf(purpose, userId), token: digest(token), expires }, select: { expires: true } });
  return { token, expires };
}

/**
 * Spends a token: the user it was issued to, or null when it is unknown, already spent,
 * for another purpose or expired. An expired token is deleted all the same.
 */
export async function redeemAccountToken(db: Db, purpose: AccountTokenPurpose, token: string, now: Date): Promise<string | null> {
  const [row] = await db.$queryRaw<{ identifier: string; expires: Date }[]>`
    DELETE FROM "VerificationToken"
     WHERE token = ${digest(token)} AND identifier LIKE ${`${purpose}:%`}
    RETURNING identifier, expires`;
  if (!row || row.expires <= now) return null;
  return row.identifier.slice(purpose.length + 1);
}

/** Voids every outstanding token of one purpose for the user (after a reset, all older links die). */
export async function revokeAccountTokens(db: Db, purpose: AccountTokenPurpose, userId: string): Promise<number> {
  const { count } = await db.verificationToken.deleteMany({ where: { identifier: identifierOf(purpose, userId) } });
  return count;
}

/** Deletes tokens past their expiry (the worker's hourly auth.expire-tokens); spent ones are gone already. */
export async function deleteExpiredAccountTokens(db: Db, now: Date): Promise<number> {
  const { count } = await db.verificationToken.deleteMany({ where: { expires: { lte: now } } });
  return count;
}
