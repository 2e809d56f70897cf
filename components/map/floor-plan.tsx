"use client";

import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
  type Ref,
} from "react";
import { MapLegend } from "./map-legend";
import type { MapHighlight, MapOverlay, MapShape, Point, RouteStop } from "./map-types";
import { HighlightLayer, LabelLayer, RouteLayer, ShapeLayer, sortForDrawing } from "./plan-layers";
import type { Corner } from "./shape-edits";
import { fitView, pixelsPerMetre, toFloor, zoomAbout, type ViewBox, type Viewport } from "./view-box";

/** What a pointer went down on: a shape (by id) or one of the editor's resize handles. */
export type PlanTarget = { shapeId?: string; handle?: Corner };

/** Lets the editor take a one-finger drag instead of the plan panning. */
export type PlanDrag = {
  /** Return true to take the drag; the plan then reports moves to onMove instead of panning. */
  onDown(target: PlanTarget, at: Point, event: ReactPointerEvent): boolean;
  onMove(at: Point, from: Point): void;
  onUp(at: Point, from: Point): void;
};

export type FloorPlanHandle = { viewCentre(): Point; fit(): void };

type FloorPlanProps = {
  map: { width: number; height: number; shapes: MapShape[] };
  overlay?: MapOverlay | null;
  highlights?: Record<string, MapHighlight>;
  route?: RouteStop[];
  /** The location whose panel is open, outlined. */
  selectedLocation?: string | null;
  onSelectLocation?: (code: string) => void;
  /** Editor: shapes drawn by its own layer while they are being dragged. */
  hiddenIds?: ReadonlySet<string>;
  drag?: PlanDrag;
  /** Editor: a tap on a shape (shift, ctrl or cmd held: `isAdding`). Without it a tap opens the shape's location. */
  onTapShape?: (shapeId: string, isAdding: boolean) => void;
  onTapBackground?: () => void;
  /** Drawn over the shapes, in metres (the editor's selection and previews). */
  children?: ReactNode;
  label: string;
  ref?: Ref<FloorPlanHandle>;
};

/** Labels appear from this zoom on; below it the plan is colour only. */
const LABEL_PIXELS_PER_METRE = 14;
/** A pointer that travelled less than this, px, tapped rather than dragged. */
const TAP_SLOP = 8;
const NO_HIGHLIGHTS: Record<string, MapHighlight> = {};

type Gesture =
  | { kind: "none" }
  | { kind: "pan"; start: Point; view: ViewBox; port: Viewport; target: PlanTarget; location?: string; moved: boolean; isAdding?: boolean }
  | { kind: "pinch"; view: ViewBox; port: Viewport; distance: number; floor: Point }
  | { kind: "drag"; from: Point; port: Viewport };

function targetOf(element: EventTarget | null): { target: PlanTarget; location?: string } {
  const el = element instanceof Element ? element.closest("[data-shape],[data-handle]") : null;
  if (!el) return { target: {} };
  const handle = el.getAttribute("data-handle") as Corner | null;
  return {
    target: { shapeId: el.getAttribute("data-shape") ?? undefined, handle: handle ?? undefined },
    location: el.getAttribute("data-location") ?? undefined,
  };
}

function portOf(svg: SVGSVGElement): Viewport {
  const r = svg.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width || 1, height: r.height || 1 };
}

/**
 * The site's floor plan as one svg in metres. Pan and zoom write the viewBox straight to the element (once per
 * animation frame) instead of going through React, so 5,000 bins do not re-render while a finger moves; only the
 * label layer follows, when a gesture ends.
 */
