"use client";
import { useState } from "react";
import { PLACEHOLDER_IMAGE } from "~/components/product-card";

/** The product's pictures: one large, chosen from thumbnails when there are several. */
export function ProductGallery({ images, name }: { images: string[]; name: string }) {
  const [shown, setShown] = useState(0);
  // Plain <img>: catalogue images are arbitrary URLs, not build-time assets.
  if (!images.length) return <img src={PLACEHOLDER_IMAGE} alt={`${name}: no picture yet`} className="product-image" data-testid="gallery-main" />;
  const main = images[shown] ?? images[0];
  return (
    <div className="stack product-gallery">
      <img src={main} alt={images.length > 1 ? `${name}, picture ${shown + 1} of ${images.length}` : name} className="product-image" data-testid="gallery-main" />
      {images.length > 1 ? (
        <ul className="product-thumbnails" data-testid="gallery-thumbnails">
          {images.map((image, index) => (
            <li key={`${index}:${image}`}>
              <button type="button" className="product-thumbnail" aria-pressed={index === shown} onClick={() => setShown(index)}>
                <img src={image} alt={`${name}, picture ${index + 1}`} loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
