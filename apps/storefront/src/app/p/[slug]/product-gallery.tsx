import { PLACEHOLDER_IMAGE } from "~/components/product-card";

/** The product's pictures: the first large, the rest as a strip below. */
export function ProductGallery({ images, name }: { images: string[]; name: string }) {
  const [main, ...more] = images.length ? images : [PLACEHOLDER_IMAGE];
  return (
    <div className="stack">
      {/* Plain <img>: catalogue images are arbitrary URLs, not build-time assets. */}
      <img src={main} alt={name} className="product-image" />
      {more.length ? (
        <div className="product-thumbnails">
          {more.map((image, index) => (
            <img key={image} src={image} alt={`${name}, picture ${index + 2}`} className="product-image" loading="lazy" />
          ))}
        </div>
      ) : null}
    </div>
  );
}
