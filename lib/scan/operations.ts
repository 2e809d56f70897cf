import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { scanResolution, siteSnapshot } from "./schemas";

export const resolveScanOp = defineOperation({
  id: "resolveScan",
  method: "POST",
  path: "/api/v1/scans/resolve",
  tag: "Scanning",
  permission: "stock.view",
  readOnly: true,
  summary: "What a scanned code identifies: an item, lot, serial, location, SSCC, or unknown",
  description:
    "Any scanner text: GS1 (symbology identifier, GS separators, bracketed, Digital Link URI), a bare GTIN of any length, a bin label, " +
    "a SKU or alias, a serial or lot number. GS1 data also answers the form fields it fills (lot, expiry, serial, count, weight). " +
    'Unreadable or unknown data is kind "unknown" with a message, not an error.',
  body: z
    .object({ data: z.string().min(1).max(4096).describe("The scanned text, e.g. ]C1010952123454321310ABC123\u001d17250101") })
    .meta({ id: "ScanInput" }),
  response: scanResolution,
});

export const getSiteSnapshotOp = defineOperation({
  id: "getSiteSnapshot",
  method: "GET",
  path: "/api/v1/scans/snapshot",
  tag: "Scanning",
  permission: "stock.view",
  summary: "One site's catalogue, bins, lots, serials and levels, for scanning offline",
  query: z.object({ site: z.string().trim().min(1).describe("Site code, e.g. WH1") }),
  response: siteSnapshot,
});
