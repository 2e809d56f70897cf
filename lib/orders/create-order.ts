import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import { AVAILABLE_OF_LEVEL } from "../availability/availability-rule";
import type { Db, DbTx } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import type { IdempotencyKey } from "../db/idempotency-key";
import { inUnitOfWork } from "../db/unit-of-work";
import { ValidationFailed, type FieldIssue } from "../domain-error";
import { enqueueEvent } from "../outbox/enqueue-event";
import { reserveInTransaction } from "../reservations/create-reservation";
import { findOrderView } from "./order-view";
import { planAllocation, type Site } from "./plan-allocation";
import { orderInput, type OrderInput, type OrderView } from "./schemas";
import { allocationStatusOf } from "./settle-status";

type Options = { idempotency?: IdempotencyKey | null };
type Item = { id: string; sku: string };

/**
 * Takes a customer's order and allocates it at once: first expiring first within a site; the site that can ship
 * everything, else split across sites when allowed; what is short is backordered and allocated later by itself
 * (./allocate-backorders.ts). Each line's units are held by a reservation without expiry, so nothing else can
 * promise them. `reference` is unique per channel: the same order sent twice answers the first (replayed).
 */
export async function createOrder(db: Db, actor: Actor, input: OrderInput, options: Options = {}): Promise<OrderView> {
  const data = orderInput.parse(input);
  authorize(actor, "stock.move");
  const channel = data.channel ?? "direct";
  const earlier = await existingOrder(db, actor, channel, data.reference);
  if (earlier) return earlier;

  const items = await resolveItems(db, data.lines);
  const sites = await candidateSites(db, actor, data.site);
  const available = await availabilityOf(
    db,
    items.map((i) => i.id),
    sites.map((s) => s.id),
  );
  const lines = data.lines.map((line, index) => ({ itemId: items[index].id, quantity: line.quantity }));
  const plan = planAllocation(lines, sites, (siteId, itemId) => available.get(`${siteId}|${itemId}`) ?? 0, data.allowSplit ?? false);

  try {
    const result = await inUnitOfWork(db, { idempotency: options.idempotency, status: 201 }, async (tx) => {
      const order = await tx.salesOrder.create({
        data: {
          reference: data.reference,
          channel,
          customerName: data.customer.name,
          customerEmail: data.customer.email,
          customerAddress: data.customer.address,
          siteId: plan.shipSiteId ?? sites[0]?.id,
          siteRequested: data.site !== undefined,
          allowSplit: data.allowSplit ?? false,
          promisedShipDate: data.promisedShipDate ? new Date(`${data.promisedShipDate}T00:00:00Z`) : null,
          status: "backordered",
          createdByLabel: actor.label,
          lines: { create: lines.map((line, index) => ({ lineNo: index + 1, itemId: line.itemId, quantity: line.quantity })) },
        },
        select: { id: true, number: true, siteId: true, lines: { select: { id: true, itemId: true } } },
      });
      await holdPlanned(tx, actor, order, plan.takes, items, sites, channel);
      const status = await allocationStatusOf(tx, order.id);
      await tx.salesOrder.update({ where: { id: order.id }, data: { status } });
      await tx.orderHistory.create({ data: { orderId: order.id, status, actorLabel: actor.label, note: "received" } });
      const view = (await findOrderView(tx, order.id))!;
      await recordAudit(tx, actor, { action: "order.create", entityType: "order", entityId: order.id, siteId: order.siteId, after: view });
      await enqueueEvent(tx, { type: "order.created", siteId: order.siteId, aggregateId: order.id, payload: view });
      return view;
    });
    return result.replayed ? { ...(result.stored as OrderView), replayed: true } : result.value;
  } catch (error) {
    // The same order sent twice at once: the second answers the first.
    if (isUniqueViolation(error)) {
      const first = await existingOrder(db, actor, channel, data.reference);
      if (first) return first;
    }
    throw error;
  }
}

