"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the page (its server components) when someone else moves stock it shows: the item's SKU or one
 * of the locations (or anything whose code starts with one: bins beneath a zone). Listens to /api/v1/events/stream; several events in a row cause one refresh.
 */
export function LiveRefresh({ skus = [], locations = [] }: { skus?: string[]; locations?: string[] }) {
  const router = useRouter();
  const watched = JSON.stringify({ skus, locations });
  useEffect(() => {
    const { skus: watchedSkus, locations: watchedLocations } = JSON.parse(watched) as { skus: string[]; locations: string[] };
    let pending: ReturnType<typeof setTimeout> | undefined;
    const source = new EventSource("/api/v1/events/stream");
    source.addEventListener("stock.moved", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as { skus: string[]; locations: string[] };
      const concernsPage =
        event.skus.some((sku) => watchedSkus.includes(sku)) || event.locations.some((code) => watchedLocations.some((w) => code.startsWith(w)));
      if (!concernsPage || pending) return;
      pending = setTimeout(() => {
        pending = undefined;
        router.refresh();
      }, 150);
    });
    return () => {
      source.close();
      clearTimeout(pending);
    };
  }, [router, watched]);
  return null;
}
