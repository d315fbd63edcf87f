import { createRandom } from "./random";

export interface CategorySpec {
  name: string;
  slug: string;
  description: string;
  parentSlug?: string;
}

export const categoryTree: CategorySpec[] = [
  { name: "Clothing", slug: "clothing", description: "Everyday and outdoor wear" },
  { name: "Shirts", slug: "shirts", description: "Tees, linen and flannel", parentSlug: "clothing" },
  { name: "Jackets", slug: "jackets", description: "Shells, parkas and fleeces", parentSlug: "clothing" },
  { name: "Home", slug: "home", description: "For the kitchen and the living room" },
  { name: "Kitchen", slug: "kitchen", description: "Cookware and tools", parentSlug: "home" },
  { name: "Lighting", slug: "lighting", description: "Lamps and lanterns", parentSlug: "home" },
  { name: "Outdoor", slug: "outdoor", description: "Camping and hiking gear" },
  { name: "Tents", slug: "tents", description: "Shelters for every season", parentSlug: "outdoor" },
  { name: "Packs", slug: "packs", description: "Daypacks and backpacks", parentSlug: "outdoor" },
];

/** Leaf categories hold the products. */
export const productCategories = categoryTree.filter((c) => c.parentSlug).map((c) => c.slug);

const adjectives = ["Alpine", "Classic", "Everyday", "Featherlight", "Heritage", "Nordic", "Rugged", "Summit", "Urban", "Coastal", "Ember", "Harbor"];
const nouns: Record<string, string[]> = {
  shirts: ["Linen Shirt", "Flannel Shirt", "Oxford Shirt", "Merino Tee"],
  jackets: ["Rain Shell", "Down Parka", "Fleece Jacket", "Wind Breaker"],
  kitchen: ["Chef Knife", "Cast Iron Pan", "Pour-Over Kettle", "Cutting Board"],
  lighting: ["Desk Lamp", "Camp Lantern", "Pendant Light", "Reading Light"],
  tents: ["Trail Tent", "Basecamp Tent", "Bivy Shelter", "Family Tent"],
  packs: ["Daypack", "Trek Backpack", "Sling Bag", "Hydration Pack"],
};
const sizes = ["S", "M", "L", "XL"];
const colours = ["black", "navy", "olive", "sand", "rust"];

export interface ProductSpec {
  name: string;
  slug: string;
  description: string;
  price: string;
  categorySlug: string;
  images: string[];
  variants: { sku: string; name: string; options: Record<string, string>; price: string; position: number; isActive: boolean; stock: number }[];
}

/**
 * Product number `index` of the catalog. Each product draws from its own random
 * stream, so it comes out the same whatever else ran before it.
 */
export function productSpec(index: number, seed: number): ProductSpec {
  const random = createRandom(seed ^ Math.imul(index + 1, 2_654_435_761));
  const categorySlug = productCategories[index % productCategories.length] ?? "shirts";
  const noun = random.pick(nouns[categorySlug] ?? ["Thing"]);
  const name = `${random.pick(adjectives)} ${noun} ${index + 1}`;
  const base = random.int(9, 240) + random.pick([0, 0.5, 0.95, 0.99]);
  const sized = categorySlug === "shirts" || categorySlug === "jackets";
  const options = sized
    ? sizes.slice(0, random.int(2, 4)).map((size) => ({ size, colour: random.pick(colours) }))
    : [{ colour: random.pick(colours) }, ...(random.next() < 0.5 ? [{ colour: random.pick(colours) }] : [])];
  const code = `SEED-${String(index + 1).padStart(6, "0")}`;
  return {
    name,
    slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
    description: `The ${name.toLowerCase()}: ${random.pick(["built to last", "light and packable", "made for daily use", "a customer favourite"])}, ${random.pick(["in recycled materials", "with a lifetime warranty", "tested in the field", "designed in-house"])}.`,
    price: base.toFixed(2),
    categorySlug,
    images: [`/images/products/${categorySlug}-${(index % 8) + 1}.jpg`],
    variants: options.map((option, position) => ({
      sku: `${code}-${position + 1}`,
      name: Object.values(option).join(" / "),
      options: option,
      price: (base + ("size" in option && option.size === "XL" ? 5 : 0)).toFixed(2),
      position,
      isActive: true,
      stock: random.int(0, 9) === 0 ? random.int(0, 3) : random.int(20, 120),
    })),
  };
}
