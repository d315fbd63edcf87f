import { shopNextConfig } from "@shop/web/next-config";

export default {
  ...shopNextConfig(import.meta.dirname),
  // Every client gets titles, descriptions, canonical links and Open Graph tags in <head>,
  // not streamed into <body> later (crawlers and link previews that run no JavaScript read
  // only <head>). What they wait for is the cached reads the page makes anyway.
  htmlLimitedBots: /.*/,
};
