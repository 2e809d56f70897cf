import { z } from "zod";
import { PURCHASE_ORDER_STATUSES } from "../purchasing/schemas";

const gs1Data = z
  .object({
    elements: z.array(z.object({ ai: z.string(), value: z.string(), title: z.string() })),
    hri: z.string(),
    elementString: z.string(),
    digitalLink: z.string().optional(),
  })
  .describe("The GS1 reading of the scan, as POST /api/v1/gs1/parse answers it");

const scanItem = z.object({
  sku: z.string(),
  name: z.string(),
  gtin: z.string().nullable().describe("GTIN-14"),
  tracking: z.string(),
  unit: z.string(),
});

export const scanFields = z
  .object({
    gtin: z.string().optional(),
    lot: z.string().optional().describe("AI 10"),
    expiresAt: z.string().optional().describe("AI 17 as YYYY-MM-DD"),
    serial: z.string().optional().describe("AI 21"),
    quantity: z.number().int().optional().describe("AI 30 or 37"),
    netWeightKg: z.number().optional().describe("AI 310n"),
    sscc: z.string().optional().describe("AI 00"),
  })
  .describe("Form fields a GS1 scan fills in");

export const scanResolution = z
  .object({
    kind: z.enum(["item", "lot", "serial", "location", "sscc", "unknown"]),
    raw: z.string().describe("The scanned text as received"),
    item: scanItem.optional(),
    lot: z.object({ number: z.string(), expiresOn: z.string().nullable(), isKnown: z.boolean().describe("false: not received yet") }).optional(),
    serial: z.object({ serial: z.string(), location: z.string().nullable(), isKnown: z.boolean() }).optional(),
    location: z.object({ code: z.string(), name: z.string(), type: z.string(), site: z.string() }).optional(),
    sscc: z.string().optional(),
    pallet: z
      .object({
        sscc: z.string(),
        purchaseOrder: z.object({ id: z.string(), number: z.string(), status: z.enum(PURCHASE_ORDER_STATUSES), site: z.string() }),
        supplier: z.object({ code: z.string(), name: z.string() }),
        lines: z.array(z.object({ sku: z.string(), quantity: z.number().int(), lot: z.string().nullable(), expiresAt: z.string().nullable() })),
        receivedAt: z.string().nullable().describe("When the pallet was received; null while on its way"),
        canReceive: z.boolean().describe("Whether the caller may receive it now"),
      })
      .optional()
      .describe("For an SSCC: the shipping notice carrying it and its purchase order, when the caller may see that order"),
    gs1: gs1Data.optional(),
    fields: scanFields.optional(),
    message: z.string().optional().describe("Why the scan was not recognised"),
  })
  .meta({ id: "ScanResolution" });

export const siteSnapshot = z
  .object({
    site: z.string(),
    generatedAt: z.string(),
    items: z.array(scanItem.extend({ aliases: z.array(z.string()) })),
    locations: z.array(z.object({ code: z.string(), name: z.string(), type: z.string() })),
    lots: z.array(z.object({ sku: z.string(), number: z.string(), expiresOn: z.string().nullable() })),
    serials: z.array(z.object({ sku: z.string(), serial: z.string(), location: z.string().nullable(), lot: z.string().nullable() })),
    levels: z.array(z.object({ sku: z.string(), location: z.string(), lot: z.string().nullable(), onHand: z.number().int() })),
  })
  .meta({ id: "SiteSnapshot" });

export type ScanResolutionView = z.infer<typeof scanResolution>;
export type SiteSnapshot = z.infer<typeof siteSnapshot>;
