import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { databaseScanCatalog } from "./database-scan-catalog";
import { resolveScan, type ScanResolution } from "./resolve-scan";

/** What a scan identifies, looked up in the database as this actor may see it. */
export async function resolveScannedData(db: Db, actor: Actor, data: string): Promise<ScanResolution> {
  authorize(actor, "stock.view");
  return resolveScan(data, databaseScanCatalog(db, actor));
}
