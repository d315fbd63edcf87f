/** Money for display: amounts stay decimal strings (never floats) all the way to Intl. */
export function formatMoney(amount: { toFixed(digits: number): string } | string, currency = "USD"): string {
  const value = typeof amount === "string" ? amount : amount.toFixed(2);
  // Intl.NumberFormat takes decimal strings exactly (no float rounding).
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(value as unknown as number);
}

export function formatDate(date: Date | string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium" }).format(new Date(date));
}

export function formatDateTime(date: Date | string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(new Date(date));
}
