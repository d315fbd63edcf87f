import { z } from "zod";
import { id } from "../../lib/schemas";

export const orderStatus = z.enum(["PENDING", "PAID", "FULFILLING", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"]);

export const updateOrderStatusInput = z.object({ id, status: orderStatus });
