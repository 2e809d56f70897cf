"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { Button } from "@/components/ui/button";
import type { RackBins } from "@/lib/maps/generate-rack-bins";
import { FloorPlan, type FloorPlanHandle, type PlanDrag, type PlanTarget } from "./floor-plan";
import { problemText } from "@/lib/http/api-client";
import { getSiteMap, listMapVersions, saveSiteMap, undoSiteMap, type Problem } from "./map-api";
import { MapHistory } from "./map-history";
import type { MapShape, MapVersion, Point, SiteLocation, SiteMap } from "./map-types";
import { RackDialog } from "./rack-dialog";
import { SelectionLayer } from "./selection-layer";
import { ShapeInspector } from "./shape-inspector";
import {
  alignShapes,
  DEFAULT_SIZE,
  deleteShapes,
  GRID,
  mergeShapes,
  moveShapes,
  newShape,
  resizeShape,
  rotateShapes,
  type Corner,
  type ShapeKind,
} from "./shape-edits";
import { onShapes, useMapDraft, type Draft } from "./use-map-draft";

type DragState = { kind: "move"; delta: Point } | { kind: "resize"; id: string; corner: Corner; delta: Point };
type Notice = { tone: "info" | "error"; text: string; lines?: string[]; isConflict?: boolean };

const NO_SELECTION: ReadonlySet<string> = new Set();

/** Someone else saved the map since this editor loaded it. */
const isStale = (problem: Problem) => problem.status === 409 && problem.code !== "map_nothing_to_undo";

function conflictText(problem: Problem): string {
  const now = problem.currentVersion ?? Number(problem.detail?.match(/version (\d+)/i)?.[1] ?? NaN);
  return `Someone else changed this map while you were editing${Number.isFinite(now) ? ` (it is now at version ${now})` : ""}. Reload it to see their change; your unsaved changes will be lost.`;
}

/**
 * The map editor: select, drag (snapped to the half-metre grid), resize, turn, align, delete and add shapes,
 * attach them to locations, lay out racks in bulk; saves with the version it started from, so a second editor's
 * save is refused (409) rather than overwritten.
 */
