import { createAuth } from "@shop/auth";

export const { handlers, auth, signOut } = createAuth("admin");
