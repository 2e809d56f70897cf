"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { callApi } from "@/lib/http/api-client";
import { hitHref, hitTitle, mapHref, type SearchHit } from "./search-result-link";

const DEBOUNCE_MS = 120;

/**
 * The one search box: results as you type (SKU, name, barcode, supplier SKU, lot, serial, location code),
 * `/` focuses it on a desk, arrows and Enter pick a result, Enter on the text opens the full results page.
 */
export function SearchBox() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(-1);
  const [isOpen, setOpen] = useState(false);

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      const target = event.target as HTMLElement;
      const isTyping = target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
      if (event.key === "/" && !isTyping && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        input.current?.focus();
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const answer = await callApi<{ data: SearchHit[] }>(`/api/v1/search?q=${encodeURIComponent(q)}&limit=8`, { signal: controller.signal });
        // A newer keystroke may have cut this answer off mid-body: only a whole, current answer is shown.
        if (!answer.ok || controller.signal.aborted) return;
        setHits(answer.data.data);
        setActive(-1);
        setOpen(true);
      } catch {
        // Aborted by the next keystroke, or offline: the list simply stays as it was.
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, hits.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, -1));
    } else if (event.key === "Escape") {
      setOpen(false);
      input.current?.blur();
    } else if (event.key === "Enter") {
      event.preventDefault();
      setOpen(false);
      router.push(active >= 0 && hits[active] ? hitHref(hits[active]) : `/search?q=${encodeURIComponent(query.trim())}`);
    }
  }

  const shown = isOpen && query.trim().length >= 2;
  return (
    <div className="relative w-full max-w-xl" role="search">
      <label htmlFor="global-search" className="sr-only">
        Search the warehouse
      </label>
      <input
        ref={input}
        id="global-search"
        type="search"
        value={query}
        autoComplete="off"
        spellCheck={false}
        placeholder="Search SKU, name, barcode, lot, bin…  ( / )"
        role="combobox"
        aria-expanded={shown}
        aria-controls="global-search-results"
        aria-activedescendant={active >= 0 ? `search-hit-${active}` : undefined}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base"
      />
      {shown && (
        <ul
          id="global-search-results"
          role="listbox"
          data-testid="search-suggestions"
          className="absolute inset-x-0 top-full z-30 mt-1 max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white shadow-lg"
        >
          {hits.length === 0 && <li className="p-3 text-sm text-slate-600">Nothing found yet — keep typing, or press Enter for all results.</li>}
          {hits.map((hit, index) => {
            const map = mapHref(hit);
            return (
              <li
                key={`${hit.type}:${hit.sku ?? ""}:${hit.code ?? ""}`}
                id={`search-hit-${index}`}
                role="option"
                aria-selected={index === active}
                className={`flex items-center gap-2 border-b border-slate-100 px-3 py-2 last:border-0 ${index === active ? "bg-brand-50" : ""}`}
              >
                <Link href={hitHref(hit)} className="min-h-11 flex-1 py-1">
                  <span className="block text-sm font-medium">{hitTitle(hit)}</span>
                  {hit.stock && hit.stock.length > 0 && (
                    <span className="block text-xs text-slate-600">
                      {hit.stock
                        .slice(0, 3)
                        .map((s) => `${s.location}: ${s.onHand}`)
                        .join(" · ")}
                      {hit.stock.length > 3 ? " …" : ""}
                    </span>
                  )}
                </Link>
                {map && (
                  <Link href={map} className="min-h-11 shrink-0 rounded px-2 py-3 text-xs font-medium text-brand-700">
                    Show on map
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
