import { createRandom, type Random } from "./random";

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

// Product names: "<line> <use> <material> <noun>", e.g. "Fjord Weekend Linen Camp Shirt".
// Every word list is fixed and every combination is distinct, so product number n of
// a category takes combination number n (shuffled by a bijection, so neighbours
// differ in every word): names never repeat, up to the largest --size.
const lines = [
  "Alder", "Aspen", "Basalt", "Birch", "Bluff", "Bramble", "Canyon", "Cedar", "Cinder", "Copper", "Cove", "Cypress",
  "Delta", "Dune", "Elm", "Ember", "Fable", "Fern", "Fjord", "Flint", "Garnet", "Glacier", "Granite", "Harbor",
  "Hawthorn", "Heath", "Hollow", "Juniper", "Kestrel", "Lagoon", "Larch", "Linden", "Loch", "Maple", "Meadow", "Mesa",
  "Moraine", "Moss", "Nimbus", "Oakley", "Orchard", "Pebble", "Pine", "Prairie", "Quarry", "Rowan", "Sable", "Sage",
  "Sierra", "Skerry", "Sorrel", "Spruce", "Sycamore", "Talus", "Thistle", "Tundra", "Umber", "Vale", "Willow", "Wren",
  "Yarrow", "Zephyr", "Acorn", "Beacon", "Brook", "Caldera", "Cobble", "Drift", "Estuary", "Foxglove", "Gale", "Heron",
  "Inlet", "Kelp", "Lichen", "Marram", "Nettle", "Osprey", "Puffin", "Ridge",
];
const uses = [
  "Wayfarer", "Homestead", "Studio", "Weekend", "Field", "Travel", "City", "Everyday", "Heritage", "Classic", "Utility", "Workshop",
  "Cabin", "Porch", "Garden", "Market", "Coastal", "Alpine", "Nordic", "Urban", "Rugged", "Compact", "Essential", "Vintage",
  "Modern", "Minimal", "Sturdy", "Simple", "Expedition", "Backcountry", "Harvest", "Morning", "Northern", "Highland", "Riverside", "Lakeside",
  "Fireside", "Signature", "Original", "Select", "Reserve", "Quiet", "Voyager", "Ranger", "Pioneer", "Drifter", "Nomad", "Summit",
];
const fabrics = ["Linen", "Organic Cotton", "Merino", "Flannel", "Chambray", "Oxford Cloth", "Hemp", "Poplin"];
const outerwear = ["Waxed Cotton", "Ripstop Nylon", "Quilted Nylon", "Softshell", "Wool", "Canvas", "Corduroy", "Recycled Nylon"];
const shelter = ["Ripstop Nylon", "Silnylon", "Cotton Canvas", "Polycotton", "Silpoly", "Ripstop Polyester", "Waxed Canvas", "Coated Nylon"];
const packCloth = ["Waxed Canvas", "Ripstop Nylon", "Recycled Nylon", "Leather", "Ballistic Nylon", "Cotton Duck", "Sailcloth", "Coated Canvas"];
// Per category: each noun with exactly eight materials that suit it (a "Walnut Skillet" would not do).
const nouns: Record<string, [noun: string, materials: string[]][]> = {
  shirts: [["Button-Down Shirt", fabrics], ["Work Shirt", fabrics], ["Camp Shirt", fabrics], ["Crew Tee", fabrics], ["Henley", fabrics], ["Polo", fabrics]],
  jackets: [["Rain Shell", outerwear], ["Parka", outerwear], ["Field Jacket", outerwear], ["Windbreaker", outerwear], ["Vest", outerwear], ["Anorak", outerwear]],
  kitchen: [
    ["Chef Knife", ["Carbon Steel", "Damascus Steel", "Stainless Steel", "High-Carbon Steel", "Walnut and Steel", "Ash and Steel", "Forged Steel", "Ceramic"]],
    ["Skillet", ["Cast Iron", "Carbon Steel", "Enameled Iron", "Copper", "Tri-Ply Steel", "Stainless Steel", "Ceramic", "Blued Steel"]],
    ["Pour-Over Kettle", ["Copper", "Stainless Steel", "Enamel", "Glass", "Matte Steel", "Brushed Steel", "Cast Iron", "Porcelain"]],
    ["Cutting Board", ["Walnut", "Maple", "Oak", "Cherry", "Olive Wood", "Acacia", "Teak", "End-Grain Ash"]],
    ["Mug", ["Stoneware", "Porcelain", "Enamel", "Speckled Clay", "Glazed Ceramic", "Borosilicate Glass", "Earthenware", "Bone China"]],
    ["Dutch Oven", ["Cast Iron", "Enameled Iron", "Stoneware", "Terracotta", "Black Steel", "Glazed Clay", "Matte Enamel", "Carbon Steel"]],
  ],
  lighting: [
    ["Desk Lamp", ["Brass", "Walnut", "Matte Steel", "Ceramic", "Aluminium", "Oak", "Powder-Coated Steel", "Linen"]],
    ["Camp Lantern", ["Brass", "Tin", "Steel", "Copper", "Enamel", "Aluminium", "Bamboo", "Glass"]],
    ["Pendant Light", ["Rattan", "Glass", "Copper", "Paper", "Ceramic", "Brass", "Linen", "Concrete"]],
    ["Floor Lamp", ["Oak", "Brass", "Steel", "Walnut", "Linen", "Bamboo", "Marble", "Ash"]],
    ["Table Lamp", ["Ceramic", "Glass", "Stoneware", "Marble", "Rattan", "Brass", "Paper", "Alabaster"]],
    ["Clip Light", ["Aluminium", "Brass", "Beech", "Silicone", "Steel", "Walnut", "Cork", "Enamel"]],
  ],
  tents: [["Trail Tent", shelter], ["Dome Tent", shelter], ["Bivy Shelter", shelter], ["Family Tent", shelter], ["Tarp Shelter", shelter], ["Tunnel Tent", shelter]],
  packs: [["Daypack", packCloth], ["Trek Backpack", packCloth], ["Sling Bag", packCloth], ["Hydration Pack", packCloth], ["Duffel", packCloth], ["Tote", packCloth]],
};
const materialsPerNoun = 8;
const nounsPerCategory = 6;
// Distinct names per category.
const namesPerCategory = nounsPerCategory * materialsPerNoun * uses.length * lines.length;
/** How many products can have a name of their own (the largest --size is 1,000,000). */
export const nameCapacity = namesPerCategory * productCategories.length;
// Coprime with namesPerCategory (whose prime factors are 2, 3 and 5): j -> (j * STEP + offset) mod N is a bijection.
const STEP = 40_507;

