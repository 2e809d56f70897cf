"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { CameraScanner } from "./camera-scanner";
import { useWedgeScanner } from "./use-wedge-scanner";

/**
 * Where every scan enters a workflow: the camera (on by default on phones, one tap to hide), a handheld scanner
 * typing anywhere on the page, or the code typed by hand.
 */
export function ScanInput({ prompt, onScan, disabled = false }: { prompt: string; onScan: (text: string) => unknown; disabled?: boolean }) {
  const [isCameraOn, setCameraOn] = useState(true);
  const [typed, setTyped] = useState("");
  const latest = useRef(onScan);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    latest.current = onScan;
  });
  // One scan at a time, in the order they came: each is judged against what the one before it changed.
  const scan = (text: string) => {
    queue.current = queue.current.then(() => latest.current(text)).catch((error) => console.error("scan failed", error));
  };
  useWedgeScanner(scan, !disabled);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (typed.trim() === "") return;
    scan(typed);
    setTyped("");
  }

  return (
    <div className="space-y-2">
      <div className="flex items-start justify-between gap-2">
        <p className="text-lg font-semibold" data-testid="scan-prompt">
          {prompt}
        </p>
        <Button type="button" variant="ghost" onClick={() => setCameraOn(!isCameraOn)} aria-pressed={isCameraOn} className="shrink-0 text-sm">
          {isCameraOn ? "Hide camera" : "Camera"}
        </Button>
      </div>
      {isCameraOn && !disabled && <CameraScanner onScan={scan} />}
      <form onSubmit={submit} className="flex gap-2">
        <label htmlFor="manual-code" className="sr-only">
          Type a code
        </label>
        <input
          id="manual-code"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          disabled={disabled}
          placeholder="Type or scan a code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 text-base"
        />
        <Button type="submit" variant="secondary" disabled={disabled}>
          Enter
        </Button>
      </form>
    </div>
  );
}

/** The verdict on the last scan, in colour: green when it fits, red (with the reason) when it does not. */
export function ScanVerdict({ verdict }: { verdict: { tone: "ok" | "wrong"; text: string } | null }) {
  if (!verdict) return null;
  const tone = verdict.tone === "ok" ? "border-green-300 bg-green-50 text-green-900" : "border-red-400 bg-red-50 text-red-800";
  return (
    <p
      role={verdict.tone === "wrong" ? "alert" : "status"}
      data-testid="scan-verdict"
      data-tone={verdict.tone}
      className={`rounded-lg border-2 p-3 font-medium ${tone}`}
    >
      {verdict.text}
    </p>
  );
}
