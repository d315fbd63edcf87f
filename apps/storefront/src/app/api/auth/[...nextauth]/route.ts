import { env } from "@shop/db";
import { limitBody } from "@shop/web/http/body-limit";
import { NextRequest } from "next/server";
import { handlers } from "~/auth";

export const { GET } = handlers;
// Auth.js keeps its own CSRF check; the body limit is ours (sign-in forms are tiny).
export const POST = limitBody(() => env().AUTH_BODY_LIMIT_BYTES, (request) => handlers.POST(new NextRequest(request)));
