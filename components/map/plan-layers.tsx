import { memo } from "react";
import { shapeBox } from "@/lib/routing/shape-box";
import { NO_READING } from "./map-overlays";
import type { MapHighlight, MapShape, OverlayValue, Point, RouteStop } from "./map-types";
import type { ViewBox } from "./view-box";

/** Drawn bottom to top: floor areas first, so bins stay on top of their rack and aisle. */
const KIND_ORDER: Record<MapShape["kind"], number> = { zone: 0, aisle: 1, dock: 2, rack: 3, bin: 4, door: 5, wall: 6 };

const KIND_STYLE: Record<MapShape["kind"], { fill: string; stroke: string; dash?: string }> = {
  zone: { fill: "#eef2ff", stroke: "#818cf8", dash: "6 4" },
  aisle: { fill: "#f8fafc", stroke: "#e2e8f0" },
  dock: { fill: "#bbf7d0", stroke: "#15803d" },
  rack: { fill: "#cbd5e1", stroke: "#64748b" },
  bin: { fill: "#ffffff", stroke: "#94a3b8" },
  door: { fill: "#fcd34d", stroke: "#b45309" },
  wall: { fill: "#334155", stroke: "#334155" },
};

export function sortForDrawing(shapes: MapShape[]): MapShape[] {
  return [...shapes].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

export const centreOf = (s: MapShape): Point => ({ x: s.x + s.width / 2, y: s.y + s.height / 2 });

export const turnOf = (s: MapShape) => (s.rotation ? `rotate(${s.rotation} ${s.x + s.width / 2} ${s.y + s.height / 2})` : undefined);

type ShapeLayerProps = {
  shapes: MapShape[];
  values: Record<string, OverlayValue> | undefined;
  highlighted: ReadonlySet<string>;
  hiddenIds?: ReadonlySet<string>;
};

/**
 * Every shape as a plain rect, in one pass and without per-shape state or handlers (the svg listens once and looks
 * at data-shape). Shapes are grouped by kind so the shared paint sits on the group, not on 5,000 rects. Memoised:
 * panning and zooming change the viewBox only, so this re-renders when the map, the overlay or the highlights
 * change, not on every pointer move.
 */
export const ShapeLayer = memo(function ShapeLayer({ shapes, values, highlighted, hiddenIds }: ShapeLayerProps) {
  const byKind = new Map<MapShape["kind"], MapShape[]>();
  for (const shape of shapes) {
    if (hiddenIds?.has(shape.id)) continue;
    const list = byKind.get(shape.kind);
    if (list) list.push(shape);
    else byKind.set(shape.kind, [shape]);
  }
  return (
    <g strokeWidth={1} className="[&_rect]:[vector-effect:non-scaling-stroke]">
      {[...byKind].map(([kind, list]) => {
        const style = KIND_STYLE[kind];
        return (
          <g key={kind} data-kind={kind} fill={style.fill} stroke={style.stroke} strokeDasharray={style.dash}>
            {list.map((shape) => {
              const value = shape.location ? values?.[shape.location] : undefined;
              const fill = value?.colour ?? (shape.location && values && kind === "bin" ? NO_READING : undefined);
              return (
                <rect
                  key={shape.id}
                  x={shape.x}
                  y={shape.y}
                  width={shape.width}
                  height={shape.height}
                  transform={turnOf(shape)}
                  fill={fill}
                  data-shape={shape.id}
                  data-location={shape.location}
                  data-highlighted={shape.location && highlighted.has(shape.location) ? "true" : undefined}
                />
              );
            })}
          </g>
        );
      })}
    </g>
  );
});

/** Pixels a label needs before it is worth drawing. */
const MIN_LABEL_PX = 9;

/** Codes (and the overlay's reading when there is room) of the located shapes inside `view`, when zoomed in. */
export const LabelLayer = memo(function LabelLayer({
  shapes,
  view,
  pixelsPerMetre,
  values,
}: {
  shapes: MapShape[];
  view: ViewBox;
  pixelsPerMetre: number;
  values?: Record<string, OverlayValue>;
}) {
  const labels = [];
  for (const shape of shapes) {
    if (!shape.location) continue;
    const box = shapeBox(shape);
    if (box.x > view.x + view.w || box.y > view.y + view.h || box.x + box.width < view.x || box.y + box.height < view.y) continue;
    const size = Math.min(box.height * 0.32, box.width / (shape.location.length * 0.62));
    if (size * pixelsPerMetre < MIN_LABEL_PX) continue;
    const centre = centreOf(shape);
    const reading = values?.[shape.location]?.text;
    const hasRoom = reading && box.height * pixelsPerMetre > 3.2 * size * pixelsPerMetre;
    labels.push(
      <text
        key={shape.id}
        x={centre.x}
        y={hasRoom ? centre.y - size * 0.6 : centre.y}
        fontSize={size}
        textAnchor="middle"
        dominantBaseline="central"
        fill="#0f172a"
        className="font-mono"
      >
        {shape.location}
        {hasRoom ? (
          <tspan x={centre.x} dy={size * 1.3} fontSize={size * 0.8} fill="#334155">
            {reading.split(" (")[0]}
          </tspan>
        ) : null}
      </text>,
    );
  }
  return (
    <g pointerEvents="none" aria-hidden="true">
      {labels}
    </g>
  );
});

/** "Show on map": a ring around each highlighted location and the quantity there. */
export const HighlightLayer = memo(function HighlightLayer({
  byLocation,
  highlights,
  ringSize,
}: {
  byLocation: Map<string, MapShape>;
  highlights: Record<string, MapHighlight>;
  ringSize: number;
}) {
  return (
    <g pointerEvents="none">
      {Object.entries(highlights).map(([code, highlight]) => {
        const shape = byLocation.get(code);
        if (!shape) return null;
        const box = shapeBox(shape);
        const c = centreOf(shape);
        const r = Math.max(Math.hypot(box.width, box.height) / 2 + ringSize * 0.3, ringSize);
        return (
          <g key={code} data-testid="map-highlight" data-location={code}>
            <circle cx={c.x} cy={c.y} r={r} fill="none" stroke="#dc2626" strokeWidth={3} vectorEffect="non-scaling-stroke" />
            <rect
              x={c.x + r * 0.7}
              y={c.y - r - ringSize * 0.9}
              width={ringSize * (1 + String(highlight.quantity).length * 0.6)}
              height={ringSize * 1.2}
              rx={ringSize * 0.3}
              fill="#dc2626"
            />
            <text
              x={c.x + r * 0.7 + ringSize * 0.5}
              y={c.y - r - ringSize * 0.3}
              fontSize={ringSize * 0.85}
              fill="#fff"
              dominantBaseline="central"
              fontWeight={700}
            >
              {highlight.quantity}
            </text>
          </g>
        );
      })}
    </g>
  );
});

/** A walk through the stops in order, each numbered. Codes without a shape are skipped. */
export const RouteLayer = memo(function RouteLayer({
  route,
  byLocation,
  ringSize,
}: {
  route: RouteStop[];
  byLocation: Map<string, MapShape>;
  ringSize: number;
}) {
  const points = route.flatMap((stop) => {
    if (typeof stop !== "string") return [stop];
    const shape = byLocation.get(stop);
    return shape ? [centreOf(shape)] : [];
  });
  if (points.length === 0) return null;
  return (
    <g pointerEvents="none" data-testid="map-route">
      <polyline
        points={points.map((p) => `${p.x},${p.y}`).join(" ")}
        fill="none"
        stroke="#7c3aed"
        strokeWidth={3}
        strokeLinejoin="round"
        vectorEffect="non-scaling-stroke"
      />
      {points.map((p, i) => (
        <g key={i}>
          <circle cx={p.x} cy={p.y} r={ringSize * 0.6} fill="#7c3aed" />
          <text x={p.x} y={p.y} fontSize={ringSize * 0.7} fill="#fff" textAnchor="middle" dominantBaseline="central" fontWeight={700}>
            {i + 1}
          </text>
        </g>
      ))}
    </g>
  );
});
