import { z } from "zod";

export const settingKey = z.string().trim().min(1).max(100).regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/, "dotted camelCase, e.g. shipping.flatRate");

export const setSettingInput = z.object({ key: settingKey, value: z.json().refine((v) => v !== null, "must not be null") });
