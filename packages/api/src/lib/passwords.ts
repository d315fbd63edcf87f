import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 10 ms of CPU here.
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string) => hash(plain, options);

// A hash of nothing anyone knows, with the same parameters: checking a password
// against it costs what checking a real one does.
let dummyHash: Promise<string> | undefined;

/**
 * Whether `plain` matches `stored`. Without a stored hash (no such user, or no
 * password) it still runs argon2 against a dummy hash and answers false, so an
 * unknown e-mail takes as long as a wrong password and timing does not reveal accounts.
 */
export async function verifyPassword(stored: string | null | undefined, plain: string): Promise<boolean> {
  const target = stored ?? (await (dummyHash ??= hashPassword(randomBytes(32).toString("base64"))));
  try {
    return (await verify(target, plain)) && Boolean(stored);
  } catch {
    return false;
  }
}
