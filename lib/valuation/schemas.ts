import { z } from "zod";
import { categoryFilterField, isoDay, siteFilterField } from "../reports/report";

const instant = z.iso.datetime({ offset: true }).or(isoDay);

export const valuationQuery = z.object({
  asOf: instant.optional().describe("A date (the end of that day, UTC) or an ISO timestamp; now when left out"),
  site: siteFilterField,
  category: categoryFilterField,
  sku: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional().describe("Lines per page (1,000 when left out); total and count are over all"),
  cursor: z.string().max(200).optional().describe("`next` of the previous page"),
});
export type ValuationQuery = z.infer<typeof valuationQuery>;

export const valuationAnswer = z
  .object({
    asOf: z.string(),
    currency: z.string(),
    total: z.string().describe("Exact decimal, 4 places: every line's, not only this page's"),
    count: z.number().int().describe("Lines in all"),
    next: z.string().nullable().describe("Send as `cursor` for the next page; null on the last"),
    data: z.array(
      z.object({
        sku: z.string(),
        name: z.string(),
        site: z.string(),
        quantity: z.number().int(),
        value: z.string().describe("Exact decimal, 4 places"),
        method: z.enum(["fifo", "average", "standard"]).describe("The item's costing method at the site today"),
      }),
    ),
  })
  .meta({ id: "Valuation" });

export const reconciliationQuery = z.object({
  from: isoDay.describe("First day (UTC)"),
  to: isoDay.describe("Last day (UTC), included"),
  site: siteFilterField,
});
export type ReconciliationQuery = z.infer<typeof reconciliationQuery>;

const amount = z.string().describe("Exact decimal, 4 places");
export const reconciliationAnswer = z
  .object({
    from: z.string(),
    to: z.string(),
    site: z.string().nullable(),
    currency: z.string(),
    opening: amount,
    receipts: amount.describe("Received from suppliers, less returns to them"),
    cogs: amount.describe("Cost of goods sold: issued to customers, less customer returns"),
    adjustments: amount.describe("Losses, scrap, damage, count differences, found units, revaluations (signed)"),
    transfers: amount.describe("Transfers from other sites less transfers to them (0 over every site)"),
    closing: amount.describe("= opening + receipts − cogs + adjustments + transfers"),
  })
  .meta({ id: "ValuationReconciliation" });

export const closePeriodInput = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month as YYYY-MM")
    .describe("The month to close; it must have ended. Earlier months are closed with it"),
});

export const closedPeriods = z
  .object({
    closedThrough: z.string().nullable().describe("The last day nothing may be posted into (YYYY-MM-DD)"),
    months: z.array(z.object({ month: z.string(), closedAt: z.string(), closedBy: z.string() })),
  })
  .meta({ id: "ClosedPeriods" });
