"use client";

import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { SiteSnapshot } from "@/lib/scan/schemas";

import type { Problem } from "@/lib/http/api-client";

/** A write waiting to reach the server, in the order it was made; its idempotency key makes a replay harmless. */
export type QueuedWrite = {
  seq?: number;
  /** Who made it: only that person's session ever posts it (see queue-ownership.ts). */
  userId: string;
  idempotencyKey: string;
  url: string;
  body: unknown;
  /** What the clerk did, in their words: "Receive 5 × MILK-1L to WH1-A-01". */
  label: string;
  createdAt: string;
  status: "pending" | "refused";
  problem?: Problem;
};

interface ScanDb extends DBSchema {
  snapshots: { key: string; value: SiteSnapshot };
  queue: { key: number; value: QueuedWrite };
  /** Pick lists and counts the clerk opened, kept so they can go on offline. */
  documents: { key: string; value: { key: string; value: unknown; savedAt: string } };
}

let database: Promise<IDBPDatabase<ScanDb>> | null = null;

export function scanDb() {
  database ??= openDB<ScanDb>("stockroom-scan", 1, {
    upgrade(db) {
      if (!db.objectStoreNames.contains("snapshots")) db.createObjectStore("snapshots");
      if (!db.objectStoreNames.contains("queue")) db.createObjectStore("queue", { keyPath: "seq", autoIncrement: true });
      if (!db.objectStoreNames.contains("documents")) db.createObjectStore("documents", { keyPath: "key" });
    },
  });
  return database;
}

export async function saveSnapshot(snapshot: SiteSnapshot) {
  await (await scanDb()).put("snapshots", snapshot, snapshot.site);
}

export async function loadSnapshot(site: string): Promise<SiteSnapshot | undefined> {
  return (await scanDb()).get("snapshots", site);
}

export async function saveDocument(key: string, value: unknown) {
  await (await scanDb()).put("documents", { key, value, savedAt: new Date().toISOString() });
}

export async function loadDocument<T>(key: string): Promise<T | undefined> {
  return (await (await scanDb()).get("documents", key))?.value as T | undefined;
}
