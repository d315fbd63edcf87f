// Images uploaded in the admin app (product pictures), from UPLOAD_DIR.
export { uploadRoute as GET } from "@shop/web/http/uploads";
