"use client";

import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { SelectField, TextField } from "@/components/ui/field";
import { generateRackBins, type RackBins } from "@/lib/maps/generate-rack-bins";
import { problemText } from "@/lib/http/api-client";
import { createLocation } from "./map-api";
import type { Point, SiteLocation } from "./map-types";

type Form = {
  prefix: string;
  racks: string;
  levels: string;
  positions: string;
  binWidth: string;
  binDepth: string;
  aisleWidth: string;
  x: string;
  y: string;
  parent: string;
};

type Progress = { done: number; total: number; skipped: number; error?: string };

const CONTAINER_TYPES = new Set(["site", "zone", "aisle", "rack", "shelf"]);

function layoutOf(form: Form): RackBins | string {
  try {
    return generateRackBins({
      prefix: form.prefix.trim().toUpperCase(),
      racks: Number(form.racks),
      levels: Number(form.levels),
      positions: Number(form.positions),
      binWidth: Number(form.binWidth),
      binDepth: Number(form.binDepth),
      aisleWidth: Number(form.aisleWidth),
      origin: { x: Number(form.x), y: Number(form.y) },
    });
  } catch (error) {
    return error instanceof RangeError ? error.message : "Check the numbers";
  }
}

/**
 * Lays out a block of racks, shows it on the plan (through onPreview), then creates each bin as a location, one
 * after the other so the count is honest and the first refusal stops the run; a retry carries on from there.
 */
export function RackDialog({
  site,
  locations,
  origin,
  onPreview,
  onCreated,
  onClose,
}: {
  site: string;
  locations: SiteLocation[];
  origin: Point;
  onPreview: (layout: RackBins | null) => void;
  onCreated: (layout: RackBins) => Promise<void>;
  onClose: () => void;
}) {
  const parents = useMemo(() => locations.filter((l) => CONTAINER_TYPES.has(l.type)), [locations]);
  const [form, setForm] = useState<Form>({
    prefix: "A",
    racks: "12",
    levels: "1",
    positions: "5",
    binWidth: "1",
    binDepth: "1",
    aisleWidth: "3",
    x: String(Math.max(0, Math.round(origin.x))),
    y: String(Math.max(0, Math.round(origin.y))),
    parent: parents.find((p) => p.type !== "site")?.code ?? site,
  });
  const [isUsingExisting, setUsingExisting] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [isRunning, setRunning] = useState(false);
  const layout = useMemo(() => layoutOf(form), [form]);
  const isValid = typeof layout !== "string";

  useEffect(() => {
    onPreview(typeof layout === "string" ? null : layout);
  }, [layout, onPreview]);
  useEffect(() => () => onPreview(null), [onPreview]);

  function update(field: keyof Form, value: string) {
    const next = { ...form, [field]: value };
    setForm(next);
    setProgress(null);
  }

  async function run() {
    if (!isValid) return;
    setRunning(true);
    const total = layout.bins.length;
    // A retry resumes at the bin that failed; the ones before it exist now.
    let { done, skipped } = progress?.error ? progress : { done: 0, skipped: 0 };
    setProgress({ done, total, skipped });
    for (const bin of layout.bins.slice(done)) {
      const answer = await createLocation({ code: bin.code, name: bin.code, type: "bin", parent: form.parent });
      if (!answer.ok) {
        if (isUsingExisting && answer.problem.code === "location_code_taken") {
          skipped++;
        } else {
          setProgress({ done, total, skipped, error: `Could not create ${bin.code}: ${problemText(answer.problem)}` });
          setRunning(false);
          return;
        }
      }
      done++;
      setProgress({ done, total, skipped });
    }
    await onCreated(layout);
    setRunning(false);
  }

  const field = (name: keyof Form, label: string, extra: Record<string, string> = {}) => (
    <TextField
      label={label}
      name={`rack-${name}`}
      value={form[name]}
      onChange={(e) => update(name, e.target.value)}
      inputMode="decimal"
      disabled={isRunning}
      {...extra}
    />
  );

  return (
    <section role="dialog" aria-label="Bulk create rack" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="text-base font-semibold">Bulk create rack</h2>
      <div className="grid grid-cols-2 gap-3">
        {field("prefix", "Prefix", { inputMode: "text", autoCapitalize: "characters" })}
        {field("racks", "Racks", { inputMode: "numeric" })}
        {field("levels", "Levels", { inputMode: "numeric" })}
        {field("positions", "Positions per rack", { inputMode: "numeric" })}
        {field("binWidth", "Bin width (m)")}
        {field("binDepth", "Bin depth (m)")}
        {field("aisleWidth", "Aisle width (m)")}
        <div />
        {field("x", "Origin x (m)")}
        {field("y", "Origin y (m)")}
      </div>
      <SelectField
        label="Inside (parent location)"
        name="rack-parent"
        value={form.parent}
        onChange={(e) => update("parent", e.target.value)}
        disabled={isRunning}
      >
        {parents.map((p) => (
          <option key={p.code} value={p.code}>
            {p.code} ({p.type})
          </option>
        ))}
      </SelectField>
      <Checkbox checked={isUsingExisting} onChange={(e) => setUsingExisting(e.target.checked)} disabled={isRunning} className="self-start text-sm">
        Use bins that already exist with the same code
      </Checkbox>
      <p className="text-sm text-slate-700" data-testid="rack-preview">
        {isValid
          ? `${layout.bins.length} bins, ${layout.bins[0]?.code} to ${layout.bins.at(-1)?.code}; the block is ${layout.extent.width - Number(form.x)} × ${layout.extent.height - Number(form.y)} m.`
          : layout}
      </p>
      {progress ? (
        <div aria-live="polite" className="text-sm">
          <progress className="w-full" max={progress.total} value={progress.done} />
          <p>
            Created {progress.done - progress.skipped} of {progress.total}
            {progress.skipped ? ` (${progress.skipped} already existed)` : ""}
          </p>
          {progress.error ? (
            <p role="alert" className="text-red-700">
              {progress.error}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={run} disabled={!isValid || isRunning}>
          {progress?.error ? "Retry from here" : `Create ${isValid ? layout.bins.length : ""} bins and save`}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose} disabled={isRunning}>
          Close
        </Button>
      </div>
    </section>
  );
}
