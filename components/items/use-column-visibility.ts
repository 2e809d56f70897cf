"use client";

import type { VisibilityState } from "@tanstack/react-table";
import { useCallback, useMemo, useSyncExternalStore } from "react";

// Other tabs announce changes with the "storage" event; this tab with its own, since "storage" skips the writer.
const CHANGED = "stockroom:column-visibility";

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

// Used when localStorage refuses (private mode, full quota): the choice then lasts as long as the page.
const unsaved = new Map<string, string>();

function read(key: string): string | null {
  if (unsaved.has(key)) return unsaved.get(key) ?? null;
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function parse(stored: string | null): VisibilityState {
  try {
    const value: unknown = stored ? JSON.parse(stored) : {};
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter(([, shown]) => typeof shown === "boolean")) as VisibilityState;
  } catch {
    return {};
  }
}

/**
 * Which columns a person chose to see, remembered in localStorage under `key`. The server renders the
 * defaults; the stored choice applies once the page runs in the browser (useSyncExternalStore, no mismatch).
 */
export function useColumnVisibility(key: string, defaults: VisibilityState) {
  const stored = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const visibility = useMemo(() => ({ ...defaults, ...parse(stored) }), [defaults, stored]);
  const setVisibility = useCallback(
    (next: VisibilityState) => {
      const text = JSON.stringify(next);
      try {
        window.localStorage.setItem(key, text);
        unsaved.delete(key);
      } catch {
        unsaved.set(key, text);
      }
      window.dispatchEvent(new Event(CHANGED));
    },
    [key],
  );
  return [visibility, setVisibility] as const;
}
