"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { FloorPlan } from "./floor-plan";
import { problemText } from "@/lib/http/api-client";
import { getSiteMap, listItemStockAtSite } from "./map-api";
import { buildOverlays } from "./map-overlays";
import type { BinSummary, MapHighlight, RouteStop, SiteLocation, SiteMap } from "./map-types";
import { LocationPanel } from "./location-panel";
import { MapEditor } from "./map-editor";

type Props = {
  sites: { code: string; name: string }[];
  site: string;
  /** The saved map when the page could load it; otherwise it is fetched here. */
  initialMap: SiteMap | null;
  bins: BinSummary[];
  locations: SiteLocation[];
  canManage: boolean;
  highlightSku?: string;
  route?: RouteStop[];
  /** A location to open at once (a search result's "show on map"). */
  focus?: string;
};

type Found = { sku: string; highlights: Record<string, MapHighlight>; error?: string };

/** The site's floor plan with its overlays, "show on map" for an item, a location's contents, and the editor. */
export function SiteMapScreen({ sites, site, initialMap, bins, locations, canManage, highlightSku, route, focus }: Props) {
  const router = useRouter();
  const [map, setMap] = useState<SiteMap | null>(initialMap);
  const [loadError, setLoadError] = useState<string | null>(null);
  const overlays = useMemo(() => buildOverlays(bins), [bins]);
  const [overlayId, setOverlayId] = useState(overlays[0]?.id ?? "");
  const overlay = overlays.find((o) => o.id === overlayId) ?? null;
  const [selectedLocation, setSelectedLocation] = useState<string | null>(focus ?? null);
  const [isEditing, setEditing] = useState(false);
  const [found, setFound] = useState<Found | null>(null);

  useEffect(() => {
    if (initialMap) return;
    let isCurrent = true;
    getSiteMap(site).then((answer) => {
      if (!isCurrent) return;
      if (answer.ok) setMap(answer.data);
      else setLoadError(problemText(answer.problem));
    });
    return () => {
      isCurrent = false;
    };
  }, [site, initialMap]);

  useEffect(() => {
    if (!highlightSku) return;
    let isCurrent = true;
    listItemStockAtSite(highlightSku, site).then((answer) => {
      if (!isCurrent) return;
      if (!answer.ok) return setFound({ sku: highlightSku, highlights: {}, error: problemText(answer.problem) });
      const highlights: Record<string, MapHighlight> = {};
      for (const row of answer.data.data) {
        if (row.onHand <= 0) continue;
        highlights[row.location] = { quantity: (highlights[row.location]?.quantity ?? 0) + row.onHand };
      }
      setFound({ sku: highlightSku, highlights });
    });
    return () => {
      isCurrent = false;
    };
  }, [highlightSku, site]);

  const closePanel = useCallback(() => setSelectedLocation(null), []);
  const onLocationsCreated = useCallback(() => router.refresh(), [router]);
  const highlights = found?.sku === highlightSku ? found?.highlights : undefined;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm font-medium text-slate-800">
          Site
          <select
            value={site}
            onChange={(e) => router.push(`/locations/map?site=${encodeURIComponent(e.target.value)}`)}
            className="mt-1 block min-h-11 rounded-lg border border-slate-300 bg-white px-3"
            disabled={isEditing}
          >
            {sites.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} – {s.name}
              </option>
            ))}
          </select>
        </label>
        {!isEditing && overlays.length > 0 ? (
          <fieldset className="flex flex-wrap gap-1" aria-label="Colour bins by">
            {overlays.map((o) => (
              <Button
                key={o.id}
                type="button"
                variant={o.id === overlayId ? "primary" : "secondary"}
                aria-pressed={o.id === overlayId}
                onClick={() => setOverlayId(o.id)}
              >
                {o.label}
              </Button>
            ))}
          </fieldset>
        ) : null}
        {canManage && map && !isEditing ? (
          <Button
            type="button"
            variant="secondary"
            className="ml-auto"
            onClick={() => {
              setSelectedLocation(null);
              setEditing(true);
            }}
          >
            Edit map
          </Button>
        ) : null}
      </div>

      {found && highlightSku ? <FoundSummary found={found} map={map} /> : null}

      {loadError ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          Could not load the map: {loadError}
        </p>
      ) : !map ? (
        <p className="text-sm text-slate-500">Loading the map…</p>
      ) : isEditing ? (
        <MapEditor
          site={site}
          map={map}
          locations={locations}
          onMapChanged={setMap}
          onLocationsCreated={onLocationsCreated}
          onClose={() => setEditing(false)}
        />
      ) : map.shapes.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-6 text-center">
          <p className="font-medium">No map of {site} yet</p>
          <p className="mt-1 text-sm text-slate-600">{canManage ? "Choose Edit map to draw one." : "Ask a manager to draw one."}</p>
        </div>
      ) : (
        <div className={`grid gap-4 ${selectedLocation ? "md:grid-cols-[1fr_20rem]" : ""}`}>
          <div className="min-w-0">
            <FloorPlan
              label={`Floor plan of ${site}`}
              map={map}
              overlay={overlay}
              highlights={highlights}
              route={route}
              selectedLocation={selectedLocation}
              onSelectLocation={setSelectedLocation}
              onTapBackground={closePanel}
            />
          </div>
          {selectedLocation ? (
            <LocationPanel code={selectedLocation} reading={overlay?.valueByLocation[selectedLocation]?.text} onClose={closePanel} />
          ) : null}
        </div>
      )}
    </div>
  );
}

function FoundSummary({ found, map }: { found: Found; map: SiteMap | null }) {
  if (found.error)
    return (
      <p role="alert" className="text-sm text-red-700">
        Could not find {found.sku}: {found.error}
      </p>
    );
  const codes = Object.keys(found.highlights);
  if (codes.length === 0)
    return (
      <p className="text-sm text-slate-700" data-testid="highlight-summary">
        No stock of <span className="font-mono">{found.sku}</span> at this site.
      </p>
    );
  const total = codes.reduce((sum, code) => sum + found.highlights[code].quantity, 0);
  const placed = new Set(map?.shapes.flatMap((s) => (s.location ? [s.location] : [])));
  const missing = codes.filter((code) => !placed.has(code));
  return (
    <p className="text-sm text-slate-700" data-testid="highlight-summary">
      <span className="font-mono">{found.sku}</span>: {total} on hand in {codes.length} {codes.length === 1 ? "location" : "locations"}, ringed on the
      plan.
      {map && missing.length ? ` Not on the map: ${missing.join(", ")}.` : ""}
    </p>
  );
}
