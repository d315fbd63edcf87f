import slugify from "@sindresorhus/slugify";

/** A storefront address from a name ("Café Crème Mug" → "cafe-creme-mug"), as the slug schema accepts it. */
export const slugFromName = (name: string) => slugify(name).slice(0, 120).replace(/-+$/, "");
