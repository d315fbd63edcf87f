import { createTRPCRouter } from "../../trpc";
import { adminAnalyticsRouter } from "./analytics.router";
import { adminCategoryRouter } from "./category.router";
import { adminInventoryRouter } from "./inventory.router";
import { adminOrderRouter } from "./order.router";
import { adminProductRouter } from "./product.router";
import { adminReviewRouter } from "./review.router";
import { adminSettingsRouter } from "./settings.router";
import { adminUserRouter } from "./user.router";

/**
 * Everything for shop staff: every procedure here is a staffProcedure (operations)
 * or an adminProcedure (catalog, people, settings); the authorization test enforces it.
 */
export const adminRouter = createTRPCRouter({
  product: adminProductRouter,
  category: adminCategoryRouter,
  inventory: adminInventoryRouter,
  order: adminOrderRouter,
  user: adminUserRouter,
  review: adminReviewRouter,
  analytics: adminAnalyticsRouter,
  settings: adminSettingsRouter,
});
