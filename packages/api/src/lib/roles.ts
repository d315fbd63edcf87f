import type { Role } from "@shop/db";
import type { Context } from "../context";

/** The roles that may use the admin app and staffProcedure; ADMIN includes STAFF's powers. */
export const staffRoles: readonly Role[] = ["ADMIN", "STAFF"];
export const isStaff = (roles: readonly Role[]) => roles.some((role) => staffRoles.includes(role));

/**
 * The user's roles as the database holds them now. Not cached: session tokens cannot
 * be revoked, so a role removed anywhere (admin.user.setRoles or SQL) must stop
 * working on the very next request. It is one read of UserRole's primary-key index.
 */
export async function currentRoles(ctx: Pick<Context, "db">, userId: string): Promise<Role[]> {
  const rows = await ctx.db.userRole.findMany({ where: { userId }, select: { role: true } });
  return rows.map((row) => row.role);
}
