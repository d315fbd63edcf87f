/**
 * Drawn product pictures: a deterministic SVG illustration per product picture URL
 * (`/images/products/<slug>-<colour>-<view>.svg`), so a catalogue nobody has
 * photographed yet still shows a different picture for every product. The kind of
 * thing drawn comes from the words of the slug (a "trek-backpack" is a backpack),
 * its colour from the colour word, and its proportions and details from a hash of
 * the slug; the view (1 front, 2 turned, 3 close-up) makes a gallery's thumbnails.
 */

/** The colour words the pictures know, as the catalogue's colour options spell them. */
export const artColours: Record<string, string> = {
  black: "#2b2b2e",
  charcoal: "#45474d",
  navy: "#1f3357",
  slate: "#5b6b7c",
  sky: "#7fb2d9",
  teal: "#1f7a7a",
  forest: "#2f5d3a",
  olive: "#6b6b2f",
  sand: "#d8c39a",
  cream: "#f1e6cf",
  ochre: "#c8902e",
  rust: "#a4472a",
  clay: "#b86f52",
  plum: "#6a3b5e",
};

type Kind =
  | "shirt" | "tee" | "jacket" | "vest" | "knife" | "pan" | "kettle" | "board" | "mug" | "pot"
  | "lamp" | "lantern" | "pendant" | "tent" | "tarp" | "backpack" | "sling" | "duffel" | "tote" | "box";

// First match wins: more specific words before the general ones ("tarp shelter" before "shelter").
const kindWords: [Kind, RegExp][] = [
  ["vest", /\bvest\b/],
  ["tee", /\b(tee|henley|polo|t-shirt)\b/],
  ["shirt", /\b(shirt|button-down|blouse)s?\b/],
  ["jacket", /\b(jacket|shell|parka|windbreaker|anorak|coat|fleece)s?\b/],
  ["knife", /\bknif|knives\b/],
  ["pan", /\b(skillet|pan|wok)s?\b/],
  ["kettle", /\bkettles?\b/],
  ["board", /\bboards?\b/],
  ["mug", /\b(mug|cup)s?\b/],
  ["pot", /\b(oven|pot|casserole)s?\b/],
  ["lantern", /\blanterns?\b/],
  ["pendant", /\bpendants?\b/],
  ["lamp", /\b(lamp|light)s?\b/],
  ["tarp", /\btarps?\b/],
  ["tent", /\b(tent|shelter|bivy)s?\b/],
  ["sling", /\bslings?\b/],
  ["duffel", /\bduffels?\b/],
  ["tote", /\btotes?\b/],
  ["backpack", /\b(backpack|daypack|pack|rucksack)s?\b/],
];

/** What a name or slug depicts; categories' slugs work too ("tents" draws a tent). */
export function artKind(words: string): Kind {
  const text = words.toLowerCase().replace(/-/g, " ").replace(/\bbutton down\b/, "button-down");
  return kindWords.find(([, pattern]) => pattern.test(text))?.[0] ?? "box";
}

/** FNV-1a: a stable 32-bit hash of the slug, the source of every varied detail. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Mixes a hex colour towards white (amount > 0) or black (amount < 0). */
function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const target = amount > 0 ? 255 : 0;
  const mix = (c: number) => Math.round(c + (target - c) * Math.abs(amount));
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Paint {
  main: string;
  dark: string;
  light: string;
  accent: string;
  /** Values in 0..1 from the slug's hash (0 to 5), for proportions and optional details. */
  v: (i: number) => number;
}

