import { z } from "zod";
import { password } from "../../lib/schemas";

export const updateUserInput = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(120).optional(),
    image: z.url().max(500).optional(),
    currentPassword: z.string().max(200).optional(),
    newPassword: password.optional(),
  })
  .refine((input) => !input.newPassword || input.currentPassword, {
    message: "Enter your current password to set a new one",
    path: ["currentPassword"],
  });
