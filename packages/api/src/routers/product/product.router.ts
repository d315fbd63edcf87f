import { z } from "zod";
import { cached } from "../../lib/cached";
import { slug } from "../../lib/schemas";
import { tags } from "../../lib/cache";
import { createTRPCRouter, publicProcedure } from "../../trpc";
import { productBySlug } from "./bySlug.handler";
import { listProducts } from "./list.handler";
import { productListInput } from "./list.schema";

export const productRouter = createTRPCRouter({
  list: publicProcedure
    .input(productListInput)
    .query(cached({ name: "product.list", ttl: "1m", tags: () => [tags.catalog], replica: true }, ({ ctx, input }) => listProducts(ctx, input))),

  bySlug: publicProcedure
    .input(z.object({ slug }))
    .query(
      cached({ name: "product.bySlug", tags: (input) => [tags.catalog, tags.product(input.slug)], replica: true }, ({ ctx, input }) =>
        productBySlug(ctx, input.slug),
      ),
    ),
});