export function FloorPlan({
  map,
  overlay,
  highlights = NO_HIGHLIGHTS,
  route,
  selectedLocation,
  onSelectLocation,
  hiddenIds,
  drag,
  onTapShape,
  onTapBackground,
  children,
  label,
  ref,
}: FloorPlanProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const view = useRef<ViewBox>(fitView(map.width, map.height));
  const frame = useRef(0);
  const gesture = useRef<Gesture>({ kind: "none" });
  const pointers = useRef(new Map<number, Point>());
  const [labelView, setLabelView] = useState<{ view: ViewBox; pixelsPerMetre: number } | null>(null);

  const limits = useMemo(() => ({ minW: 2, maxW: Math.max(map.width, map.height) * 4 }), [map.width, map.height]);
  const shapes = useMemo(() => sortForDrawing(map.shapes), [map.shapes]);
  const byLocation = useMemo(() => new Map(map.shapes.filter((s) => s.location).map((s) => [s.location!, s])), [map.shapes]);
  const highlighted = useMemo(() => new Set(Object.keys(highlights)), [highlights]);
  const ringSize = Math.max(map.width, map.height) / 80;

  /** After a gesture: the labels for what is now in view, or none when zoomed out. */
  const settleLabels = useCallback(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const ppm = pixelsPerMetre(view.current, portOf(svg));
    setLabelView(ppm < LABEL_PIXELS_PER_METRE ? null : { view: { ...view.current }, pixelsPerMetre: ppm });
  }, []);

  const setView = useCallback((next: ViewBox) => {
    view.current = next;
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const v = view.current;
      svgRef.current?.setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
    });
  }, []);

  const zoomAtCentre = useCallback(
    (factor: number) => {
      const svg = svgRef.current;
      if (!svg) return;
      const port = portOf(svg);
      const centre = { x: port.left + port.width / 2, y: port.top + port.height / 2 };
      setView(zoomAbout(view.current, port, factor, toFloor(view.current, port, centre), centre, limits));
      settleLabels();
    },
    [limits, setView, settleLabels],
  );

  const fit = useCallback(() => {
    setView(fitView(map.width, map.height));
    settleLabels();
  }, [map.width, map.height, setView, settleLabels]);

  useImperativeHandle(ref, () => ({ viewCentre: () => ({ x: view.current.x + view.current.w / 2, y: view.current.y + view.current.h / 2 }), fit }), [
    fit,
  ]);

  // A different map size (another site, or the editor grew it): start from the whole map again.
  useEffect(() => {
    fit();
  }, [fit]);

  // React's wheel listener is passive, and the page must not scroll while the plan zooms.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let idle = 0;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const port = portOf(svg);
      const lines = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? port.height : 1;
      const factor = Math.exp((-event.deltaY * lines) / (event.ctrlKey ? 100 : 500));
      const client = { x: event.clientX, y: event.clientY };
      setView(zoomAbout(view.current, port, factor, toFloor(view.current, port, client), client, limits));
      window.clearTimeout(idle);
      idle = window.setTimeout(settleLabels, 150);
    };
    svg.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      svg.removeEventListener("wheel", onWheel);
      window.clearTimeout(idle);
    };
  }, [limits, setView, settleLabels]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  function startPinch(svg: SVGSVGElement) {
    const [a, b] = [...pointers.current.values()];
    const port = portOf(svg);
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    gesture.current = {
      kind: "pinch",
      view: view.current,
      port,
      distance: Math.hypot(a.x - b.x, a.y - b.y) || 1,
      floor: toFloor(view.current, port, mid),
    };
  }

  function onPointerDown(event: ReactPointerEvent<SVGSVGElement>) {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    const svg = event.currentTarget;
    svg.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (gesture.current.kind === "drag") return; // a second finger during an edit drag is ignored
    if (pointers.current.size === 2) return startPinch(svg);
    if (pointers.current.size > 2) return;
    const port = portOf(svg);
    const client = { x: event.clientX, y: event.clientY };
    const at = toFloor(view.current, port, client);
    const { target, location } = targetOf(event.target);
    if (drag?.onDown(target, at, event)) {
      gesture.current = { kind: "drag", from: at, port };
      return;
    }
    gesture.current = {
      kind: "pan",
      start: client,
      view: view.current,
      port,
      target,
      location,
      moved: false,
      isAdding: event.shiftKey || event.ctrlKey || event.metaKey,
    };
  }

  function onPointerMove(event: ReactPointerEvent<SVGSVGElement>) {
    if (!pointers.current.has(event.pointerId)) return;
    const client = { x: event.clientX, y: event.clientY };
    pointers.current.set(event.pointerId, client);
    const g = gesture.current;
    if (g.kind === "drag") {
      drag?.onMove(toFloor(view.current, g.port, client), g.from);
    } else if (g.kind === "pan") {
      if (!g.moved && Math.hypot(client.x - g.start.x, client.y - g.start.y) < TAP_SLOP) return;
      g.moved = true;
      const startFloor = toFloor(g.view, g.port, g.start);
      setView(zoomAbout(g.view, g.port, 1, startFloor, client, limits));
    } else if (g.kind === "pinch" && pointers.current.size >= 2) {
      const [a, b] = [...pointers.current.values()];
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      setView(zoomAbout(g.view, g.port, Math.hypot(a.x - b.x, a.y - b.y) / g.distance, g.floor, mid, limits));
    }
  }

  function onPointerUp(event: ReactPointerEvent<SVGSVGElement>) {
    if (!pointers.current.delete(event.pointerId)) return;
    const g = gesture.current;
    const client = { x: event.clientX, y: event.clientY };
    if (g.kind === "drag") {
      if (event.type === "pointerup") drag?.onUp(toFloor(view.current, g.port, client), g.from);
      else drag?.onUp(g.from, g.from); // cancelled: no move
    } else if (g.kind === "pan" && !g.moved && event.type === "pointerup") {
      if (g.target.shapeId && onTapShape) onTapShape(g.target.shapeId, g.isAdding ?? false);
      else if (g.location && onSelectLocation) onSelectLocation(g.location);
      else onTapBackground?.();
    }
    if (g.kind === "pinch" && pointers.current.size === 1) {
      // One finger lifted: carry on panning with the other.
      const [[, rest]] = [...pointers.current.entries()];
      gesture.current = { kind: "pan", start: rest, view: view.current, port: g.port, target: {}, moved: true };
      return;
    }
    if (pointers.current.size === 0) {
      gesture.current = { kind: "none" };
      if (g.kind !== "drag") settleLabels();
    }
  }

  const v = fitView(map.width, map.height);
  const selectedShape = selectedLocation ? byLocation.get(selectedLocation) : undefined;
  return (
    <div className="space-y-2">
      <div className="relative overflow-hidden rounded-xl border border-slate-200 bg-white">
        <svg
          ref={svgRef}
          data-testid="floor-plan"
          role="img"
          aria-label={label}
          viewBox={`${v.x} ${v.y} ${v.w} ${v.h}`}
          preserveAspectRatio="xMidYMid meet"
          className="block h-[62dvh] w-full cursor-grab touch-none select-none active:cursor-grabbing md:h-[70vh]"
          style={{ touchAction: "none" }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <rect x={0} y={0} width={map.width} height={map.height} fill="#ffffff" stroke="#cbd5e1" strokeWidth={1} vectorEffect="non-scaling-stroke" />
          <ShapeLayer shapes={shapes} values={overlay?.valueByLocation} highlighted={highlighted} hiddenIds={hiddenIds} />
          {labelView ? (
            <LabelLayer shapes={shapes} view={labelView.view} pixelsPerMetre={labelView.pixelsPerMetre} values={overlay?.valueByLocation} />
          ) : null}
          {selectedShape ? (
            <rect
              x={selectedShape.x}
              y={selectedShape.y}
              width={selectedShape.width}
              height={selectedShape.height}
              transform={
                selectedShape.rotation
                  ? `rotate(${selectedShape.rotation} ${selectedShape.x + selectedShape.width / 2} ${selectedShape.y + selectedShape.height / 2})`
                  : undefined
              }
              fill="none"
              stroke="#0f172a"
              strokeWidth={3}
              vectorEffect="non-scaling-stroke"
              pointerEvents="none"
            />
          ) : null}
          <HighlightLayer byLocation={byLocation} highlights={highlights} ringSize={ringSize} />
          {route?.length ? <RouteLayer route={route} byLocation={byLocation} ringSize={ringSize} /> : null}
          {children}
        </svg>
        <div className="absolute right-2 top-2 flex flex-col gap-1">
          <ZoomButton label="Zoom in" onClick={() => zoomAtCentre(1.5)}>
            +
          </ZoomButton>
          <ZoomButton label="Zoom out" onClick={() => zoomAtCentre(1 / 1.5)}>
            −
          </ZoomButton>
          <ZoomButton label="Show the whole map" onClick={fit}>
            ⤢
          </ZoomButton>
        </div>
      </div>
      {overlay ? <MapLegend overlay={overlay} /> : null}
    </div>
  );
}

function ZoomButton({ label, onClick, children }: { label: string; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className="flex size-11 items-center justify-center rounded-lg border border-slate-300 bg-white/95 text-xl font-semibold text-slate-800 shadow-sm hover:bg-slate-100"
    >
      {children}
    </button>
  );
}
