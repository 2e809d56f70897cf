"use client";

import { createContext, useContext } from "react";

/** The signed-in person on the scan screens: every write is queued under their id (see queue-ownership.ts). */
export const ScanUserContext = createContext<string | null>(null);

export function useScanUser(): string {
  const userId = useContext(ScanUserContext);
  if (!userId) throw new Error("useScanUser outside ScanApp");
  return userId;
}
