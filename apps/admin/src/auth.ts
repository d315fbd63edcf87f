import { createAuth } from "@shop/auth";

export const { handlers, auth, signOut, apiSession } = createAuth("admin");
