// Writes the procedure reference from the router: docs/api-reference.md and the table in
// docs/api.md. Usage: pnpm docs:api
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { apiDoc, generateReference, repoRoot } from "../packages/api/src/reference/generate";

const documents = generateReference(readFileSync(join(repoRoot, apiDoc), "utf8"));
for (const [file, content] of Object.entries(documents)) {
  writeFileSync(join(repoRoot, file), content);
  console.log(`wrote ${file}`);
}