/** The name of product number `index`: unique for every index below namesPerCategory * productCategories.length. */
export function productName(index: number): { name: string; noun: string; material: string } {
  const categorySlug = productCategories[index % productCategories.length] ?? "shirts";
  const j = Math.floor(index / productCategories.length);
  // Each category starts elsewhere in its list, so products next to each other share no words.
  let k = (j * STEP + 7_919 + (index % productCategories.length) * 30_011) % namesPerCategory;
  const digit = (radix: number) => {
    const d = k % radix;
    k = Math.floor(k / radix);
    return d;
  };
  const [noun, materials] = nouns[categorySlug]?.[digit(nounsPerCategory)] ?? ["Tote", packCloth];
  const material = materials[digit(materialsPerNoun)] ?? "";
  const use = uses[digit(uses.length)] ?? "";
  const line = lines[digit(lines.length)] ?? "";
  return { name: `${line} ${use} ${material} ${noun}`, noun, material };
}

const sizes = ["S", "M", "L", "XL"];
/** Colour words; the storefront's drawn pictures know each (packages/web/src/product-art.ts). */
export const colours = ["black", "charcoal", "navy", "slate", "sky", "teal", "forest", "olive", "sand", "cream", "ochre", "rust", "clay", "plum"];

// Prices by category: whole dollars in a believable range, then a shop's endings.
const priceRange: Record<string, [number, number]> = {
  shirts: [28, 95], jackets: [79, 349], kitchen: [14, 189], lighting: [24, 260], tents: [129, 649], packs: [39, 229],
};

