"use client";

import Link from "next/link";
import type { MouseEvent } from "react";

type PagerProps = {
  page: number;
  pageCount: number;
  /** The URL of a page, so each step is a real link: it opens in a new tab and can be shared. */
  hrefFor: (page: number) => string;
  /** Takes over a plain click (e.g. to navigate inside a transition); modified clicks stay with the browser. */
  onNavigate?: (href: string) => void;
  className?: string;
};

const STEP =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-3 font-medium text-slate-900 hover:bg-slate-100";
const DISABLED = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg border border-slate-200 px-3 font-medium text-slate-400";

/** Previous and next page, with "Page x of y" between them. */
export function Pager({ page, pageCount, hrefFor, onNavigate, className = "" }: PagerProps) {
  const last = Math.max(pageCount, 1);
  const follow = (href: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (!onNavigate || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    onNavigate(href);
  };
  const step = (target: number, label: string, text: string) =>
    target >= 1 && target <= last && target !== page ? (
      <Link href={hrefFor(target)} onClick={follow(hrefFor(target))} className={STEP} aria-label={label} scroll={false}>
        {text}
      </Link>
    ) : (
      <span className={DISABLED} aria-hidden>
        {text}
      </span>
    );
  return (
    <nav aria-label="Pages" className={`flex items-center gap-2 ${className}`}>
      {step(1, "First page", "«")}
      {step(Math.min(page - 1, last), "Previous page", "‹")}
      <span className="px-2 text-sm tabular-nums text-slate-700" aria-current="page">
        Page {page} of {last}
      </span>
      {step(page + 1, "Next page", "›")}
      {step(last, "Last page", "»")}
    </nav>
  );
}
