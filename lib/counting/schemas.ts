import { z } from "zod";
import { codeField } from "../contract/code-field";
import { ValidationFailed } from "../domain-error";
import { postedMovement } from "../ledger/schemas";
import { replayedFlag } from "../contract/replayed-flag";

const code = codeField;

export const COUNT_STATUSES = ["open", "submitted", "cancelled"] as const;
export const SCAN_SOURCES = ["scan", "manual", "rfid"] as const;

export const countStartInput = z
  .object({ location: code.describe("Bin to count, or a zone (aisle, rack…) to count every bin under it").meta({ example: "WH1-A01-03" }) })
  .meta({ id: "CountStartInput" });

export const countScanInput = z
  .object({
    location: code.describe("The bin the item was found in; within the count's location"),
    sku: z.string().trim().min(1, "Scan or enter the SKU").max(64),
    lot: z.string().trim().min(1).max(64).optional().describe("Required for lot-tracked items"),
    serial: z.string().trim().min(1).max(64).optional().describe("Required for serial-tracked items; a serial counts once per session"),
    quantity: z.number().int("Whole units only").min(1, "At least 1 unit").max(1_000_000).default(1),
    source: z.enum(SCAN_SOURCES).default("scan").describe("scan (camera or handheld), manual (typed) or rfid"),
  })
  .meta({ id: "CountScanInput" });

export const countScansInput = z.object({ scans: z.array(countScanInput).min(1, "Send at least one scan").max(5_000) }).meta({ id: "CountScans" });

export const countSubmitInput = z
  .object({ scans: z.array(countScanInput).max(5_000).optional().describe("Last scans to add before submitting") })
  .meta({ id: "CountSubmitInput" });

export const countLineView = z
  .object({
    location: z.string().describe("Bin code"),
    sku: z.string(),
    name: z.string(),
    lot: z.string().nullable(),
    expected: z.number().int().describe("On hand in the ledger now"),
    counted: z.number().int().describe("Sum of this count's scans"),
    difference: z.number().int().describe("counted − expected"),
  })
  .meta({ id: "CountLine" });

export const countView = z
  .object({
    id: z.string(),
    site: z.string(),
    location: z.string(),
    status: z.enum(COUNT_STATUSES),
    startedAt: z.string(),
    startedBy: z.string(),
    bins: z.array(z.string()).describe("Codes of every bin under the counted location, or the location itself"),
    lines: z.array(countLineView),
    missing: z.array(countLineView).describe("Expected but not counted"),
    unexpected: z.array(countLineView).describe("Counted but not expected"),
  })
  .meta({ id: "Count" });

export const countSummary = z
  .object({
    id: z.string(),
    site: z.string(),
    location: z.string(),
    status: z.enum(COUNT_STATUSES),
    startedAt: z.string(),
    startedBy: z.string(),
    scanned: z.number().int().describe("Units scanned so far"),
  })
  .meta({ id: "CountSummary" });

export const countQuery = z.object({ site: code.optional(), status: z.enum(COUNT_STATUSES).optional() });

export const countSubmission = z
  .object({
    count: countView,
    posting: postedMovement.nullable().describe("The count movements posted; null when every line matched"),
    replayed: replayedFlag,
  })
  .meta({ id: "CountSubmission" });

export type CountScanInput = z.input<typeof countScanInput>;
export type ParsedCountScan = z.output<typeof countScanInput>;
export type CountLine = z.infer<typeof countLineView>;
export type CountView = z.infer<typeof countView>;
export type CountSummary = z.infer<typeof countSummary>;
export type CountQuery = z.input<typeof countQuery>;
export type CountSubmission = z.infer<typeof countSubmission>;

/** Parses scans one by one so a refusal names its position (scans.N.field), as the domain's own refusals do. */
export function parseCountScans(scans: readonly CountScanInput[]): ParsedCountScan[] {
  const issues: { field: string; message: string }[] = [];
  const parsed = scans.map((scan, index) => {
    const result = countScanInput.safeParse(scan);
    if (!result.success)
      issues.push(...result.error.issues.map((issue) => ({ field: ["scans", index, ...issue.path].join("."), message: issue.message })));
    return result.data!;
  });
  if (issues.length > 0) throw new ValidationFailed(issues);
  return parsed;
}
