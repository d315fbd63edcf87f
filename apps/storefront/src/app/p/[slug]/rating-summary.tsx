/** "★★★★☆ 4.2 · 12 reviews", or an invitation when there are none yet. */
export function RatingSummary({ average, count }: { average: number | null; count: number }) {
  if (!count || average === null) return <p className="muted">No reviews yet</p>;
  const stars = Math.round(average);
  return (
    <p className="row rating" aria-label={`Rated ${average} out of 5 from ${count} ${count === 1 ? "review" : "reviews"}`}>
      <span className="stars" aria-hidden>
        {"★".repeat(stars)}
        {"☆".repeat(5 - stars)}
      </span>
      <span aria-hidden>
        {average} · <a href="#reviews-heading">{count === 1 ? "1 review" : `${count} reviews`}</a>
      </span>
    </p>
  );
}
