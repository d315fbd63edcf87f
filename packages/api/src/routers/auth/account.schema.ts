import { z } from "zod";
import { email, password } from "../../lib/schemas";

/** A link's token as the worker mints it (packages/db account-tokens: base64url of 32 bytes). */
export const accountToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is incomplete: open it from the e-mail again");

export const requestPasswordResetInput = z.object({ email });
export const resetPasswordInput = z.object({ token: accountToken, password });
export const verifyEmailInput = z.object({ token: accountToken });
