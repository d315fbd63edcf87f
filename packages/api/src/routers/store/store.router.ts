import { readSettings } from "../../lib/settings";
import { createTRPCRouter, publicProcedure } from "../../trpc";

export const storeRouter = createTRPCRouter({
  /** What the storefront shows of the shop's settings (page titles, structured data), from the cached settings read. */
  info: publicProcedure.query(async ({ ctx }) => {
    const settings = await readSettings(ctx);
    return { name: settings["store.name"], currency: settings["store.currency"] };
  }),
});