/** Holds each planned take in item then site order (the order levels are locked in), one reservation each. */
async function holdPlanned(
  tx: DbTx,
  actor: Actor,
  order: { id: string; number: string; lines: { id: string; itemId: string }[] },
  takes: { itemId: string; siteId: string; quantity: number }[],
  items: Item[],
  sites: Site[],
  channel: string,
) {
  const ordered = [...takes].sort((a, b) => a.itemId.localeCompare(b.itemId) || a.siteId.localeCompare(b.siteId));
  for (const take of ordered) {
    const site = sites.find((s) => s.id === take.siteId)!;
    await reserveInTransaction(tx, actor, {
      itemId: take.itemId,
      sku: items.find((i) => i.id === take.itemId)!.sku,
      siteId: site.id,
      siteCode: site.code,
      lotId: null,
      lotNumber: null,
      quantity: take.quantity,
      allowPartial: true,
      allowNone: true,
      expiresAt: null,
      reference: order.number,
      channel,
      orderLineId: order.lines.find((l) => l.itemId === take.itemId)!.id,
    });
  }
}

async function existingOrder(db: Db, actor: Actor, channel: string, reference: string): Promise<OrderView | null> {
  const found = await db.salesOrder.findUnique({ where: { channel_reference: { channel, reference } }, select: { id: true, siteId: true } });
  if (!found) return null;
  if (found.siteId) authorize(actor, "stock.move", { siteId: found.siteId });
  return { ...(await findOrderView(db, found.id))!, replayed: true };
}

async function resolveItems(db: Db, lines: { sku: string }[]): Promise<Item[]> {
  const found = await db.item.findMany({
    where: { skuKey: { in: lines.map((l) => l.sku.toLowerCase()) } },
    select: { id: true, sku: true, skuKey: true, active: true },
  });
  const issues: FieldIssue[] = [];
  const items = lines.map((line, index) => {
    const item = found.find((i) => i.skuKey === line.sku.toLowerCase());
    if (!item) issues.push({ field: `lines.${index}.sku`, message: `No item has the SKU ${line.sku}` });
    else if (!item.active) issues.push({ field: `lines.${index}.sku`, message: `${item.sku} is archived` });
    return item ? { id: item.id, sku: item.sku } : null;
  });
  if (issues.length > 0) throw new ValidationFailed(issues);
  return items as Item[];
}

/** The named site, or every active site the actor may ship from. */
async function candidateSites(db: Db, actor: Actor, code: string | undefined): Promise<Site[]> {
  if (code) {
    const site = await db.site.findUnique({ where: { code }, select: { id: true, code: true, active: true } });
    if (!site || !site.active) throw new ValidationFailed([{ field: "site", message: `No active site has the code ${code}` }]);
    authorize(actor, "stock.move", { siteId: site.id });
    return [site];
  }
  const sites = await db.site.findMany({
    where: { active: true, ...(actor.sites === "all" ? {} : { id: siteFilter(actor).siteId }) },
    select: { id: true, code: true },
  });
  if (sites.length === 0) throw new ValidationFailed([{ field: "site", message: "You may not ship from any site" }]);
  return sites;
}

/** What each site can promise of each item now (a read without locks: the holds decide). */
async function availabilityOf(db: Db, itemIds: string[], siteIds: string[]): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ siteId: string; itemId: string; available: number }[]>`
    SELECT loc."siteId", s."itemId", SUM(${AVAILABLE_OF_LEVEL})::int AS available
    FROM "StockLevel" s JOIN "Location" loc ON loc.id = s."locationId" LEFT JOIN "Lot" lot ON lot.id = s."lotId"
    WHERE s."itemId" = ANY(${itemIds}::uuid[]) AND loc."siteId" = ANY(${siteIds}::uuid[])
    GROUP BY loc."siteId", s."itemId"`;
  return new Map(rows.map((r) => [`${r.siteId}|${r.itemId}`, r.available]));
}
