// `pnpm test`'s first step: what the run needs from this machine beyond Node and pnpm,
// checked in a second, so a missing piece stops it with one line saying what to install
// rather than minutes later as failures that read like bugs ("expected '20.00' to be '21.00'").
import { chromiumPath } from "../e2e/support/chromium";
import { DEFAULT_TEST_REDIS_URL } from "../packages/db/src/testing/shared";
import { installHint, missingPieces } from "./preflight/checks";

const missing = await missingPieces({ ci: Boolean(process.env.CI), redisUrl: process.env.REDIS_URL ?? DEFAULT_TEST_REDIS_URL, chromium: chromiumPath() });
if (missing.length) {
  console.error(`pnpm test needs ${missing.map((piece) => piece.what).join("; and ")}: ${installHint(missing.map((piece) => piece.debian))}`);
  process.exit(1);
}
