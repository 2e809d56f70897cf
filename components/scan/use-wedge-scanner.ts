"use client";

import { useEffect, useRef } from "react";

const GS = "\u001d";
/**
 * Handheld scanners type a whole code at a few milliseconds per key; people average well over 80 ms. A burst
 * may stall for a moment (a busy phone), so it is judged by its average pace, not by its slowest gap.
 */
const MAX_AVERAGE_GAP_MS = 40;
const MAX_GAP_MS = 150;
const MIN_LENGTH = 4;

type Burst = { text: string; startedAt: number; lastAt: number; target: EventTarget | null; valueBefore: string | null };

/**
 * Takes a keyboard-wedge scanner's fast burst of keystrokes ending in Enter as one scan, wherever the focus is.
 * The burst is taken back out of a text field it landed in. Scanners send GS (FNC1) as Ctrl+], as the GS
 * character itself, or as a typed stand-in ("^", "{FNC1}", "<GS>") that the GS1 reader understands.
 */
export function useWedgeScanner(onScan: (text: string) => void, enabled = true) {
  const burst = useRef<Burst | null>(null);
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      const now = performance.now();
      const current = burst.current && now - burst.current.lastAt <= MAX_GAP_MS ? burst.current : null;
      if (event.key === "Enter") {
        burst.current = null;
        if (current && current.text.length >= MIN_LENGTH && (current.lastAt - current.startedAt) / (current.text.length - 1) <= MAX_AVERAGE_GAP_MS) {
          event.preventDefault();
          event.stopPropagation();
          restoreField(current);
          latest.current(current.text);
        }
        return;
      }
      const char = characterOf(event);
      if (char === null) return;
      if (char === GS) event.preventDefault(); // Ctrl+] must not reach the browser as a shortcut
      const started = current ?? { text: "", startedAt: now, lastAt: now, target: event.target, valueBefore: fieldValue(event.target) };
      started.text += char;
      started.lastAt = now;
      burst.current = started;
    }
    document.addEventListener("keydown", onKeyDown, true);
    return () => document.removeEventListener("keydown", onKeyDown, true);
  }, [enabled]);
}

function characterOf(event: KeyboardEvent): string | null {
  if (event.ctrlKey && (event.key === "]" || event.code === "BracketRight")) return GS;
  if (event.key === GS) return GS;
  if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) return event.key;
  return null;
}

function fieldValue(target: EventTarget | null): string | null {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target.value : null;
}

/** The burst's characters went into whatever field had focus; put its value back as it was, through React. */
function restoreField(burst: Burst) {
  const field = burst.target;
  if (burst.valueBefore === null || !(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
  // The characters are inserted after this handler runs for the last key, so restore on the next tick.
  setTimeout(() => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value")?.set;
    setter?.call(field, burst.valueBefore);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }, 0);
}
