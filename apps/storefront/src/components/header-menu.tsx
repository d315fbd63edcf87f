"use client";
import { usePathname } from "next/navigation";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";

/**
 * The header's links and search. Wide screens show them inline; narrow ones fold them
 * behind a Menu button (a disclosure: aria-expanded, Escape closes and returns focus to
 * the button). Following a link closes it: it is open only on the page it was opened on.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const open = openOn === pathname;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpenOn(null);
    button.current?.focus();
  };

  return (
    <div className="header-menu" data-open={open} onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="button menu-button" aria-expanded={open} aria-controls="site-menu" onClick={() => setOpenOn(open ? null : pathname)}>
        <span className="menu-icon" aria-hidden="true" />
        Menu
      </button>
      <div id="site-menu" className="header-menu-panel">
        {children}
      </div>
    </div>
  );
}
