"use client";

import type { LevelView } from "@/lib/ledger/schemas";
import { loadSnapshot } from "./offline-store";
import { callApi, Offline } from "@/lib/http/api-client";

export type StockRows = { rows: LevelView[]; isFromDevice: boolean };

/** Stock at a location or of an item at the site: from the server, else from the site's synced copy. */
export async function readStock(site: string, filter: { location: string } | { sku: string }): Promise<StockRows> {
  const query =
    "location" in filter
      ? `location=${encodeURIComponent(filter.location)}`
      : `sku=${encodeURIComponent(filter.sku)}&site=${encodeURIComponent(site)}`;
  try {
    const answer = await callApi<{ data: LevelView[] }>(`/api/v1/stock?${query}&limit=500`);
    if (answer.ok) return { rows: answer.data.data.filter((row) => row.onHand > 0), isFromDevice: false };
  } catch (error) {
    if (!(error instanceof Offline)) throw error;
  }
  const snapshot = await loadSnapshot(site);
  const levels = (snapshot?.levels ?? []).filter((level) =>
    "location" in filter ? level.location === filter.location : level.sku.toLowerCase() === filter.sku.toLowerCase(),
  );
  return { rows: levels.map((level) => ({ ...level, reserved: 0, available: level.onHand })), isFromDevice: true };
}
