import { appRouter } from "@shop/api";
import { toApiSession } from "@shop/auth";
import { createTRPCRouteHandler } from "@shop/web/trpc/route-handler";
import { auth } from "~/auth";

const handler = createTRPCRouteHandler({ router: appRouter, session: async () => toApiSession(await auth()) });

export { handler as GET, handler as POST };
