// The uploads the storefront serves, served here too so the product form previews a picture by its stored URL.
export { uploadRoute as GET } from "@shop/web/http/uploads";
