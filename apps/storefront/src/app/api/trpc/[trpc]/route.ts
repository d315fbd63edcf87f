import { storefrontRouter } from "@shop/api";
import { toApiSession } from "@shop/auth";
import { createTRPCRouteHandler } from "@shop/web/trpc/route-handler";
import { auth } from "~/auth";

// The storefront mounts the router without admin.*: an admin path is NOT_FOUND here
// for everyone, behind the role middleware that refuses it anyway.
const handler = createTRPCRouteHandler({ router: storefrontRouter, session: async () => toApiSession(await auth()) });

export { handler as GET, handler as POST };
