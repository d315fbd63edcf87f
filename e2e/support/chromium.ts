/** Debian's Chromium (apt-get install chromium): Playwright cannot download browsers here. CHROMIUM_PATH overrides. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
