import { z } from "zod";
import { addressInput } from "../../lib/schemas";

/** A new address; the first one (or one with `makeDefault`) becomes the default. */
export const addressCreateInput = addressInput.extend({ makeDefault: z.boolean().default(false) });
