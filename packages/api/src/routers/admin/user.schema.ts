import { z } from "zod";
import { id } from "../../lib/schemas";

export const role = z.enum(["CUSTOMER", "STAFF", "ADMIN"]);

export const setRolesInput = z.object({ userId: id, roles: z.array(role).max(3) });
