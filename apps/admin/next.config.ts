import { shopNextConfig } from "@shop/web/next-config";

const shared = shopNextConfig(import.meta.dirname);

export default {
  ...shared,
  // forbidden(): a signed-in customer gets the "Not allowed" page with a real 403.
  experimental: { ...shared.experimental, authInterrupts: true },
};
