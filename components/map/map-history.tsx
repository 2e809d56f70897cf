"use client";

import { memo } from "react";
import type { MapVersion } from "./map-types";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** Who saved the map when, newest first. */
export const MapHistory = memo(function MapHistory({ versions, current }: { versions: MapVersion[] | null; current: number }) {
  if (!versions) return <p className="text-sm text-slate-500">Loading history…</p>;
  if (versions.length === 0) return <p className="text-sm text-slate-600">Not saved yet.</p>;
  return (
    <ol className="max-h-64 divide-y divide-slate-100 overflow-auto text-sm" data-testid="map-history">
      {[...versions]
        .sort((a, b) => b.version - a.version)
        .map((v) => (
          <li key={v.version} className="flex flex-wrap items-baseline justify-between gap-x-2 py-2">
            <span>
              <span className="font-medium">v{v.version}</span> {v.savedBy}
              {v.version === current ? <span className="ml-1 text-xs text-slate-500">(current)</span> : null}
              {v.note ? <span className="block text-xs text-slate-500">{v.note}</span> : null}
            </span>
            <time dateTime={v.savedAt} className="text-slate-500">
              {when.format(new Date(v.savedAt))}
            </time>
          </li>
        ))}
    </ol>
  );
});