export function MapEditor({
  site,
  map,
  locations,
  onMapChanged,
  onLocationsCreated,
  onClose,
}: {
  site: string;
  map: SiteMap;
  locations: SiteLocation[];
  onMapChanged: (map: SiteMap) => void;
  onLocationsCreated: () => void;
  onClose: () => void;
}) {
  const { draft, isDirty, edit, undoEdit, discard } = useMapDraft(map);
  const [selected, setSelected] = useState<ReadonlySet<string>>(NO_SELECTION);
  const [dragState, setDragState] = useState<DragState | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [versions, setVersions] = useState<MapVersion[] | null>(null);
  const [addKind, setAddKind] = useState<ShapeKind>("bin");
  /** Where the bulk-create block starts; null while the dialog is closed. */
  const [rackOrigin, setRackOrigin] = useState<Point | null>(null);
  const [rackPreview, setRackPreview] = useState<RackBins | null>(null);
  const plan = useRef<FloorPlanHandle>(null);
  const latest = useRef({ draft, selected, dragState });
  useEffect(() => {
    latest.current = { draft, selected, dragState };
  });

  useEffect(() => {
    let isCurrent = true;
    listMapVersions(site).then((answer) => isCurrent && setVersions(answer.ok ? answer.data.data : []));
    return () => {
      isCurrent = false;
    };
  }, [site, map.version]);

  const selectedShapes = useMemo(() => draft.shapes.filter((s) => selected.has(s.id)), [draft.shapes, selected]);

  /** Where the selection is drawn: at the drag's snapped position while dragging. */
  const shownSelection = useMemo(() => {
    if (!dragState) return selectedShapes;
    if (dragState.kind === "move") return moveShapes(selectedShapes, selected, dragState.delta);
    return selectedShapes.map((s) => (s.id === dragState.id ? resizeShape(s, dragState.corner, dragState.delta) : s));
  }, [dragState, selectedShapes, selected]);

  const drag: PlanDrag = useMemo(
    () => ({
      onDown(target: PlanTarget, _at: Point, event: ReactPointerEvent) {
        const { selected: current } = latest.current;
        if (!target.shapeId || event.shiftKey || event.ctrlKey || event.metaKey) return false;
        // Only a selected shape drags; on anything else one finger pans, so a plan full of zones can still move.
        if (!current.has(target.shapeId)) return false;
        setDragState(
          target.handle
            ? { kind: "resize", id: target.shapeId, corner: target.handle, delta: { x: 0, y: 0 } }
            : { kind: "move", delta: { x: 0, y: 0 } },
        );
        return true;
      },
      onMove(at: Point, from: Point) {
        setDragState((d) => (d ? { ...d, delta: { x: at.x - from.x, y: at.y - from.y } } : d));
      },
      onUp(at: Point, from: Point) {
        const { dragState: d, selected: current } = latest.current;
        setDragState(null);
        if (!d) return;
        const delta = { x: at.x - from.x, y: at.y - from.y };
        if (d.kind === "move") edit(onShapes((shapes) => moveShapes(shapes, current, delta)));
        else edit(onShapes((shapes) => shapes.map((s) => (s.id === d.id ? resizeShape(s, d.corner, delta) : s))));
      },
    }),
    [edit],
  );

  const onTapShape = useCallback((id: string, isAdding: boolean) => {
    setSelected((current) => {
      if (!isAdding) return new Set([id]);
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const save = useCallback(
    async (toSave: Draft) => {
      setBusy(true);
      setNotice({ tone: "info", text: "Saving…" });
      const answer = await saveSiteMap(site, { ...toSave, version: map.version });
      setBusy(false);
      if (answer.ok) {
        setNotice({ tone: "info", text: `Saved as version ${answer.data.version}.` });
        onMapChanged(answer.data);
      } else if (isStale(answer.problem)) {
        setNotice({ tone: "error", isConflict: true, text: conflictText(answer.problem) });
      } else if (answer.problem.errors?.length) {
        const lines = answer.problem.errors.map((e) => {
          const index = /^shapes\.(\d+)/.exec(e.field)?.[1];
          const shape = index === undefined ? undefined : toSave.shapes[Number(index)];
          return shape ? `${shape.location ?? shape.id}: ${e.message}` : `${e.field}: ${e.message}`;
        });
        const ids = answer.problem.errors.flatMap((e) => {
          const index = /^shapes\.(\d+)/.exec(e.field)?.[1];
          const shape = index === undefined ? undefined : toSave.shapes[Number(index)];
          return shape ? [shape.id] : [];
        });
        if (ids.length) setSelected(new Set(ids));
        setNotice({ tone: "error", text: "The map was not saved:", lines });
      } else {
        setNotice({ tone: "error", text: `The map was not saved: ${problemText(answer.problem)}` });
      }
    },
    [site, map.version, onMapChanged],
  );

  const reload = useCallback(async () => {
    setBusy(true);
    const answer = await getSiteMap(site);
    setBusy(false);
    if (answer.ok) {
      setSelected(NO_SELECTION);
      setNotice({ tone: "info", text: `Reloaded version ${answer.data.version}.` });
      onMapChanged(answer.data);
    } else setNotice({ tone: "error", text: problemText(answer.problem) });
  }, [site, onMapChanged]);

  /** Takes back the last unsaved edit; with none, asks the server to undo the last saved version. */
  const undo = useCallback(async () => {
    if (isDirty) return undoEdit();
    if (map.version === 0) return;
    setBusy(true);
    const answer = await undoSiteMap(site, map.version);
    setBusy(false);
    if (answer.ok) {
      setSelected(NO_SELECTION);
      setNotice({ tone: "info", text: `Undone: the map is back as version ${answer.data.version}.` });
      onMapChanged(answer.data);
    } else if (isStale(answer.problem)) {
      setNotice({ tone: "error", isConflict: true, text: conflictText(answer.problem) });
    } else setNotice({ tone: "error", text: `Could not undo: ${problemText(answer.problem)}` });
  }, [isDirty, undoEdit, map.version, site, onMapChanged]);

  const removeSelection = useCallback(() => {
    edit(onShapes((shapes) => deleteShapes(shapes, latest.current.selected)));
    setSelected(NO_SELECTION);
  }, [edit]);

  // Desktop shortcuts; left alone while someone types in a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, select, textarea, [contenteditable]")) return;
      const ids = latest.current.selected;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
        event.preventDefault();
        void undo();
      } else if ((event.key === "Delete" || event.key === "Backspace") && ids.size) {
        event.preventDefault();
        removeSelection();
      } else if (event.key.startsWith("Arrow") && ids.size) {
        event.preventDefault();
        const step = { ArrowLeft: { x: -GRID, y: 0 }, ArrowRight: { x: GRID, y: 0 }, ArrowUp: { x: 0, y: -GRID }, ArrowDown: { x: 0, y: GRID } }[
          event.key
        ];
        if (step) edit(onShapes((shapes) => moveShapes(shapes, ids, step)));
      } else if (event.key === "Escape") {
        setSelected(NO_SELECTION);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [edit, undo, removeSelection]);

  function addShape() {
    const centre = plan.current?.viewCentre() ?? { x: draft.width / 2, y: draft.height / 2 };
    const inside = { x: Math.min(Math.max(centre.x, 0), draft.width), y: Math.min(Math.max(centre.y, 0), draft.height) };
    const shape = newShape(addKind, inside, draft.shapes);
    edit(onShapes((shapes) => [...shapes, shape]));
    setSelected(new Set([shape.id]));
  }

  const onRackCreated = useCallback(
    async (layout: RackBins) => {
      const current = latest.current.draft;
      const next: Draft = {
        width: Math.max(current.width, Math.ceil(layout.extent.width)),
        height: Math.max(current.height, Math.ceil(layout.extent.height)),
        shapes: mergeShapes(current.shapes, layout.shapes),
      };
      edit(() => next);
      setRackOrigin(null);
      onLocationsCreated();
      await save(next);
    },
    [edit, save, onLocationsCreated],
  );

  const changeShape = useCallback(
    (id: string, change: (shape: MapShape) => MapShape) => edit(onShapes((shapes) => shapes.map((s) => (s.id === id ? change(s) : s)))),
    [edit],
  );

  function leave() {
    if (isDirty && !window.confirm("Leave the editor and lose your unsaved changes?")) return;
    discard();
    onClose();
  }

  const hasSelection = selected.size > 0;
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
      <div className="min-w-0 space-y-2">
        <div role="toolbar" aria-label="Map editor" className="flex flex-wrap gap-2">
          <Button type="button" onClick={() => save(draft)} disabled={isBusy || (!isDirty && map.version > 0)}>
            Save map
          </Button>
          <Button type="button" variant="secondary" onClick={undo} disabled={isBusy || (!isDirty && map.version === 0)}>
            Undo last change
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => setRackOrigin(plan.current?.viewCentre() ?? { x: 0, y: 0 })}
            disabled={isBusy || rackOrigin !== null}
          >
            Bulk create rack
          </Button>
          <Button type="button" variant="ghost" onClick={leave}>
            Done
          </Button>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="sr-only">Kind of shape to add</span>
            <select
              value={addKind}
              onChange={(e) => setAddKind(e.target.value as ShapeKind)}
              className="min-h-11 rounded-lg border border-slate-300 bg-white px-3"
            >
              {(Object.keys(DEFAULT_SIZE) as ShapeKind[]).map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <Button type="button" variant="secondary" onClick={addShape}>
            Add shape
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => edit(onShapes((s) => rotateShapes(s, selected, -90)))}
            disabled={!hasSelection}
            aria-label="Rotate left 90°"
          >
            ⟲ 90°
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => edit(onShapes((s) => rotateShapes(s, selected, 90)))}
            disabled={!hasSelection}
            aria-label="Rotate right 90°"
          >
            ⟳ 90°
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => edit(onShapes((s) => alignShapes(s, selected, "left")))}
            disabled={selected.size < 2}
          >
            Align left
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => edit(onShapes((s) => alignShapes(s, selected, "top")))}
            disabled={selected.size < 2}
          >
            Align top
          </Button>
          <Button type="button" variant="danger" onClick={removeSelection} disabled={!hasSelection}>
            Delete
          </Button>
        </div>
        {notice ? (
          <div
            role={notice.tone === "error" ? "alert" : "status"}
            className={`rounded-lg p-3 text-sm ${notice.tone === "error" ? "bg-red-50 text-red-800" : "bg-slate-100 text-slate-700"}`}
            data-testid="map-notice"
          >
            <p>{notice.text}</p>
            {notice.lines ? (
              <ul className="mt-1 list-disc pl-5">
                {notice.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
            {notice.isConflict ? (
              <Button type="button" variant="secondary" className="mt-2" onClick={reload} disabled={isBusy}>
                Reload map
              </Button>
            ) : null}
          </div>
        ) : null}
        <FloorPlan
          ref={plan}
          label={`Floor plan of ${site}, editing`}
          map={draft}
          hiddenIds={dragState ? selected : undefined}
          drag={drag}
          onTapShape={onTapShape}
          onTapBackground={() => setSelected(NO_SELECTION)}
        >
          <SelectionLayer shapes={shownSelection} showHandles={!dragState || dragState.kind === "resize"} preview={rackPreview} />
        </FloorPlan>
        <p className="text-sm text-slate-500">
          Tap a shape to select it (shift-click adds to the selection), then drag it or its corners. Arrow keys nudge by {GRID} m, Delete removes,
          Ctrl+Z undoes.
          {isDirty ? " Unsaved changes." : ""}
        </p>
      </div>
      <div className="space-y-4">
        {rackOrigin ? (
          <RackDialog
            site={site}
            locations={locations}
            origin={rackOrigin}
            onPreview={setRackPreview}
            onCreated={onRackCreated}
            onClose={() => setRackOrigin(null)}
          />
        ) : null}
        <ShapeInspector shapes={selectedShapes} locations={locations} onChange={changeShape} />
        <MapSize draft={draft} onChange={(size) => edit((d) => ({ ...d, ...size }))} />
        <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="mb-2 text-base font-semibold">History</h2>
          <MapHistory versions={versions} current={map.version} />
        </section>
      </div>
    </div>
  );
}

function MapSize({ draft, onChange }: { draft: Draft; onChange: (size: { width: number; height: number }) => void }) {
  const commit = (field: "width" | "height", value: string) => {
    const metres = Number(value);
    if (metres > 0 && metres !== draft[field]) onChange({ width: draft.width, height: draft.height, [field]: metres });
  };
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-2 text-base font-semibold">Map size (m)</h2>
      <div className="grid grid-cols-2 gap-3">
        {(["width", "height"] as const).map((field) => (
          <label key={`${field}-${draft[field]}`} className="text-sm font-medium text-slate-800">
            {field === "width" ? "Width" : "Height"}
            <input
              type="number"
              min={1}
              step={GRID}
              defaultValue={draft[field]}
              onBlur={(e) => commit(field, e.target.value)}
              className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3"
            />
          </label>
        ))}
      </div>
    </section>
  );
}
