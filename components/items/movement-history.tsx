"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import type { MovementView } from "@/lib/ledger/schemas";

const PAGE = 20;
const number = new Intl.NumberFormat("en");

const KINDS: Record<string, { label: string; tone: BadgeTone }> = {
  receive: { label: "Received", tone: "green" },
  return: { label: "Returned", tone: "green" },
  found: { label: "Found", tone: "green" },
  transfer_receive: { label: "Transfer in", tone: "green" },
  issue: { label: "Issued", tone: "blue" },
  transfer_ship: { label: "Transfer out", tone: "blue" },
  move: { label: "Moved", tone: "slate" },
  count: { label: "Counted", tone: "slate" },
  scrap: { label: "Scrapped", tone: "red" },
  damage: { label: "Damaged", tone: "red" },
  loss: { label: "Lost", tone: "red" },
  reversal: { label: "Reversal", tone: "amber" },
};

type MovementHistoryProps = {
  sku: string;
  initial: MovementView[];
  initialCursor: string | null;
  /** The server's time zone, so times read the same before and after hydration (and as on the dashboard). */
  timeZone: string;
};

/**
 * An item's movements, newest first: the first page comes from the server, later ones from
 * GET /api/v1/movements (the session cookie signs the request) when the end of the list scrolls into view,
 * or when "Load more" is pressed where IntersectionObserver is missing.
 */
export function MovementHistory({ sku, initial, initialCursor, timeZone }: MovementHistoryProps) {
  const [movements, setMovements] = useState(initial);
  const [cursor, setCursor] = useState(initialCursor);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const end = useRef<HTMLDivElement>(null);
  const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone });

  const loadMore = useCallback(async () => {
    if (!cursor || busy.current) return;
    busy.current = true;
    setIsLoading(true);
    setError(null);
    try {
      const params = new URLSearchParams({ sku, cursor, limit: String(PAGE) });
      const response = await fetch(`/api/v1/movements?${params}`, { credentials: "same-origin", headers: { accept: "application/json" } });
      if (response.status === 401) throw new Error("Your session has ended: sign in again to see older movements.");
      if (!response.ok) throw new Error("Older movements could not be loaded.");
      const page = (await response.json()) as { data: MovementView[]; nextCursor: string | null };
      setMovements((shown) => [...shown, ...page.data]);
      setCursor(page.nextCursor);
    } catch (caught) {
      setError(caught instanceof TypeError ? "No connection: older movements could not be loaded." : (caught as Error).message);
    } finally {
      busy.current = false;
      setIsLoading(false);
    }
  }, [cursor, sku]);

  useEffect(() => {
    const target = end.current;
    if (!target || !cursor || error || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void loadMore();
      },
      { rootMargin: "200px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [cursor, error, loadMore]);

  if (movements.length === 0) {
    return <EmptyState title="No movements yet">Receipts, moves, issues and counts of this item will show here.</EmptyState>;
  }
  return (
    <div>
      <ol className="divide-y divide-slate-100" data-testid="movement-history">
        {movements.map((m) => {
          const kind = KINDS[m.kind] ?? { label: m.kind, tone: "slate" as const };
          return (
            <li key={m.id} className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1 py-3">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <Badge tone={kind.tone}>{kind.label}</Badge>
                {/* Codes never break inside; the line may break at the arrow. */}
                <span className="font-mono text-sm">
                  <span className="whitespace-nowrap">{m.from}</span> → <span className="whitespace-nowrap">{m.to}</span>
                </span>
              </p>
              <p className="text-right font-semibold tabular-nums">{number.format(m.quantity)}</p>
              <p className="col-span-2 text-sm text-slate-600 sm:col-span-1">
                {[m.lot ? `lot ${m.lot}` : null, m.serials.length > 0 ? `${m.serials.length} serials` : null, m.reason, m.reference, m.actor]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              <time dateTime={m.at} className="col-span-2 text-xs text-slate-500 sm:col-span-1 sm:text-right">
                {time.format(new Date(m.at))}
              </time>
              {m.note ? <p className="col-span-2 text-sm text-slate-500">{m.note}</p> : null}
            </li>
          );
        })}
      </ol>
      <div ref={end} className="pt-3 text-center">
        {isLoading ? (
          <p role="status" className="flex min-h-11 items-center justify-center gap-2 text-sm text-slate-600">
            <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-brand-700 border-t-transparent" />
            Loading older movements…
          </p>
        ) : error ? (
          <div role="alert" className="space-y-2 text-sm text-red-800">
            <p>{error}</p>
            <Button variant="secondary" onClick={() => void loadMore()}>
              Try again
            </Button>
          </div>
        ) : cursor ? (
          <Button variant="secondary" onClick={() => void loadMore()}>
            Load more
          </Button>
        ) : movements.length > PAGE ? (
          <p className="text-sm text-slate-500">That is every movement.</p>
        ) : null}
      </div>
    </div>
  );
}
