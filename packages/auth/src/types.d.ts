import type { Role } from "@shop/db";
import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface User {
    roles?: Role[];
    /** The password the session was signed in with, as a stamp (session-check.ts). */
    stamp?: string;
  }
  interface Session {
    user: { id: string; roles: Role[] } & DefaultSession["user"];
  }
}
