"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { QueuedWrite } from "./offline-store";
import { summarizeQueue, type QueueSummary } from "./queue-ownership";
import { flushQueue, onQueueChange, queuedWrites } from "./scan-api";

function subscribeOnline(callback: () => void) {
  window.addEventListener("online", callback);
  window.addEventListener("offline", callback);
  return () => {
    window.removeEventListener("online", callback);
    window.removeEventListener("offline", callback);
  };
}

/** Whether the browser believes it is online; coming back online flushes the person's writes. */
export function useIsOnline(userId: string): boolean {
  const isOnline = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
  useEffect(() => {
    if (isOnline) void flushQueue(userId);
  }, [isOnline, userId]);
  return isOnline;
}

/** The writes still on this device: the person's own (pending ones wait for the network, refused ones for them)
 * and how many other people left. */
export function useQueuedWrites(userId: string): QueueSummary {
  const [writes, setWrites] = useState<QueuedWrite[]>([]);
  useEffect(() => {
    const refresh = () => void queuedWrites().then(setWrites);
    refresh();
    return onQueueChange(refresh);
  }, []);
  return summarizeQueue(writes, userId);
}
