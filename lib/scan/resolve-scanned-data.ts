import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { findPallet } from "../purchasing/find-pallet";
import { databaseScanCatalog } from "./database-scan-catalog";
import { resolveScan, type ScanResolution } from "./resolve-scan";

/**
 * What a scan identifies, looked up in the database as this actor may see it. A pallet label (SSCC) also finds the
 * purchase order whose shipping notice carries it: one scan and the clerk can receive the pallet.
 */
export async function resolveScannedData(db: Db, actor: Actor, data: string): Promise<ScanResolution> {
  authorize(actor, "stock.view");
  const resolution = await resolveScan(data, databaseScanCatalog(db, actor));
  if (resolution.kind !== "sscc") return resolution;
  const pallet = await findPallet(db, actor, resolution.sscc!);
  // An order the actor may not see reads exactly like an SSCC nobody announced.
  return pallet
    ? { ...resolution, pallet }
    : {
        ...resolution,
        message: `No purchase order you can see expects the pallet ${resolution.sscc}: check the label, or receive its items one by one`,
      };
}
