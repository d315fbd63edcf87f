import { guestCartCookie, mergeGuestCart, readCookie } from "@shop/api";
import { logger, type PrismaClient } from "@shop/db";

/**
 * After a storefront sign-in (also the one sign-up performs): the visitor's guest cart
 * joins the account's cart and its cookie is deleted. Runs only once the password
 * checked out, so nobody can push a cart into an account they cannot sign in to. A
 * failed merge does not fail the sign-in: the guest cart and its cookie stay, and the
 * next sign-in merges them.
 */
export async function claimGuestCart(db: PrismaClient, request: Request, userId: string, forgetCookie: () => Promise<void>): Promise<void> {
  const token = readCookie(request.headers, guestCartCookie().name);
  if (token === null) return;
  try {
    await mergeGuestCart(db, token, userId);
  } catch (err) {
    logger.error({ err, userId }, "could not merge the guest cart on sign-in");
    return;
  }
  await forgetCookie();
}
