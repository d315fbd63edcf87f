import type { Role } from "@shop/db";
import type { Context } from "../context";
import { tags } from "../middleware/cache";

/** The roles that may use the admin app and staffProcedure; ADMIN includes STAFF's powers. */
export const staffRoles: readonly Role[] = ["ADMIN", "STAFF"];
export const isStaff = (roles: readonly Role[]) => roles.some((role) => staffRoles.includes(role));

/** The user's roles as the database holds them now (cached 30 s, tag-invalidated). */
export function currentRoles(ctx: Pick<Context, "db" | "cache">, userId: string): Promise<Role[]> {
  return ctx.cache.getOrSet({
    key: `roles:${userId}`,
    ttl: "30s",
    tags: [tags.userRoles(userId)],
    factory: async () => {
      const rows = await ctx.db.userRole.findMany({ where: { userId }, select: { role: true } });
      return rows.map((row) => row.role);
    },
  });
}
