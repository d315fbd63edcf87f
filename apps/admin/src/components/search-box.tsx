"use client";
import { useState } from "react";

/** A search field that applies on Enter or its button, not on every keystroke. */
export function SearchBox({ label, placeholder, onSearch }: { label: string; placeholder: string; onSearch: (query: string) => void }) {
  const [text, setText] = useState("");
  return (
    <form
      role="search"
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label className="field">
        <span className="field-label">{label}</span>
        <input type="search" value={text} placeholder={placeholder} onChange={(event) => setText(event.target.value)} />
      </label>
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}
