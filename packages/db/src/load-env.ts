// Side effect only: loads `.env.local` then `.env` (loadDotenvFiles). Import it FIRST in
// an entry point (a script, the worker): importing @prisma/client loads `.env` by itself,
// and a value it sets first would win over `.env.local`'s.
import { loadDotenvFiles } from "./env";

loadDotenvFiles();
