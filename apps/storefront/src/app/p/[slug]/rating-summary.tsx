/** "★★★★☆ 4.2 out of 5 · 12 reviews", or a note when there are none yet. */
export function RatingSummary({ average, count }: { average: number | null; count: number }) {
  if (!count || average === null) return <p className="muted">No reviews yet</p>;
  const stars = Math.round(average);
  // The stars only draw the number the text says; the link stays reachable for everyone.
  return (
    <p className="row rating">
      <span className="stars" aria-hidden="true">
        {"★".repeat(stars)}
        {"☆".repeat(5 - stars)}
      </span>
      <span>{average} out of 5</span>
      <a href="#reviews-heading">{count === 1 ? "1 review" : `${count} reviews`}</a>
    </p>
  );
}
