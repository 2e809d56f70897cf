"use client";

import { useCallback, useRef, useState } from "react";

/**
 * State that async scan handlers can read as it is now: a handheld scanner fires the next scan before React
 * has re-rendered for the last one, and a closure over the rendered value would count on top of stale state.
 */
export function useCurrentState<T>(initial: T | (() => T)) {
  const [state, setState] = useState(initial);
  const current = useRef(state);
  const set = useCallback((next: T) => {
    current.current = next;
    setState(next);
  }, []);
  return [state, current, set] as const;
}
