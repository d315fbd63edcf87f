import { shopNextConfig } from "@shop/web/next-config";

export default shopNextConfig(import.meta.dirname);
