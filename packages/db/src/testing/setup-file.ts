import { afterAll } from "vitest";
import { isolateTestFile } from "./index";

// Runs before each test file's own imports: gives the file its own database and
// Redis key prefix, so test files run in parallel without seeing each other's data.
const isolation = await isolateTestFile();

afterAll(async () => {
  // Imported here, after the environment points at this file's database.
  const { disconnectAll } = await import("../shutdown");
  await disconnectAll();
  await isolation.cleanup();
});
