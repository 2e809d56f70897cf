"use client";

import { useCallback, useState } from "react";
import type { MapShape, SiteMap } from "./map-types";

export type Draft = { width: number; height: number; shapes: MapShape[] };

const HISTORY_LIMIT = 100;

/**
 * The editor's working copy of a map and its unsaved edits, newest last, for Ctrl+Z. Edits are pure functions of
 * the draft (./shape-edits.ts), so undoing one is putting the previous draft back.
 */
export function useMapDraft(map: SiteMap) {
  const [state, setState] = useState<{ base: SiteMap; draft: Draft; past: Draft[] }>(() => ({ base: map, draft: toDraft(map), past: [] }));

  // A newly saved or reloaded map replaces the working copy (adjusting state during render, as React advises).
  if (state.base !== map) setState({ base: map, draft: toDraft(map), past: [] });

  const edit = useCallback((change: (draft: Draft) => Draft) => {
    setState((s) => {
      const next = change(s.draft);
      if (next === s.draft) return s;
      return { ...s, draft: next, past: [...s.past.slice(-HISTORY_LIMIT + 1), s.draft] };
    });
  }, []);

  const undoEdit = useCallback(() => {
    setState((s) => (s.past.length ? { ...s, draft: s.past[s.past.length - 1], past: s.past.slice(0, -1) } : s));
  }, []);

  const discard = useCallback(() => setState((s) => ({ ...s, draft: toDraft(s.base), past: [] })), []);

  return { draft: state.draft, isDirty: state.past.length > 0, edit, undoEdit, discard };
}

function toDraft(map: SiteMap): Draft {
  return { width: map.width, height: map.height, shapes: map.shapes };
}

/** Edits a shape list inside a draft; keeps the draft itself when nothing changed. */
export function onShapes(change: (shapes: MapShape[]) => MapShape[]) {
  return (draft: Draft): Draft => {
    const shapes = change(draft.shapes);
    return shapes === draft.shapes ? draft : { ...draft, shapes };
  };
}
