import { env } from "@shop/db";
import { createImageUploadHandler } from "@shop/web/http/uploads";
import { apiSession } from "~/auth";

/** Product images: an admin's multipart upload, answered with the stored file's URL. */
export const POST = createImageUploadHandler({ session: apiSession, appUrl: () => env().ADMIN_URL });
