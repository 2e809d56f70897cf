/**
 * Purchase suggestions for one site, per supplier: every item whose projected available (available under the
 * one availability rule + what open purchase orders still bring) is at or below the reorder point in force, with
 * the quantity of ./suggested-quantity.ts. Demand over the lead time comes from the forecast where one set the
 * site's reorder point (its reorder point less its safety stock, as the weekly recompute or a planner's "apply"
 * wrote them), else from the last 90 days' sales to customers (issues) per day × the lead time. The supplier is
 * the item's preferred one, else its cheapest; the lead time the item's with that supplier, else the supplier's,
 * else 14 days. One statement reads every figure for the whole site.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db, DbTx } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { AVAILABLE_OF_LEVEL } from "../availability/availability-rule";
import { happenedBetween } from "../ledger/happened-between";
import { ValidationFailed } from "../domain-error";
import type { suggestionsQuery, SuggestionsView } from "./schemas";
import { suggestedQuantity, suggestionReason } from "./suggested-quantity";

const DEMAND_DAYS = 90;
const DEFAULT_LEAD_TIME_DAYS = 14;
/** Purchase orders in these states will still bring their outstanding units. */
const OPEN_STATES = ["draft", "approved", "sent", "partially_received"];

type Row = {
  supplier: string;
  supplierName: string;
  sku: string;
  available: number;
  onOrder: number;
  reorderPoint: number;
  reorderQuantity: number | null;
  sold: number;
  leadTimeDays: number;
  packSize: number;
  minOrderQty: number | null;
  /** Demand over the lead time as the forecast put it, where the site's reorder point was applied from one. */
  forecastDemand: number | null;
};

export async function suggestPurchases(db: Db | DbTx, actor: Actor, query: z.input<typeof suggestionsQuery>): Promise<SuggestionsView> {
  authorize(actor, "purchasing.manage");
  const site = await db.site.findUnique({ where: { code: String(query.site ?? "").toUpperCase() }, select: { id: true, code: true } });
  if (!site) throw new ValidationFailed([{ field: "site", message: `No site has the code ${query.site}` }]);
  authorize(actor, "purchasing.manage", { siteId: site.id });
  // Its own transaction for the SET LOCALs, or a savepoint of the caller's (the drafting schedule's).
  const rows = await unitOfWork(db, async (tx) => {
    // One large read: JIT compilation costs more than it saves here, and the aggregates fit in memory.
    await tx.$executeRaw`SET LOCAL jit = off`;
    await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
    return tx.$queryRaw<Row[]>`
    WITH low AS MATERIALIZED (
      SELECT t."itemId", t."reorderPoint", t."reorderQuantity" FROM "StockThresholdInForce" t
      WHERE t."siteId" = ${site.id}::uuid AND t."reorderPoint" IS NOT NULL
    ), stock AS MATERIALIZED (
      -- every level of the site in one scan (cheaper than looking up each thresholded item's levels)
      SELECT s."itemId", SUM(${AVAILABLE_OF_LEVEL})::int AS available
      FROM "StockLevel" s JOIN "Location" loc ON loc.id = s."locationId" LEFT JOIN "Lot" lot ON lot.id = s."lotId"
      WHERE loc."siteId" = ${site.id}::uuid
      GROUP BY s."itemId"
    ), on_order AS (
      SELECT l."itemId", SUM(GREATEST(l.quantity - l.received, 0))::int AS units
      FROM "PurchaseOrderLine" l JOIN "PurchaseOrder" o ON o.id = l."purchaseOrderId"
      WHERE o."siteId" = ${site.id}::uuid AND o.status::text = ANY(${OPEN_STATES}::text[])
      GROUP BY l."itemId"
    ), projected AS MATERIALIZED (
      -- filtered before the per-item supplier and sales look-ups below
      SELECT low.*, COALESCE(stock.available, 0) AS available, COALESCE(on_order.units, 0) AS on_order
      FROM low LEFT JOIN stock USING ("itemId") LEFT JOIN on_order USING ("itemId")
      WHERE COALESCE(stock.available, 0) + COALESCE(on_order.units, 0) <= low."reorderPoint"
    )
    SELECT sup.code AS supplier, sup.name AS "supplierName", i.sku, p.available, p.on_order AS "onOrder", p."reorderPoint", p."reorderQuantity",
      COALESCE(sold.units, 0)::int AS sold,
      COALESCE(choice."leadTimeDays", sup."leadTimeDays", ${DEFAULT_LEAD_TIME_DAYS})::int AS "leadTimeDays",
      choice."packSize", choice."minOrderQty",
      -- GREATEST skips NULLs: without a forecast row the figure must stay NULL
      CASE WHEN own.id IS NULL THEN NULL ELSE GREATEST(own."reorderPoint" - COALESCE(own."safetyStock", 0), 0) END::int AS "forecastDemand"
    FROM projected p
    JOIN "Item" i ON i.id = p."itemId" AND i.active
    CROSS JOIN LATERAL (
      SELECT isup.* FROM "ItemSupplier" isup JOIN "Supplier" s2 ON s2.id = isup."supplierId" AND s2.active
      WHERE isup."itemId" = p."itemId" ORDER BY isup.preferred DESC, isup."unitCost" ASC NULLS LAST, s2.code LIMIT 1
    ) choice
    JOIN "Supplier" sup ON sup.id = choice."supplierId"
    -- a reorder point the forecast set is its demand over the lead time plus safety stock (lib/forecast/reorder-point.ts)
    LEFT JOIN "StockThreshold" own ON own."itemId" = p."itemId" AND own."siteId" = ${site.id}::uuid AND own."reorderPointSource" = 'forecast'
    LEFT JOIN LATERAL (
      SELECT SUM(m.quantity) AS units FROM "StockMovement" m JOIN "Location" c ON c.id = m."toLocationId"
      WHERE m."itemId" = p."itemId" AND c.type = 'customer' AND c."siteId" = ${site.id}::uuid
        AND ${happenedBetween("m", new Date(Date.now() - DEMAND_DAYS * 86_400_000), null)}
    ) sold ON true
    ORDER BY sup.code, i."skuKey"`;
  });
  return { site: site.code, data: groupBySupplier(rows) };
}

function groupBySupplier(rows: readonly Row[]): SuggestionsView["data"] {
  const bySupplier = new Map<string, SuggestionsView["data"][number]>();
  for (const row of rows) {
    const dailyDemand = row.sold / DEMAND_DAYS;
    const fromForecast = row.forecastDemand !== null;
    const figures = { ...row, leadTimeDemand: row.forecastDemand ?? dailyDemand * row.leadTimeDays };
    const quantity = suggestedQuantity(figures);
    if (quantity === 0) continue;
    const group = bySupplier.get(row.supplier) ?? { supplier: row.supplier, supplierName: row.supplierName, lines: [] };
    group.lines.push({
      sku: row.sku,
      quantity,
      packSize: row.packSize,
      minOrderQty: row.minOrderQty,
      available: row.available,
      onOrder: row.onOrder,
      reorderPoint: row.reorderPoint,
      reason: suggestionReason({ ...figures, dailyDemand, fromForecast }),
    });
    bySupplier.set(row.supplier, group);
  }
  return [...bySupplier.values()];
}
