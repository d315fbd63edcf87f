import { appRouter } from "@shop/api";
import { createTRPCRouteHandler } from "@shop/web/trpc/route-handler";
import { apiSession } from "~/auth";

const handler = createTRPCRouteHandler({ router: appRouter, session: apiSession });

export { handler as GET, handler as POST };
