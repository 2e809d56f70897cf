import { callApi, newIdempotencyKey, Offline, type Problem as ApiProblem } from "@/lib/http/api-client";
import type { LevelView } from "@/lib/ledger/schemas";
import type { MapShape, MapVersion, SiteMap } from "./map-types";

/** A refusal from the API, or status 0 when the network is not there; `currentVersion` comes with map_version_stale. */
export type Problem = ApiProblem & { currentVersion?: number };
export type Answer<T> = { ok: true; data: T } | { ok: false; problem: Problem };

async function request<T>(url: string, method: "GET" | "POST" | "PUT" = "GET", body?: unknown): Promise<Answer<T>> {
  // Every write carries its own key, so a retry after a lost answer is not applied twice.
  const headers: Record<string, string> = method === "GET" ? {} : { "idempotency-key": newIdempotencyKey() };
  try {
    return await callApi<T>(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    if (!(error instanceof Offline)) throw error;
    return { ok: false, problem: { status: 0, title: "No connection", detail: "Check the Wi-Fi and try again." } };
  }
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
 * Where an item is at one site, for "show on map": GET /api/v1/stock narrowed by sku and site (the plan already has
 * the shapes, so /api/v1/items/{sku}/locations, which adds them and covers every site, would send more for nothing).
 */
export const listItemStockAtSite = (sku: string, site: string) =>
  request<{ data: LevelView[] }>(`/api/v1/stock?sku=${encodeURIComponent(sku)}&site=${encodeURIComponent(site)}&limit=1000`);

export const listStockAt = (location: string) => request<{ data: LevelView[] }>(`/api/v1/stock?location=${encodeURIComponent(location)}&limit=200`);
