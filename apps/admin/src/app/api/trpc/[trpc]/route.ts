import { appRouter } from "@shop/api";
import { env } from "@shop/db";
import { createTRPCRouteHandler } from "@shop/web/trpc/route-handler";
import { apiSession } from "~/auth";

const handler = createTRPCRouteHandler({ router: appRouter, session: apiSession, appUrl: () => env().ADMIN_URL });

export { handler as GET, handler as POST };
