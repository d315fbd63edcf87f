/** Full-text product search: a GET form to /search, so results are a shareable URL. */
export function SearchForm({ defaultValue, compact = false }: { defaultValue?: string; compact?: boolean }) {
  return (
    <form method="get" action="/search" role="search" className={compact ? "search-form search-form-compact" : "search-form"}>
      <input type="search" name="q" aria-label="Search" placeholder="Search products" defaultValue={defaultValue} maxLength={200} />
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}
