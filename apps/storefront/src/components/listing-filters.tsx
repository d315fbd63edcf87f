"use client";
import { Field } from "@shop/web/ui";

const sortLabels = {
  relevance: "Best match",
  newest: "Newest",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
  name: "Name",
} as const;
export type SortOption = keyof typeof sortLabels;

export interface ListingFilterValues {
  minPrice?: string;
  maxPrice?: string;
  sort: string;
}

/** A parent category's children, offered as a filter that keeps the price range and sort. */
export interface SubcategoryFilter {
  /** The parent's name, for the "All …" choice. */
  parentName: string;
  options: { slug: string; name: string }[];
  /** The chosen child's slug; none lists the whole parent. */
  value?: string;
}

/**
 * Price range and sort as a plain GET form, so every listing is a shareable URL that
 * the server renders; picking a sort submits at once.
 */
export function ListingFilters(props: {
  values: ListingFilterValues;
  sorts: SortOption[];
  errors: Partial<Record<"minPrice" | "maxPrice" | "sort", string>>;
  /** Carried along, e.g. the search text. */
  hidden?: Record<string, string>;
  subcategories?: SubcategoryFilter;
}) {
  const { values, errors } = props;
  return (
    <form method="get" className="toolbar" key={JSON.stringify([values, props.subcategories?.value])}>
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.subcategories ? (
        <Field label="Subcategory">
          <select name="sub" defaultValue={props.subcategories.value ?? ""} onChange={(event) => event.currentTarget.form?.requestSubmit()}>
            <option value="">All {props.subcategories.parentName}</option>
            {props.subcategories.options.map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field label="Min price" error={errors.minPrice ? { message: errors.minPrice } : undefined}>
        <input name="minPrice" type="number" min="0" step="0.01" inputMode="decimal" defaultValue={values.minPrice} className="input-price" />
      </Field>
      <Field label="Max price" error={errors.maxPrice ? { message: errors.maxPrice } : undefined}>
        <input name="maxPrice" type="number" min="0" step="0.01" inputMode="decimal" defaultValue={values.maxPrice} className="input-price" />
      </Field>
      <Field label="Sort" error={errors.sort ? { message: errors.sort } : undefined}>
        <select name="sort" defaultValue={values.sort} onChange={(event) => event.currentTarget.form?.requestSubmit()}>
          {props.sorts.map((sort) => (
            <option key={sort} value={sort}>
              {sortLabels[sort]}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="button">
        Apply
      </button>
    </form>
  );
}
