"use client";

import { memo } from "react";
import { SelectField } from "@/components/ui/field";
import type { MapShape, SiteLocation } from "./map-types";
import { DEFAULT_SIZE, type ShapeKind } from "./shape-edits";

const ATTACHABLE = new Set(["zone", "aisle", "rack", "shelf", "bin"]);

/** The selected shape's facts, its kind and the location it stands for. Memoised: its location list can be long. */
export const ShapeInspector = memo(function ShapeInspector({
  shapes,
  locations,
  onChange,
}: {
  shapes: MapShape[];
  locations: SiteLocation[];
  onChange: (id: string, change: (shape: MapShape) => MapShape) => void;
}) {
  if (shapes.length === 0) return null;
  if (shapes.length > 1) {
    return (
      <section className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm" aria-label="Selection">
        {shapes.length} shapes selected.
      </section>
    );
  }
  const shape = shapes[0];
  const setLocation = (code: string) =>
    onChange(shape.id, (s) => {
      const { location: _old, ...rest } = s;
      return code ? { ...rest, location: code } : rest;
    });
  return (
    <section
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      aria-label="Selected shape"
      data-testid="shape-inspector"
    >
      <p className="text-sm text-slate-700">
        <span className="font-mono">{shape.id}</span> · x {shape.x} · y {shape.y} · {shape.width} × {shape.height} m
        {shape.rotation ? ` · ${shape.rotation}°` : ""}
      </p>
      <SelectField
        label="Kind"
        name="shape-kind"
        value={shape.kind}
        onChange={(e) => onChange(shape.id, (s) => ({ ...s, kind: e.target.value as MapShape["kind"] }))}
      >
        {(Object.keys(DEFAULT_SIZE) as ShapeKind[]).map((kind) => (
          <option key={kind} value={kind}>
            {kind}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Location"
        name="shape-location"
        value={shape.location ?? ""}
        onChange={(e) => setLocation(e.target.value)}
        hint="The location this shape stands for on the floor"
      >
        <option value="">None</option>
        {shape.location && !locations.some((l) => l.code === shape.location) ? <option value={shape.location}>{shape.location}</option> : null}
        {locations
          .filter((l) => ATTACHABLE.has(l.type))
          .map((l) => (
            <option key={l.code} value={l.code}>
              {l.code} ({l.type})
            </option>
          ))}
      </SelectField>
    </section>
  );
});