// Each drawing sits in an 800x600 canvas, centred near (400, 300).
const drawings: Record<Kind, (p: Paint) => string> = {
  shirt: ({ main, dark, light, v }) => {
    const w = 150 + v(0) * 40;
    return `<path d="M${400 - w} 170 L${400 - w - 110} 260 L${400 - w - 60} 320 L${400 - w} 285 L${400 - w} 500 L${400 + w} 500 L${400 + w} 285 L${400 + w + 60} 320 L${400 + w + 110} 260 L${400 + w} 170 L455 150 L400 190 L345 150 Z" fill="${main}" stroke="${dark}" stroke-width="6" stroke-linejoin="round"/>
<path d="M345 150 L400 215 L455 150 L430 140 L400 180 L370 140 Z" fill="${light}" stroke="${dark}" stroke-width="4"/>
<line x1="400" y1="215" x2="400" y2="500" stroke="${dark}" stroke-width="4"/>
${[250, 300, 350, 400, 450].map((y) => `<circle cx="412" cy="${y}" r="6" fill="${light}"/>`).join("")}
${v(1) > 0.4 ? `<rect x="${400 - w + 40}" y="250" width="70" height="70" rx="6" fill="none" stroke="${dark}" stroke-width="4"/>` : ""}
${v(2) > 0.6 ? [0, 1, 2, 3, 4, 5].map((i) => `<line x1="${400 - w}" y1="${230 + i * 45}" x2="${400 + w}" y2="${230 + i * 45}" stroke="${light}" stroke-width="5" opacity="0.5"/>`).join("") : ""}`;
  },
  tee: ({ main, dark, light, v }) => {
    const w = 140 + v(0) * 40;
    return `<path d="M${400 - w} 165 L${400 - w - 100} 235 L${400 - w - 55} 300 L${400 - w} 270 L${400 - w} 500 L${400 + w} 500 L${400 + w} 270 L${400 + w + 55} 300 L${400 + w + 100} 235 L${400 + w} 165 L450 150 Q400 ${200 + v(1) * 30} 350 150 Z" fill="${main}" stroke="${dark}" stroke-width="6" stroke-linejoin="round"/>
<path d="M350 150 Q400 ${200 + v(1) * 30} 450 150" fill="none" stroke="${light}" stroke-width="8"/>
${v(2) > 0.5 ? `<rect x="${400 - w}" y="${300 + v(3) * 80}" width="${2 * w}" height="26" fill="${light}" opacity="0.8"/>` : ""}`;
  },
  jacket: ({ main, dark, light, accent, v }) => {
    const w = 160 + v(0) * 30;
    const hood = v(1) > 0.45;
    return `${hood ? `<path d="M330 175 Q400 60 470 175 Z" fill="${dark}"/>` : ""}
<path d="M${400 - w} 175 L${400 - w - 90} 480 L${400 - w - 30} 490 L${400 - w + 10} 330 L${400 - w + 10} 520 L${400 + w - 10} 520 L${400 + w - 10} 330 L${400 + w - 10 + 20} 490 L${400 + w + 90} 480 L${400 + w} 175 L440 160 L400 200 L360 160 Z" fill="${main}" stroke="${dark}" stroke-width="6" stroke-linejoin="round"/>
<line x1="400" y1="200" x2="400" y2="520" stroke="${accent}" stroke-width="6"/>
${v(2) > 0.5 ? [1, 2, 3, 4].map((i) => `<line x1="${400 - w + 10}" y1="${200 + i * 64}" x2="${400 + w - 10}" y2="${200 + i * 64}" stroke="${dark}" stroke-width="4" opacity="0.6"/>`).join("") : `<rect x="${400 - w + 40}" y="380" width="80" height="60" rx="8" fill="${light}" opacity="0.5"/><rect x="${400 + w - 120}" y="380" width="80" height="60" rx="8" fill="${light}" opacity="0.5"/>`}`;
  },
  vest: ({ main, dark, accent, v }) => {
    const w = 140 + v(0) * 30;
    return `<path d="M${400 - w} 170 L${400 - w - 20} 260 Q${400 - w + 30} 270 ${400 - w + 10} 330 L${400 - w + 10} 510 L${400 + w - 10} 510 L${400 + w - 10} 330 Q${400 + w - 30} 270 ${400 + w + 20} 260 L${400 + w} 170 L430 160 L400 210 L370 160 Z" fill="${main}" stroke="${dark}" stroke-width="6" stroke-linejoin="round"/>
<line x1="400" y1="210" x2="400" y2="510" stroke="${accent}" stroke-width="6"/>
${[0, 1, 2, 3, 4].map((i) => `<line x1="${400 - w + 10}" y1="${250 + i * 55}" x2="${400 + w - 10}" y2="${250 + i * 55}" stroke="${dark}" stroke-width="4" opacity="0.5"/>`).join("")}`;
  },
  knife: ({ main, dark, light, v }) => {
    const len = 380 + v(0) * 80;
    const depth = 60 + v(1) * 30;
    return `<g transform="rotate(${-18 + v(2) * 10} 400 300)">
<path d="M${400 - len / 2} 300 L${400 + len / 2 - 40} ${300 - depth} Q${400 + len / 2 + 20} ${300 - depth} ${400 + len / 2 + 40} 300 Z" fill="#d9dde2" stroke="#6d747c" stroke-width="5"/>
${v(3) > 0.5 ? `<path d="M${400 - len / 2 + 20} 292 Q400 ${300 - depth / 2} ${400 + len / 2} 296" fill="none" stroke="#aab1b9" stroke-width="3"/>` : ""}
<rect x="${400 - len / 2 - 190}" y="276" width="200" height="48" rx="20" fill="${main}" stroke="${dark}" stroke-width="5"/>
${[0, 1, 2].map((i) => `<circle cx="${400 - len / 2 - 150 + i * 60}" cy="300" r="7" fill="${light}"/>`).join("")}
</g>`;
  },
  pan: ({ main, dark, light, v }) => {
    const r = 150 + v(0) * 30;
    return `<rect x="${330 + r}" y="${282 - v(1) * 6}" width="${200 + v(1) * 40}" height="36" rx="18" fill="${dark}" transform="rotate(-8 ${330 + r} 300)"/>
<circle cx="330" cy="300" r="${r}" fill="${dark}"/>
<circle cx="330" cy="300" r="${r - 22}" fill="${main}"/>
<circle cx="330" cy="300" r="${r - 60}" fill="${light}" opacity="0.25"/>`;
  },
  kettle: ({ main, dark, light, v }) => {
    const w = 140 + v(0) * 40;
    const gooseneck = v(1) > 0.4;
    return `<path d="M${400 - w} 480 Q${400 - w - 20} 300 400 260 Q${400 + w + 20} 300 ${400 + w} 480 Z" fill="${main}" stroke="${dark}" stroke-width="6"/>
<rect x="${400 - w - 10}" y="470" width="${2 * w + 20}" height="26" rx="10" fill="${dark}"/>
<ellipse cx="400" cy="262" rx="60" ry="16" fill="${dark}"/><circle cx="400" cy="240" r="14" fill="${light}"/>
${gooseneck ? `<path d="M${400 + w - 20} 420 Q${400 + w + 120} 420 ${400 + w + 130} 260" fill="none" stroke="${main}" stroke-width="18" stroke-linecap="round"/>` : `<path d="M${400 + w - 10} 380 L${400 + w + 80} 320 L${400 + w + 70} 360 L${400 + w} 430 Z" fill="${main}" stroke="${dark}" stroke-width="5"/>`}
<path d="M${400 - w + 20} 330 Q${400 - w - 90} 380 ${400 - w + 10} 440" fill="none" stroke="${dark}" stroke-width="16"/>`;
  },
  board: ({ main, dark, light, v }) => {
    const w = 420 + v(0) * 80;
    const h = 240 + v(1) * 40;
    return `<g transform="rotate(${-6 + v(2) * 12} 400 300)">
<rect x="${400 - w / 2}" y="${300 - h / 2}" width="${w}" height="${h}" rx="${20 + v(3) * 30}" fill="${main}" stroke="${dark}" stroke-width="6"/>
${[0, 1, 2, 3, 4].map((i) => `<path d="M${400 - w / 2 + 20} ${300 - h / 2 + 40 + i * (h - 80) / 4} q${w / 3} ${-14 + i * 6} ${w - 40} 0" fill="none" stroke="${dark}" stroke-width="3" opacity="0.35"/>`).join("")}
<circle cx="${400 + w / 2 - 50}" cy="${300 - h / 2 + 50}" r="18" fill="${light}" stroke="${dark}" stroke-width="4"/>
</g>`;
  },
  mug: ({ main, dark, light, accent, v }) => {
    const w = 110 + v(0) * 40;
    const h = 200 + v(1) * 70;
    return `<path d="M${400 + w - 10} ${330 - h / 4} q${110} 10 ${90} ${h / 3} q-10 ${h / 4} ${-90} ${h / 4}" fill="none" stroke="${dark}" stroke-width="24"/>
<rect x="${400 - w}" y="${330 - h / 2}" width="${2 * w}" height="${h}" rx="24" fill="${main}" stroke="${dark}" stroke-width="6"/>
<ellipse cx="400" cy="${330 - h / 2}" rx="${w}" ry="20" fill="${dark}"/>
${v(2) > 0.5 ? `<rect x="${400 - w}" y="${330 - h / 2 + 50}" width="${2 * w}" height="18" fill="${light}"/>` : `<circle cx="400" cy="330" r="${w / 3}" fill="${accent}" opacity="0.8"/>`}
<path d="M380 ${300 - h / 2 - 20} q-20 -40 0 -80 M420 ${300 - h / 2 - 20} q-20 -40 0 -80" fill="none" stroke="${light}" stroke-width="6" opacity="0.7"/>`;
  },
  pot: ({ main, dark, light, v }) => {
    const w = 190 + v(0) * 40;
    return `<rect x="${400 - w - 60}" y="320" width="${2 * w + 120}" height="30" rx="15" fill="${dark}"/>
<path d="M${400 - w} 290 L${400 - w + 10} 470 Q400 ${500 + v(1) * 20} ${400 + w - 10} 470 L${400 + w} 290 Z" fill="${main}" stroke="${dark}" stroke-width="6"/>
<path d="M${400 - w - 10} 290 Q400 ${200 - v(2) * 30} ${400 + w + 10} 290 Z" fill="${main}" stroke="${dark}" stroke-width="6"/>
<circle cx="400" cy="${225 - v(2) * 30}" r="20" fill="${light}" stroke="${dark}" stroke-width="5"/>`;
  },
  lamp: ({ main, dark, light, v }) => {
    const arm = 160 + v(0) * 80;
    const shade = 90 + v(1) * 50;
    const elbow = 260 + v(2) * 140;
    // A cone or a dome of a shade, on a base that is round or square.
    const head = v(3) > 0.5
      ? `<path d="M${470 - shade} 300 A${shade} ${shade * 0.9} 0 0 1 ${470 + shade} 300 Z" fill="${main}" stroke="${dark}" stroke-width="6" transform="rotate(18 470 200)"/>`
      : `<path d="M${470 - shade / 2} 200 L${470 + shade / 2} 200 L${470 + shade} 300 L${470 - shade} 300 Z" fill="${main}" stroke="${dark}" stroke-width="6" transform="rotate(18 470 200)"/>`;
    return `${v(4) > 0.5 ? `<rect x="230" y="490" width="200" height="34" rx="6" fill="${dark}"/>` : `<ellipse cx="330" cy="510" rx="110" ry="22" fill="${dark}"/>`}
<line x1="330" y1="505" x2="${elbow}" y2="${505 - arm}" stroke="${dark}" stroke-width="14" stroke-linecap="round"/>
<line x1="${elbow}" y1="${505 - arm}" x2="470" y2="200" stroke="${dark}" stroke-width="14" stroke-linecap="round"/>
${head}
<path d="M${470 - shade} 300 L${470 + shade} 300 L490 420 L450 420 Z" fill="${light}" opacity="0.35" transform="rotate(18 470 200)"/>`;
  },
  lantern: ({ main, dark, light, v }) => {
    const w = 90 + v(0) * 40;
    return `<path d="M${400 - 40} 150 Q400 ${90 - v(1) * 30} ${400 + 40} 150" fill="none" stroke="${dark}" stroke-width="10"/>
<rect x="${400 - w - 10}" y="150" width="${2 * w + 20}" height="50" rx="12" fill="${main}" stroke="${dark}" stroke-width="5"/>
<rect x="${400 - w}" y="200" width="${2 * w}" height="220" rx="20" fill="${light}" stroke="${dark}" stroke-width="5"/>
<ellipse cx="400" cy="310" rx="${w / 3}" ry="60" fill="#f6c945" opacity="0.9"/>
${[-1, 0, 1].map((i) => `<line x1="${400 + i * w / 1.6}" y1="200" x2="${400 + i * w / 1.6}" y2="420" stroke="${dark}" stroke-width="5"/>`).join("")}
<rect x="${400 - w - 10}" y="420" width="${2 * w + 20}" height="60" rx="12" fill="${main}" stroke="${dark}" stroke-width="5"/>`;
  },
  pendant: ({ main, dark, light, v }) => {
    const w = 150 + v(0) * 60;
    const dome = v(1) > 0.5;
    return `<line x1="400" y1="40" x2="400" y2="230" stroke="${dark}" stroke-width="6"/>
${dome ? `<path d="M${400 - w} 380 Q400 ${200 - v(2) * 40} ${400 + w} 380 Z" fill="${main}" stroke="${dark}" stroke-width="6"/>` : `<path d="M${400 - 50} 230 L${400 + 50} 230 L${400 + w} 380 L${400 - w} 380 Z" fill="${main}" stroke="${dark}" stroke-width="6"/>`}
<ellipse cx="400" cy="384" rx="${w - 10}" ry="18" fill="${light}"/>
<path d="M${400 - w + 30} 400 L${400 - w - 40} 560 L${400 + w + 40} 560 L${400 + w - 30} 400 Z" fill="#f6c945" opacity="0.25"/>`;
  },
  tent: ({ main, dark, light, accent, v }) => {
    const w = 260 + v(0) * 60;
    const h = 200 + v(1) * 80;
    const dome = v(2) > 0.5;
    return `<line x1="60" y1="480" x2="740" y2="480" stroke="${dark}" stroke-width="4" opacity="0.4"/>
${dome ? `<path d="M${400 - w} 480 Q400 ${480 - h * 1.6} ${400 + w} 480 Z" fill="${main}" stroke="${dark}" stroke-width="6"/>` : `<path d="M${400 - w} 480 L400 ${480 - h} L${400 + w} 480 Z" fill="${main}" stroke="${dark}" stroke-width="6" stroke-linejoin="round"/>`}
<path d="M400 ${dome ? 480 - h * 0.8 : 480 - h} L${400 - 70} 480 L${400 + 70} 480 Z" fill="${dark}"/>
<path d="M400 ${dome ? 480 - h * 0.8 : 480 - h} L${400 + 70} 480 L${400 + 30} 480 Z" fill="${light}"/>
<line x1="${400 - w}" y1="480" x2="${400 - w - 50}" y2="500" stroke="${accent}" stroke-width="4"/><line x1="${400 + w}" y1="480" x2="${400 + w + 50}" y2="500" stroke="${accent}" stroke-width="4"/>`;
  },
  tarp: ({ main, dark, accent, v }) => {
    const w = 280 + v(0) * 60;
    return `<line x1="60" y1="480" x2="740" y2="480" stroke="${dark}" stroke-width="4" opacity="0.4"/>
<line x1="${400 - w}" y1="${200 - v(1) * 40}" x2="${400 - w}" y2="480" stroke="${dark}" stroke-width="8"/>
<path d="M${400 - w} ${200 - v(1) * 40} L${400 + w} ${380 - v(2) * 60} L${400 + w - 40} 480 L${400 - w + 60} 400 Z" fill="${main}" stroke="${dark}" stroke-width="6" stroke-linejoin="round"/>
<line x1="${400 - w}" y1="${200 - v(1) * 40}" x2="${400 - w - 60}" y2="480" stroke="${accent}" stroke-width="4"/>`;
  },
  backpack: ({ main, dark, light, accent, v }) => {
    const w = 130 + v(0) * 40;
    const h = 300 + v(1) * 60;
    const top = 300 - h / 2;
    return `<path d="M${400 - 50} ${top + 10} Q400 ${top - 60} ${400 + 50} ${top + 10}" fill="none" stroke="${dark}" stroke-width="14"/>
<rect x="${400 - w}" y="${top}" width="${2 * w}" height="${h}" rx="${50 + v(2) * 40}" fill="${main}" stroke="${dark}" stroke-width="6"/>
${v(3) > 0.5 ? `<path d="M${400 - w} ${top + 90} Q400 ${top + 40} ${400 + w} ${top + 90} L${400 + w} ${top + 120} L${400 - w} ${top + 120} Z" fill="${dark}" opacity="0.45"/>` : `<rect x="${400 - w}" y="${top + 70}" width="${2 * w}" height="14" fill="${accent}"/>`}
<rect x="${400 - w * 0.65}" y="${top + h * 0.55}" width="${w * 1.3}" height="${h * 0.3}" rx="24" fill="${light}" opacity="0.55" stroke="${dark}" stroke-width="4"/>
<rect x="${400 - 30}" y="${top + h * 0.55 - 4}" width="60" height="10" rx="4" fill="${dark}"/>`;
  },
  sling: ({ main, dark, light, accent, v }) => {
    const w = 170 + v(0) * 40;
    return `<path d="M${400 - w + 20} 330 Q${300} ${60 + v(1) * 40} ${400 + w - 20} 300" fill="none" stroke="${dark}" stroke-width="18"/>
<path d="M${400 - w} 330 Q400 ${270 - v(2) * 30} ${400 + w} 300 L${400 + w - 20} 440 Q400 ${490} ${400 - w + 30} 460 Z" fill="${main}" stroke="${dark}" stroke-width="6"/>
<path d="M${400 - w + 30} 360 Q400 320 ${400 + w - 30} 340" fill="none" stroke="${accent}" stroke-width="6"/>
<rect x="${400 - 40}" y="390" width="80" height="30" rx="8" fill="${light}" opacity="0.6"/>`;
  },
  duffel: ({ main, dark, light, accent, v }) => {
    const w = 250 + v(0) * 50;
    const h = 160 + v(1) * 40;
    return `<path d="M${400 - 120} ${330 - h / 2} Q400 ${170 - h / 2} ${400 + 120} ${330 - h / 2}" fill="none" stroke="${dark}" stroke-width="14"/>
<rect x="${400 - w}" y="${330 - h / 2}" width="${2 * w}" height="${h}" rx="${h / 2}" fill="${main}" stroke="${dark}" stroke-width="6"/>
<line x1="${400 - w + 40}" y1="${330 - h / 2 + 10}" x2="${400 + w - 40}" y2="${330 - h / 2 + 10}" stroke="${accent}" stroke-width="6"/>
<circle cx="${400 - w + h / 2}" cy="330" r="${h / 2 - 20}" fill="${light}" opacity="0.35"/>
<circle cx="${400 + w - h / 2}" cy="330" r="${h / 2 - 20}" fill="${light}" opacity="0.35"/>`;
  },
  tote: ({ main, dark, light, accent, v }) => {
    const w = 170 + v(0) * 40;
    return `<path d="M${400 - 80} 250 Q${400 - 80} ${110 - v(1) * 30} 400 ${110 - v(1) * 30} Q${400 + 80} ${110 - v(1) * 30} ${400 + 80} 250" fill="none" stroke="${dark}" stroke-width="14"/>
<path d="M${400 - w} 240 L${400 + w} 240 L${400 + w - 20} 510 L${400 - w + 20} 510 Z" fill="${main}" stroke="${dark}" stroke-width="6" stroke-linejoin="round"/>
${v(2) > 0.5 ? `<rect x="${400 - w + 10}" y="${380}" width="${2 * w - 20}" height="40" fill="${accent}"/>` : `<circle cx="400" cy="370" r="50" fill="${light}" opacity="0.6"/>`}`;
  },
  box: ({ main, dark, light, v }) => {
    const w = 160 + v(0) * 60;
    return `<path d="M${400 - w} 250 L400 ${180 - v(1) * 30} L${400 + w} 250 L400 ${320 - v(1) * 30} Z" fill="${light}" stroke="${dark}" stroke-width="6"/>
<path d="M${400 - w} 250 L400 ${320 - v(1) * 30} L400 500 L${400 - w} 430 Z" fill="${main}" stroke="${dark}" stroke-width="6"/>
<path d="M${400 + w} 250 L400 ${320 - v(1) * 30} L400 500 L${400 + w} 430 Z" fill="${dark}" stroke="${dark}" stroke-width="6"/>`;
  },
};

