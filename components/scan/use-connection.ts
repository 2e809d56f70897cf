"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { QueuedWrite } from "./offline-store";
import { flushQueue, onQueueChange, queuedWrites } from "./scan-api";

function subscribeOnline(callback: () => void) {
  window.addEventListener("online", callback);
  window.addEventListener("offline", callback);
  return () => {
    window.removeEventListener("online", callback);
    window.removeEventListener("offline", callback);
  };
}

/** Whether the browser believes it is online; coming back online flushes the write queue. */
export function useIsOnline(): boolean {
  const isOnline = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  useEffect(() => {
    if (isOnline) void flushQueue();
  }, [isOnline]);
  return isOnline;
}

/** The writes still on this device: pending ones wait for the network, refused ones for the clerk. */
export function useQueuedWrites(): QueuedWrite[] {
  const [writes, setWrites] = useState<QueuedWrite[]>([]);
  useEffect(() => {
    const refresh = () => void queuedWrites().then(setWrites);
    refresh();
    return onQueueChange(refresh);
  }, []);
  return writes;
}
