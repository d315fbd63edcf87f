import { z } from "zod";
import { id } from "../../lib/schemas";

export const reviewStatus = z.enum(["PENDING", "APPROVED", "REJECTED"]);

export const moderateReviewInput = z.object({ id, status: z.enum(["APPROVED", "REJECTED"]) });
