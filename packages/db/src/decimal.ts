/**
 * Prisma's Decimal without the client: safe to bundle for the browser. Its instances
 * and Prisma.Decimal recognise each other (`Decimal.isDecimal`), so money can cross
 * between the two freely.
 */
export { Decimal } from "@prisma/client/runtime/index-browser";
