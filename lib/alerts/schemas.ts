import { z } from "zod";
import { codeField } from "../contract/code-field";
import { replayedFlag } from "../contract/replayed-flag";
import { ALERT_KINDS, ALERT_STATES } from "./alert-kinds";

export { ALERT_KIND_LABELS, ALERT_KINDS, ALERT_STATES, type AlertKindName } from "./alert-kinds";

export const alertView = z
  .object({
    id: z.string(),
    kind: z.enum(ALERT_KINDS),
    sku: z.string().nullable().optional(),
    itemName: z.string().nullable().optional(),
    site: z.string().describe("Code of the site"),
    location: z.string().nullable().optional().describe("Code of the location (bins over capacity, quarantine)"),
    lot: z.string().nullable().optional(),
    state: z.enum(ALERT_STATES),
    raisedAt: z.string().describe("When the condition was first seen to hold"),
    acknowledgedBy: z.string().nullable().optional(),
    acknowledgedAt: z.string().nullable().optional(),
    acknowledgeNote: z.string().nullable().optional(),
    resolvedAt: z.string().nullable().optional().describe("When the condition was seen to clear (alerts resolve by themselves)"),
    detail: z.record(z.string(), z.unknown()).describe("The figures that raised it, e.g. { available, reorderPoint }"),
  })
  .meta({ id: "Alert" });
export type AlertView = z.infer<typeof alertView>;

export const alertQuery = z.object({
  state: z
    .enum([...ALERT_STATES, "active"])
    .optional()
    .describe("`active` = open or acknowledged (the default); `resolved`, `open`, `acknowledged`"),
  kind: z.enum(ALERT_KINDS).optional(),
  site: codeField.optional(),
  sku: z.string().trim().min(1).max(64).optional(),
  cursor: z.string().max(100).optional().describe("`next` of the previous page"),
  limit: z.coerce.number().int().min(1).max(500).optional().describe("Page size, 100 when left out"),
});
export type AlertQuery = z.input<typeof alertQuery>;

export const acknowledgeInput = z
  .object({ note: z.string().trim().max(500, "At most 500 characters").optional().describe("What is being done about it") })
  .meta({ id: "AlertAcknowledgeInput" });

export const acknowledgedAlert = alertView.extend({ replayed: replayedFlag });
