import type { LevelView } from "@/lib/ledger/schemas";
import type { MapShape, MapVersion, SiteMap } from "./map-types";

/** A refusal from the API as problem JSON (RFC 9457), or status 0 when the network is not there. */
/** `code` is the domain error's stable code (map_version_stale…); `currentVersion` comes with map_version_stale. */
export type Problem = { status: number; code?: string; title?: string; detail?: string; currentVersion?: number; errors?: { field: string; message: string }[] };
export type Answer<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/** Plain HTTP on a warehouse LAN offers no crypto.randomUUID, hence the fallback. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function" && isSecureContext) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function request<T>(url: string, method: "GET" | "POST" | "PUT" = "GET", body?: unknown): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  // Every write carries its own key, so a retry after a lost answer is not applied twice.
  if (method !== "GET") headers["idempotency-key"] = newIdempotencyKey();
  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { ok: false, problem: { status: 0, title: "No connection", detail: "Check the Wi-Fi and try again." } };
  }
  const json = await response.json().catch(() => ({ title: response.statusText }));
  return response.ok ? { ok: true, data: json as T } : { ok: false, problem: { status: response.status, ...json } };
}

const siteUrl = (site: string) => `/api/v1/sites/${encodeURIComponent(site)}/map`;

export const getSiteMap = (site: string) => request<SiteMap>(siteUrl(site));

export const saveSiteMap = (site: string, map: { width: number; height: number; shapes: MapShape[]; version: number }) =>
  request<SiteMap>(siteUrl(site), "PUT", { width: map.width, height: map.height, unit: "m", shapes: map.shapes, version: map.version });

/** `version` is the current one, the version being undone; another is a 409. */
export const undoSiteMap = (site: string, version: number) => request<SiteMap>(`${siteUrl(site)}/undo`, "POST", { version });

export const listMapVersions = (site: string) => request<{ data: MapVersion[] }>(`${siteUrl(site)}/versions`);

export const createLocation = (input: { code: string; name: string; type: "bin" | "rack" | "aisle" | "zone"; parent: string }) =>
  request<{ code: string }>("/api/v1/locations", "POST", input);

/**
 * Where an item is at one site, for "show on map". Reads GET /api/v1/stock (sku and site filters), which exists
 * today; GET /api/v1/items/{sku}/locations would answer the same with shape sizes, once it is there.
 */
export const listItemStockAtSite = (sku: string, site: string) =>
  request<{ data: LevelView[] }>(`/api/v1/stock?sku=${encodeURIComponent(sku)}&site=${encodeURIComponent(site)}&limit=1000`);

export const listStockAt = (location: string) => request<{ data: LevelView[] }>(`/api/v1/stock?location=${encodeURIComponent(location)}&limit=200`);

/** One line for a person: the detail when the API gave one. */
export function problemText(problem: Problem): string {
  return problem.detail ?? problem.title ?? `The server answered ${problem.status}`;
}
