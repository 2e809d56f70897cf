import type { MapOverlay } from "./map-types";

export function MapLegend({ overlay }: { overlay: MapOverlay }) {
  return (
    <div data-testid="map-legend" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700">
      <span className="font-medium">{overlay.label}:</span>
      {overlay.legend.map((entry) => (
        <span key={entry.label} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-4 rounded border border-slate-300" style={{ backgroundColor: entry.colour }} />
          {entry.label}
        </span>
      ))}
    </div>
  );
}
