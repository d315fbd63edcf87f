import { z } from "zod";
import { email, password } from "../../lib/schemas";

export const registerInput = z.object({ email, password, name: z.string().trim().min(1, "Enter your name").max(120) });
