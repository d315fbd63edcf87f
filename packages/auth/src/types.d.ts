import type { Role } from "@shop/db";
import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface User {
    roles?: Role[];
  }
  interface Session {
    user: { id: string; roles: Role[] } & DefaultSession["user"];
  }
}
