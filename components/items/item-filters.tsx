"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import type { ParamChanges } from "@/components/ui/use-url-params";
import type { ItemTableParams } from "@/lib/catalog/schemas";

export type ItemFilterChoices = {
  categories: string[];
  suppliers: { code: string; name: string }[];
  sites: { code: string; name: string }[];
};

const SEARCH_DELAY_MS = 300;
const CONTROL = "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base shadow-sm";

// Sort choices for phones, where there are no column headers to tap.
const SORTS = [
  ["sku:asc", "SKU A–Z"],
  ["sku:desc", "SKU Z–A"],
  ["name:asc", "Name A–Z"],
  ["name:desc", "Name Z–A"],
  ["category:asc", "Category A–Z"],
  ["available:desc", "Most available"],
  ["available:asc", "Least available"],
  ["onHand:desc", "Most on hand"],
  ["onHand:asc", "Least on hand"],
] as const;

function Select({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} className={CONTROL}>
      {children}
    </select>
  );
}

/** Typing updates the list after a short pause; a search changed elsewhere (back, a shared link) shows here. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const [sent, setSent] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  if (value !== shown) {
    setShown(value);
    if (value !== sent) setText(value);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const send = (q: string) => {
    clearTimeout(timer.current);
    setSent(q.trim());
    onSearch(q.trim());
  };
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        send(text);
      }}
      className="relative"
    >
      <label htmlFor="item-search" className="sr-only">
        Search items
      </label>
      <input
        id="item-search"
        type="search"
        inputMode="search"
        autoComplete="off"
        placeholder="Search SKU, name or barcode"
        value={text}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => send(next), SEARCH_DELAY_MS);
        }}
        className={`${CONTROL} pl-10`}
      />
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="pointer-events-none absolute left-3 top-1/2 size-5 -translate-y-1/2 text-slate-400"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
      >
        <path d="M11 18a7 7 0 100-14 7 7 0 000 14zM20 20l-4-4" strokeLinecap="round" />
      </svg>
    </form>
  );
}

type ItemFiltersProps = {
  query: ItemTableParams;
  choices: ItemFilterChoices;
  onChange: (changes: ParamChanges) => void;
  /** Shown beside the search box on wide screens (the column chooser). */
  extra?: ReactNode;
};

/** Search, the four filters and (on phones) the sort order. Every change goes back to page 1. */
export function ItemFilters({ query, choices, onChange, extra }: ItemFiltersProps) {
  const [isOpen, setIsOpen] = useState(false);
  const change = (changes: ParamChanges) => onChange({ ...changes, page: null });
  const active = [query.category, query.supplier, query.site, query.status].filter(Boolean).length;

  return (
    <div className="mb-4 space-y-2 md:grid md:grid-cols-[minmax(0,1fr)_auto] md:gap-2 md:space-y-0">
      <SearchBox value={query.q ?? ""} onSearch={(q) => change({ q })} />
      <div className="grid grid-cols-2 gap-2 md:hidden">
        <button
          type="button"
          aria-expanded={isOpen}
          aria-controls="item-filters"
          onClick={() => setIsOpen(!isOpen)}
          className="inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-3 font-medium"
        >
          Filters{active > 0 ? <span className="rounded-full bg-brand-700 px-2 text-xs text-white">{active}</span> : null}
        </button>
        <Select
          label="Sort by"
          value={`${query.sort}:${query.dir}`}
          onChange={(value) => {
            const [sort, dir] = value.split(":");
            change({ sort, dir });
          }}
        >
          {SORTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <div id="item-filters" className={`${isOpen ? "grid" : "hidden"} grid-cols-2 gap-2 md:col-span-2 md:grid md:grid-cols-4`}>
        <Select label="Category" value={query.category ?? ""} onChange={(category) => change({ category })}>
          <option value="">All categories</option>
          {choices.categories.map((path) => (
            <option key={path} value={path}>
              {path}
            </option>
          ))}
        </Select>
        <Select label="Supplier" value={query.supplier ?? ""} onChange={(supplier) => change({ supplier })}>
          <option value="">All suppliers</option>
          {choices.suppliers.map((s) => (
            <option key={s.code} value={s.code}>
              {s.code} · {s.name}
            </option>
          ))}
        </Select>
        <Select label="Site" value={query.site ?? ""} onChange={(site) => change({ site })}>
          <option value="">{choices.sites.length === 1 ? `Site ${choices.sites[0].code}` : "All my sites"}</option>
          {choices.sites.length > 1
            ? choices.sites.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.code} · {s.name}
                </option>
              ))
            : null}
        </Select>
        <Select label="Stock status" value={query.status ?? ""} onChange={(status) => change({ status })}>
          <option value="">Any stock status</option>
          <option value="out">Out of stock</option>
          <option value="low">Low stock</option>
          <option value="in">In stock</option>
        </Select>
      </div>
      {extra ? <div className="md:col-start-2 md:row-start-1">{extra}</div> : null}
    </div>
  );
}
