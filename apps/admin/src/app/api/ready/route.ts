import { readinessHandler } from "@shop/web/ready";

// Asked of the database on every request, never cached or prerendered.
export const dynamic = "force-dynamic";

export { readinessHandler as GET };
