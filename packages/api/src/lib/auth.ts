import type { PrismaClient } from "@shop/db";
import type { SessionUser } from "../context";
import { verifyPassword } from "./passwords";

/**
 * The credentials check behind Auth.js sign-in: the user for this e-mail and
 * password, or null. Callers rate-limit before calling (argon2 costs ~10 ms of CPU).
 */
export async function verifyCredentials(db: PrismaClient, email: string, password: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, password: true, roles: { select: { role: true } } },
  });
  if (!user?.password || !(await verifyPassword(user.password, password))) return null;
  return { id: user.id, email: user.email, roles: user.roles.map((r) => r.role) };
}
