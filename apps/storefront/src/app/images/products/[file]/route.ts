import { parsePictureFile, productSvg } from "@shop/web/product-art";

/**
 * Product pictures nobody has photographed yet (`/images/products/<slug>-<colour>-<view>.svg`,
 * and the older `/images/products/tents-3.jpg`): a drawn illustration of the product,
 * so pages never show broken images. The SVG is the same for the same name, so it
 * caches for a day; its CSP lets it carry no script and load nothing.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return new Response(productSvg(parsePictureFile(file)), {
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=86400",
    },
  });
}
