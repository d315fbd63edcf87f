"use client";
import { useEffect, useState } from "react";

/**
 * `value` once it has stayed the same (by its JSON) for `delayMs`: a query keyed on it
 * runs once per pause, not once per change. The first value is used at once.
 */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  return settled;
}