// Picture views: 1 front, 2 turned and mirrored, 3 a close-up of one side.
const views: Record<number, string> = {
  1: "",
  2: "translate(800 0) scale(-1 1) rotate(-8 400 300)",
  3: "translate(-320 -240) scale(1.8)",
};

export interface ProductPicture {
  /** The product's slug (or any words naming it). */
  slug: string;
  /** A colour word from artColours; others get a colour from the slug's hash. */
  colour?: string;
  view?: number;
}

/** Reads `<slug>[-<colour>][-<view>].<ext>`; any name gives some picture. */
export function parsePictureFile(file: string): ProductPicture {
  const parts = file.replace(/\.[a-z0-9]+$/i, "").toLowerCase().replace(/[^a-z0-9-]/g, "").split("-").filter(Boolean);
  const view = /^\d+$/.test(parts.at(-1) ?? "") ? Number(parts.pop()) : 1;
  const colour = Object.hasOwn(artColours, parts.at(-1) ?? "") ? parts.pop() : undefined;
  return { slug: parts.join("-") || "product", colour, view };
}

/** The SVG for one picture of a product: same input, same bytes. */
export function productSvg({ slug, colour, view = 1 }: ProductPicture): string {
  const h = hash(slug);
  const v = (i: number) => ((h >>> (i * 5)) & 31) / 31;
  const palette = Object.values(artColours);
  // Without a known colour word the slug's hash picks one from the palette.
  const main = (colour && Object.hasOwn(artColours, colour) && artColours[colour]) || (palette[h % palette.length] ?? "#1f3357");
  const paint: Paint = { main, dark: tint(main, -0.45), light: tint(main, 0.55), accent: palette[(h >>> 8) % palette.length] ?? "#c8902e", v };
  const kind = artKind(slug);
  // A pale background of the product's colour, with a soft shadow under it.
  const background = tint(main, 0.86);
  const name = slug.split("-").map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(" ");
  const title = `${name}${colour ? `, ${colour}` : ""}${view === 2 ? ", side view" : view === 3 ? ", close-up" : ""}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" role="img"><title>${escapeXml(title)}</title>
<rect width="800" height="600" fill="${background}"/>
<ellipse cx="400" cy="540" rx="300" ry="26" fill="#000000" opacity="0.07"/>
<g transform="${views[view] ?? ""}">${drawings[kind](paint)}</g>
</svg>`;
}
