import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/** A server-side API read whose NOT_FOUND shows the app's 404 page instead of the error page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
