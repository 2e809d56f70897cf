export type SearchHit = {
  type: "item" | "location" | "lot" | "serial";
  sku?: string;
  name?: string;
  code?: string;
  score: number;
  stock?: { location: string; onHand: number }[];
};

/** Where a result opens: the item page, the location page, or the trace of a lot or serial. */
export function hitHref(hit: SearchHit): string {
  const sku = hit.sku ? `&sku=${encodeURIComponent(hit.sku)}` : "";
  switch (hit.type) {
    case "item":
      return `/items/${encodeURIComponent(hit.sku ?? "")}`;
    case "location":
      return `/locations/${encodeURIComponent(hit.code ?? "")}`;
    case "lot":
      return `/trace?lot=${encodeURIComponent(hit.code ?? "")}${sku}`;
    case "serial":
      return `/trace?serial=${encodeURIComponent(hit.code ?? "")}${sku}`;
  }
}

/** "Show on map": the plan with the location, or every bin holding the item, ringed (the map page finds the site). */
export function mapHref(hit: SearchHit): string | null {
  if (hit.type === "location" && hit.code) return `/locations/map?focus=${encodeURIComponent(hit.code)}`;
  if (!hit.sku || !hit.stock?.length) return null;
  return `/locations/map?highlight=${encodeURIComponent(hit.sku)}`;
}

export function hitTitle(hit: SearchHit): string {
  if (hit.type === "item") return `${hit.sku} · ${hit.name ?? ""}`;
  if (hit.type === "location") return `${hit.code} · ${hit.name ?? "location"}`;
  return `${hit.type === "lot" ? "Lot" : "Serial"} ${hit.code}${hit.sku ? ` · ${hit.sku}` : ""}`;
}
