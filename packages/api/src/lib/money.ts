import { Prisma } from "@shop/db";

/** The shop's one rounding rule: half away from zero, to 2 places, when an amount is stored. */
export const roundMoney = (amount: Prisma.Decimal.Value) =>
  new Prisma.Decimal(amount).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);