const packCopy: [string[], string[], string[]] = [
  ["The {name} is made of {material} that shrugs off rain and scuffs.", "{Material} and a padded back panel make the {name} comfortable from the commute to the trail.", "Cut from {material}, the {name} keeps its shape even when half empty."],
  ["A padded sleeve holds a laptop, and side pockets keep a bottle within reach.", "The main compartment opens wide, with an inside pocket for keys and cards.", "Straps adjust with one pull, and a sternum strap steadies heavy loads."],
  ["Wipe clean with a damp cloth; no washing machine needed.", "Hardware and zips are covered by a lifetime guarantee.", "Light enough to fold into a suitcase as a spare bag."],
];
// Descriptions: three sentences from templates per category (what it is made of, how it
// fits or works, how to care for it or what it is for), so they read like a shop's copy.
const copy: Record<string, [string[], string[], string[]]> = {
  shirts: [
    ["Cut from {material} that softens with every wash, the {name} is the shirt you reach for first.", "The {name} is made from breathable {material} with flat-felled seams that lie smooth under a jacket.", "Woven {material} gives the {name} a relaxed drape and a little texture you can see up close."],
    ["It has a {fit} fit through the body, with sleeves long enough to roll.", "A {fit} fit with a curved hem that looks as good tucked as untucked.", "The {fit} fit leaves room to move without looking boxy."],
    ["Machine wash cold and hang to dry.", "Wash inside out at thirty degrees; a cool iron brings back the crease.", "Pre-washed, so it will not shrink after the first wash."],
  ],
  jackets: [
    ["The {name} pairs a {material} outer with taped seams that keep out wind and steady rain.", "Built around a {material} shell, the {name} blocks the wind without trapping heat.", "{Material} on the outside and a brushed lining inside make the {name} warm from the first wear."],
    ["A {fit} fit leaves room for a fleece underneath, and the hood adjusts with one hand.", "Its {fit} fit, two-way zip and zipped hand pockets are made for days on the move.", "The {fit} cut sits just below the hip and packs into its own pocket."],
    ["Reproof with a wash-in treatment once a season.", "Spot clean, or wash gently and tumble dry low to restore the loft.", "Made to be repaired: spare buttons and a patch come in the pocket."],
  ],
  kitchen: [
    ["The {name} is made of {material}, finished by hand and ready to use out of the box.", "{Material} gives the {name} even heat and a surface that gets better with use.", "Made from {material}, the {name} is weighted so it feels steady in the hand."],
    ["It earns its place on the counter: sized for a weeknight dinner for four.", "It works on gas, electric and induction, and goes from stovetop to table.", "A balanced shape makes it easy to handle, whether you are prepping or serving."],
    ["Hand wash and dry straight away; a drop of oil keeps it at its best.", "Dishwasher safe, though a quick hand wash keeps it looking new.", "Backed by a lifetime guarantee against defects."],
  ],
  lighting: [
    ["The {name} has a body of {material} and a warm, dimmable light that is easy on the eyes.", "Made from {material}, the {name} casts a soft pool of light without glare.", "{Material} and a simple silhouette make the {name} fit a desk, a shelf or a bedside."],
    ["It takes a standard bulb, and the head tilts to put light where you need it.", "A long braided cable and an inline switch make it easy to place.", "It gives off a warm white light that makes evenings feel slower."],
    ["Dust with a dry cloth; the shade lifts off for cleaning.", "Ships with an energy-saving bulb that lasts for years.", "Covered by a two-year warranty on the electrics."],
  ],
  tents: [
    ["The {name} is made of {material} with a bathtub floor that keeps water out when the ground turns soft.", "{Material} walls and colour-coded poles make the {name} quick to pitch, even in the dark.", "Built from {material}, the {name} stands up to wind with low, steep walls and strong guy points."],
    ["Two doors and two porches mean nobody climbs over anyone at night.", "Mesh panels keep air moving, so there is little condensation by morning.", "It packs down small enough to strap under a backpack lid."],
    ["Dry it fully before storing to keep the coating at its best.", "Seam-sealed at the factory and ready for the first storm.", "Comes with stakes, guylines and a repair kit."],
  ],
  packs: packCopy,
};
const fits = ["relaxed", "regular", "slim", "straight", "tailored"];

function describe(categorySlug: string, name: string, material: string, random: Random): string {
  const [first, second, third] = copy[categorySlug] ?? packCopy;
  const fill = (template: string) =>
    template.replaceAll("{name}", name).replaceAll("{Material}", material).replaceAll("{material}", material.toLowerCase()).replaceAll("{fit}", random.pick(fits));
  return [random.pick(first), random.pick(second), random.pick(third)].map(fill).join(" ");
}

/** Distinct picks, in order of drawing. */
function pickDistinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const left = [...items];
  return Array.from({ length: Math.min(count, items.length) }, () => left.splice(random.int(0, left.length - 1), 1)).flat();
}

export const slugify = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
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
  const { name, material } = productName(index);
  const slug = slugify(name);
  const [low, high] = priceRange[categorySlug] ?? [9, 240];
  const base = random.int(low, high) + random.pick([0, 0.5, 0.95, 0.99]);
  const sized = categorySlug === "shirts" || categorySlug === "jackets";
  // Apparel: every size in one or two colours (the options form a matrix); the rest
  // come in one or two colours.
  const productColours = pickDistinct(random, colours, sized ? (random.next() < 0.3 ? 2 : 1) : random.int(1, 2));
  const productSizes = sized ? sizes.slice(0, random.int(3, 4)) : [];
  const options: Record<string, string>[] = sized
    ? productColours.flatMap((colour) => productSizes.map((size) => ({ size, colour })))
    : productColours.map((colour) => ({ colour }));
  const code = `SEED-${String(index + 1).padStart(6, "0")}`;
  // Two or three pictures: the front in each colour, then turned, then a close-up.
  const views = productColours.length === 1 ? [1, 2, 3] : [1, 1, 2];
  const images = views.map((view, n) => `/images/products/${slug}-${productColours[Math.min(n, productColours.length - 1)]}-${view}.svg`).slice(0, 2 + (index % 2));
  return {
    name,
    slug,
    description: describe(categorySlug, name, material, random),
    price: base.toFixed(2),
    categorySlug,
    images,
    variants: options.map((option, position) => ({
      sku: `${code}-${position + 1}`,
      name: Object.values(option).join(" / "),
      options: option,
      price: (base + (option.size === "XL" ? 5 : 0)).toFixed(2),
      position,
      isActive: true,
      stock: random.int(0, 9) === 0 ? random.int(0, 3) : random.int(20, 120),
    })),
  };
}
