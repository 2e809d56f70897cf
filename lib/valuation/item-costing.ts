import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { CostingMethod } from "../db/generated/client";
import { NotFound } from "../domain-error";

export type ItemCosting = {
  /** The method its stock is valued by now, and where that comes from (its own, its category's, the installation's). */
  method: CostingMethod;
  source: "item" | "category" | "installation";
  standardCost: string | null;
  currency: string;
  /** What its stock is worth at each site the actor sees (CostState, kept by the ledger as it posts). */
  sites: { site: string; quantity: number; value: string; method: CostingMethod }[];
};

/** The costing method in force for an item and its current value per site, within the actor's sites. */
export async function itemCosting(db: Db, actor: Actor, sku: string): Promise<ItemCosting> {
  authorize(actor, "reports.view");
  const item = await db.item.findUnique({
    where: { skuKey: sku.trim().toLowerCase() },
    select: {
      costingMethod: true,
      standardCost: true,
      category: { select: { costingMethod: true } },
      costStates: {
        where: actor.sites === "all" ? {} : { siteId: { in: [...actor.sites] } },
        select: { quantity: true, value: true, method: true, site: { select: { code: true } } },
        orderBy: { site: { code: "asc" } },
      },
    },
  });
  if (!item) throw new NotFound("Item", sku);
  const settings = await db.installationSettings.findUnique({ where: { id: 1 }, select: { costingMethod: true, currency: true } });
  const [method, source] = item.costingMethod
    ? ([item.costingMethod, "item"] as const)
    : item.category?.costingMethod
      ? ([item.category.costingMethod, "category"] as const)
      : ([settings?.costingMethod ?? "fifo", "installation"] as const);
  return {
    method,
    source,
    standardCost: item.standardCost?.toFixed(4) ?? null,
    currency: settings?.currency ?? "EUR",
    sites: item.costStates.map((state) => ({
      site: state.site.code,
      quantity: state.quantity,
      value: state.value.toFixed(4),
      method: state.method,
    })),
  };
}
