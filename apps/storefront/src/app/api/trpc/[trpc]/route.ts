import { storefrontRouter } from "@shop/api";
import { env } from "@shop/db";
import { createTRPCRouteHandler } from "@shop/web/trpc/route-handler";
import { apiSession } from "~/auth";

// The storefront mounts the router without admin.*: an admin path is NOT_FOUND here
// for everyone, behind the role middleware that refuses it anyway. Signed-out
// visitors get a guest cart (its cookie is read and set by the handler).
const handler = createTRPCRouteHandler({ router: storefrontRouter, session: apiSession, appUrl: () => env().STOREFRONT_URL, guestCart: true });

export { handler as GET, handler as POST };
