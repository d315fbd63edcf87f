import { register as checkSettings } from "@shop/web/instrumentation";

export const register = () => checkSettings("The admin app");
