/**
 * What docs/api-reference.md says of each procedure that the code cannot say itself:
 * the "what it does" sentence and, where the cache column is not derived, its cache
 * facts. `pnpm docs:api` reads this; docs.test.ts fails when a procedure has no entry
 * here, or an entry names no procedure.
 */
export interface ProcedureNote {
  /** One sentence (markdown) on what the procedure does. */
  does: string;
  /**
   * Cache facts the generator cannot read from the procedure: what a mutation
   * invalidates (its handler computes the tags), or a read cached inside its handler
   * rather than by `cached()` around it. Reads made with `cached()` must not set this:
   * their tags and ttl come from the code.
   */
  cache?: string;
}

export const procedureNotes: Record<string, ProcedureNote> = {
  "health.check": { does: "database and cache status (`ok`, `degraded` without Redis, `down`)" },
  "auth.register": { does: "create a customer (argon2id hash; e-mail lower-cased, unique) and e-mail a link to confirm the address; answers `{ ok: true }` for a taken e-mail too, leaving that account as it is; 10 per client address per hour, then `TOO_MANY_REQUESTS`" },
  "auth.requestPasswordReset": { does: "e-mails a link to choose a new password (the worker mints its single-use token as it sends; it works for 30 minutes); answers `{ ok: true }` alike for an address without an account; 3 per e-mail address and 20 per client address per hour, then `TOO_MANY_REQUESTS`" },
  "auth.resetPassword": { does: "spends the link's token and sets the new password: every earlier session of the account is signed out, other reset links die, the address counts as verified, and a \"password changed\" e-mail goes out; a spent, expired or unknown token is `BAD_REQUEST`; 20 per client address per hour" },
  "auth.verifyEmail": { does: "spends a confirmation link's token and marks the address verified (`user.me`'s `emailVerified`); unverified customers can still shop" },
  "auth.resendVerification": { does: "e-mails the confirmation link again (`{ sent: false }` when the address is verified already); 3 per account per hour" },
  "user.me": { does: "the signed-in user, roles and when the address was verified" },
  "user.update": { does: "name, image; a new password needs the current one (5 checks per user per 15 minutes, then `TOO_MANY_REQUESTS`), signs every session of the account out (the storefront signs this one in again), voids reset links and e-mails \"password changed\"" },
  "address.list": { does: "own addresses" },
  "address.create": { does: "add; the first (or `makeDefault`) becomes the default" },
  "address.update": { does: "edit own address" },
  "address.setDefault": { does: "make own address the default" },
  "address.delete": { does: "remove own address" },
  "category.list": { does: "active categories (flat, with `parentId`) and the count of each one's own active products (maintained by triggers)" },
  "category.bySlug": { does: "one category with parent and children" },
  "product.list": { does: "active products: category (with its active subcategories; an unknown or inactive slug gives an empty page), full-text `q` (`relevance` ranks the newest 200 matches best first; other sorts page every match), price range and price sorts on the lowest active variant price (`minPrice`), sort, cursor pages (the cursor is opaque); cards carry `price` (base), `minPrice`, `maxPrice`, `compareAtPrice`" },
  "product.bySlug": { does: "product, variants with availability, rating summary" },
  "store.info": { does: "the shop's name and default currency, for page titles and structured data", cache: "`settings` (the cached settings read)" },
  "sitemap.index": { does: "the storefront sitemap's pages per kind (`products`, `categories`; `SITEMAP_PAGE_SIZE` URLs each) with each page's newest `lastModified`: one pass over the active rows' ids", cache: "`catalog`, `categories`; 5 min" },
  "sitemap.page": { does: "one page's paths (`/p/…`, `/c/…`) and `lastModified`, read by keyset from the page's first id (no `OFFSET`); `NOT_FOUND` past the last page", cache: "`catalog`, `categories`; 5 min" },
  "cart.get": { does: "cart priced from the database now (a guest who never added: empty)" },
  "cart.add": { does: "add or merge a line (1..1000 per variant); a guest's first add makes the guest cart and sets its cookie" },
  "cart.update": { does: "set a line's quantity" },
  "cart.remove": { does: "remove a line" },
  "cart.clear": { does: "empty the cart" },
  "wishlist.list": { does: "own wishlist" },
  "wishlist.add": { does: "add a product (idempotent)" },
  "wishlist.remove": { does: "remove a product" },
  "order.quote": { does: "what checkout would charge now for the cart, the address's `country` and a `shippingMethod` (default: the first offered): lines, subtotal, shipping, tax, total, the method and every method offered; writes nothing" },
  "order.checkout": { does: "cart → order in one transaction (see [Checkout](api.md#checkout)); same `idempotencyKey` → same order", cache: "invalidates `product:<slug>` of each item bought, `analytics`" },
  "order.list": { does: "own orders, newest first, cursor pages" },
  "order.byId": { does: "own order (another's is `NOT_FOUND`)" },
  "payment.createIntent": { does: "start or resume paying a pending own order while its hold lasts (client secret on resume too)" },
  "payment.confirm": { does: "the test provider's one-click card; Stripe payments are confirmed in the browser (`BAD_REQUEST` here)", cache: "when it pays the order: invalidates `product:<slug>` of its items, `analytics`" },
  "payment.status": { does: "order status, hold end (`expiresAt`) and its payments" },
  "review.list": { does: "approved reviews of a product" },
  "review.create": { does: "one per user and product; verified-purchase flag; awaits moderation" },
  "notification.list": { does: "own notifications and unread count" },
  "notification.markRead": { does: "mark given (or all) read" },
  "admin.product.list": { does: "all products, any status, search" },
  "admin.product.byId": { does: "product with variants and stock" },
  "admin.product.create": { does: "create (optional base SKU makes a default variant; `slug` made from the name when left out); `currency` one of `store.currencies` (default `store.currency`), prices no finer than its minor unit, else `BAD_REQUEST` on that field", cache: "invalidates `catalog`" },
  "admin.product.update": { does: "edit only the given fields; same currency rules; a new currency applies to its variants too", cache: "invalidates `catalog`, `product:<slug>` (old and new slug)" },
  "admin.product.archive": { does: "archive (products are never deleted)", cache: "invalidates `catalog`, `product:<slug>`" },
  "admin.product.createMany": { does: "batch import of up to 500 products with variants and opening stock (ledger `INITIAL`) in one SQL statement; existing slugs/SKUs skipped; same currency rules (`products.<i>.currency`)", cache: "invalidates `catalog`" },
  "admin.product.upsertVariant": { does: "create or replace a variant; priced in its product's currency; its `productId` cannot change (`BAD_REQUEST`)", cache: "invalidates `catalog`, `product:<slug>`" },
  "admin.product.generateVariants": { does: "the rows of an option matrix (SKU, options, price, opening stock each) in one transaction; rows whose options an existing variant has are skipped; a taken SKU is `CONFLICT` and creates nothing", cache: "invalidates `catalog`, `product:<slug>`" },
  "admin.category.list": { does: "all categories incl. inactive" },
  "admin.category.create": { does: "create", cache: "invalidates `categories`, `catalog`" },
  "admin.category.update": { does: "edit; a move under itself or any of its descendants is `BAD_REQUEST` on `parentId` (database trigger)", cache: "invalidates `categories`, `catalog`" },
  "admin.category.delete": { does: "delete an empty category (else `CONFLICT`)", cache: "invalidates `categories`, `catalog`" },
  "admin.inventory.list": { does: "stock levels; `lowStock` = at or below threshold" },
  "admin.inventory.adjust": { does: "move stock through the ledger (negative result → `CONFLICT`)", cache: "invalidates `product:<slug>`" },
  "admin.inventory.ledger": { does: "a variant's ledger, newest first" },
  "admin.order.list": { does: "all orders; status filter; search by e-mail or number" },
  "admin.order.updateStatus": { does: "staff's moves only (fulfilling, shipped, delivered, cancelled) along the order state machine; cancelling returns the stock and refunds what was captured", cache: "on cancel: invalidates `product:<slug>` of its items, `analytics`" },
  "admin.order.refund": { does: "refund in full (no `amount`) or in part through the provider, bounded by captured minus refunded", cache: "invalidates `analytics`" },
  "admin.user.list": { does: "users with roles and order counts" },
  "admin.user.setRoles": { does: "replace roles (not your own ADMIN); they apply from the user's next request (roles are read from the database on every call, never cached)" },
  "admin.review.list": { does: "reviews by status (pending first)" },
  "admin.review.moderate": { does: "approve or reject; notifies the author", cache: "invalidates `reviews:<productId>`, `product:<slug>`" },
  "admin.analytics.summary": { does: "paid orders over a range: order count, and per currency (never added across currencies) revenue, orders, AOV, daily series, top 5 products" },
  "admin.analytics.events": { does: "daily event counts by type over a range" },
  "admin.analytics.recordEvents": { does: "record up to 5000 events (imports, seed)", cache: "invalidates `analytics`" },
  "admin.analytics.rollup": { does: "rebuild the daily aggregates (`Analytics`, one row per day and currency) for a range; equals the summary for the same days", cache: "invalidates `analytics`" },
  "admin.analytics.daily": { does: "the daily aggregates over a range" },
  "admin.settings.list": { does: "every setting, validated, with defaults", cache: "`settings` (the cached settings read)" },
  "admin.settings.set": { does: "set a known key to a value its schema accepts (see [Settings](api.md#settings))", cache: "invalidates `settings`" },
  "admin.settings.delete": { does: "back to the default (unless that breaks a rule between keys)", cache: "invalidates `settings`" },
};
