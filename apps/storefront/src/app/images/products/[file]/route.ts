/**
 * The seeded catalogue names pictures (`/images/products/tents-3.jpg`) that no one has
 * photographed yet: answer with a drawn placeholder so pages never show broken images.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const label = file.replace(/\.[a-z]+$/i, "").replace(/-\d+$/, "").replace(/[^a-z0-9 -]/gi, "").replaceAll("-", " ") || "product";
  const hue = [...file].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">
<rect width="800" height="600" fill="hsl(${hue} 35% 86%)"/>
<circle cx="400" cy="260" r="110" fill="hsl(${hue} 35% 72%)"/>
<text x="400" y="470" font-family="system-ui, sans-serif" font-size="44" text-anchor="middle" fill="hsl(${hue} 30% 30%)">${label}</text>
</svg>`;
  return new Response(svg, { headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" } });
}
