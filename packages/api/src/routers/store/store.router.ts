import { tags } from "../../lib/cache";
import { cached } from "../../lib/cached";
import { readSettings } from "../../lib/settings";
import { createTRPCRouter, publicProcedure } from "../../trpc";

export const storeRouter = createTRPCRouter({
  /** What every storefront page shows of the shop's settings (the header's brand); the same for everyone, cached. */
  info: publicProcedure.query(
    cached({ name: "store.info", tags: () => [tags.settings] }, async ({ ctx }) => {
      const settings = await readSettings(ctx);
      return { name: settings["store.name"] };
    }),
  ),
});
