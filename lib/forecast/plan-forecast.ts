import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { inUnitOfWork } from "../db/unit-of-work";
import { NotFound } from "../domain-error";
import { forecastPlanInput, type ForecastPlanInput } from "./schemas";

export type DemandOverride = { start: string; demand: number; note: string; by: string; at: string };
export type ForecastPlanView = { sku: string; site: string; period: string; pinnedMethod: string | null; overrides: DemandOverride[] };

/**
 * A planner pins a method (null: back to automatic) and/or corrects one period's demand with a note (demand null
 * removes the correction). The plan row is written under its key's lock, so two planners' corrections both land.
 */
export async function planForecast(
  db: Db,
  actor: Actor,
  sku: string,
  input: ForecastPlanInput,
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<ForecastPlanView> {
  authorize(actor, "catalog.manage");
  const change = forecastPlanInput.parse(input);
  const result = await inUnitOfWork(db, { idempotency: options.idempotency }, async (tx) => {
    const { itemId, siteId, skuAsStored } = await resolve(tx, sku, change.site);
    const key = { itemId, siteId, period: change.period };
    await tx.forecastPlan.upsert({ where: { itemId_siteId_period: key }, create: { ...key, updatedBy: actor.label }, update: {} });
    const [plan] = await tx.$queryRaw<{ pinnedMethod: string | null; overrides: DemandOverride[] }[]>`
      SELECT "pinnedMethod", overrides FROM "ForecastPlan"
      WHERE "itemId" = ${itemId}::uuid AND "siteId" = ${siteId}::uuid AND period = ${change.period} FOR UPDATE`;
    let overrides = plan.overrides;
    if (change.override) {
      const { start, demand, note } = change.override;
      overrides = overrides.filter((o) => o.start !== start);
      if (demand !== null)
        overrides = [...overrides, { start, demand, note, by: actor.label, at: new Date().toISOString() }].sort((a, b) =>
          a.start.localeCompare(b.start),
        );
    }
    const pinnedMethod = change.pinnedMethod === undefined ? plan.pinnedMethod : change.pinnedMethod;
    await tx.forecastPlan.update({ where: { itemId_siteId_period: key }, data: { pinnedMethod, overrides, updatedBy: actor.label } });
    const view = { sku: skuAsStored, site: change.site, period: change.period, pinnedMethod, overrides };
    await recordAudit(tx, actor, { action: "forecast.plan", entityType: "item", entityId: itemId, siteId, after: view });
    return view;
  });
  return result.replayed ? (result.stored as ForecastPlanView) : result.value;
}

async function resolve(tx: DbTx, sku: string, siteCode: string) {
  const item = await tx.item.findUnique({ where: { skuKey: sku.toLowerCase() }, select: { id: true, sku: true } }); // one after the other: unit-of-work.ts
  const site = await tx.site.findUnique({ where: { code: siteCode }, select: { id: true } });
  if (!item) throw new NotFound("Item", sku);
  if (!site) throw new NotFound("Site", siteCode);
  return { itemId: item.id, siteId: site.id, skuAsStored: item.sku };
}
