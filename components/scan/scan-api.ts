"use client";

import { resolveScan, type ScanResolution } from "@/lib/scan/resolve-scan";
import type { SiteSnapshot } from "@/lib/scan/schemas";
import { snapshotScanCatalog } from "@/lib/scan/snapshot-scan-catalog";
import { callApi, newIdempotencyKey, Offline, type ApiAnswer, type Problem } from "@/lib/http/api-client";
import { loadSnapshot, saveSnapshot, scanDb, type QueuedWrite } from "./offline-store";
import { retriedWrite, writesToPost } from "./queue-ownership";

/** Syncs the site's copy for offline lookups; keeps the old one when the network is gone. */
export async function syncSnapshot(site: string): Promise<SiteSnapshot | undefined> {
  try {
    const answer = await callApi<SiteSnapshot>(`/api/v1/scans/snapshot?site=${encodeURIComponent(site)}`);
    if (answer.ok) {
      await saveSnapshot(answer.data);
      return answer.data;
    }
  } catch (error) {
    if (!(error instanceof Offline)) throw error;
  }
  return loadSnapshot(site);
}

export type Resolved = ScanResolution & { isFromDevice: boolean };

/** Asks the server; in a Wi-Fi hole answers from the site's last synced copy with the same resolver. */
export async function resolveOnDevice(data: string, site: string): Promise<Resolved> {
  try {
    const answer = await callApi<ScanResolution>("/api/v1/scans/resolve", { method: "POST", body: JSON.stringify({ data }) });
    if (answer.ok) return { ...answer.data, isFromDevice: false };
  } catch (error) {
    if (!(error instanceof Offline)) throw error;
  }
  const snapshot = await loadSnapshot(site);
  if (!snapshot) return { kind: "unknown", raw: data, message: "Offline, and this site has not been synced to this device yet", isFromDevice: true };
  const resolution = await resolveScan(data, snapshotScanCatalog(snapshot));
  return { ...resolution, isFromDevice: true };
}

// ─── the write queue ───

type Listener = () => void;
const listeners = new Set<Listener>();
let flushing: Promise<void> | null = null;

export function onQueueChange(listener: Listener) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function notify() {
  for (const listener of listeners) listener();
}

export type WriteOutcome<T> = { status: "posted"; data: T } | { status: "queued" } | { status: "refused"; problem: Problem };

/**
 * Every write from the scan screens goes through the queue, online or not, so order is kept and nothing is lost:
 * the write is stored with its idempotency key, then the queue is flushed. Online, the caller learns at once
 * whether it posted (a refusal is handed back to the clerk right there and leaves the queue); offline it stays
 * queued and posts when the connection returns.
 */
export async function submitWrite<T>(userId: string, url: string, body: unknown, label: string): Promise<WriteOutcome<T>> {
  const db = await scanDb();
  const write: QueuedWrite = {
    userId,
    idempotencyKey: newIdempotencyKey(),
    url,
    body,
    label,
    createdAt: new Date().toISOString(),
    status: "pending",
  };
  const seq = (await db.add("queue", write)) as number;
  notify();
  const answers = await flushQueue(userId);
  const answer = answers.get(seq);
  if (!answer) return { status: "queued" };
  if (answer.ok) return { status: "posted", data: answer.data as T };
  await db.delete("queue", seq);
  notify();
  return { status: "refused", problem: answer.problem };
}

/**
 * Posts the signed-in person's pending writes in order, one at a time; other people's stay on the device for
 * their own sign-in. Stops at the first network failure or server error, to retry later.
 */
export function flushQueue(userId: string): Promise<Map<number, ApiAnswer<unknown>>> {
  const answers = new Map<number, ApiAnswer<unknown>>();
  const run = async () => {
    const db = await scanDb();
    for (const write of writesToPost(await db.getAll("queue"), userId)) {
      let answer: ApiAnswer<unknown>;
      try {
        answer = await callApi(write.url, { method: "POST", body: JSON.stringify(write.body), headers: { "idempotency-key": write.idempotencyKey } });
      } catch {
        return; // still offline
      }
      if (!answer.ok && (answer.status === 401 || answer.status >= 500)) return; // signed out or server trouble: try again later
      answers.set(write.seq!, answer);
      if (answer.ok) await db.delete("queue", write.seq!);
      else await db.put("queue", { ...write, status: "refused", problem: answer.problem });
      notify();
    }
  };
  // One flush at a time; a caller arriving mid-flush waits for it and then flushes what it added.
  const next = (flushing ?? Promise.resolve()).catch(() => undefined).then(run);
  const tracked: Promise<void> = next.finally(() => {
    if (flushing === tracked) flushing = null;
  });
  flushing = tracked;
  return next.then(() => answers);
}

export async function queuedWrites(): Promise<QueuedWrite[]> {
  return (await scanDb()).getAll("queue");
}

/** The clerk looked at a refused write and chose to try it again (e.g. after fixing the stock) or to drop it. */
export async function retryWrite(userId: string, seq: number) {
  const db = await scanDb();
  const retried = retriedWrite(await db.get("queue", seq), userId);
  if (retried) await db.put("queue", retried);
  notify();
  await flushQueue(userId);
}

export async function discardWrite(seq: number) {
  await (await scanDb()).delete("queue", seq);
  notify();
}

/** Signing out, the person chose to drop what they left on the device. */
export async function discardWritesOf(userId: string) {
  const db = await scanDb();
  for (const write of await db.getAll("queue")) if (write.userId === userId) await db.delete("queue", write.seq!);
  notify();
}
