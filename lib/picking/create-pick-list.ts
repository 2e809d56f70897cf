import { unitOfWork } from "../db/unit-of-work";
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import { AVAILABLE_OF_LEVEL, SELLABLE_LEVEL } from "../availability/availability-rule";
import { isUniqueViolation } from "../db/errors";
import { ValidationFailed, type FieldIssue } from "../domain-error";
import { readSiteMap } from "../maps/read-site-map";
import { enqueueEvent } from "../outbox/enqueue-event";
import { planPickRoute } from "../routing/plan-pick-route";
import { allocatePickLines, type BinStock, type BinTake, type PickDemand } from "./allocate-pick";
import { NotEnoughToPick, PickListReferenceTaken } from "./errors";
import { findPickListView } from "./pick-list-view";
import { holdPickLine } from "./hold-pick-line";
import { pickListInput, type PickListInput, type RoutedPickList } from "./schemas";

type ParsedLine = ReturnType<typeof pickListInput.parse>["lines"][number];
type Item = { id: string; sku: string; tracking: "none" | "lot" | "serial"; active: boolean };
type Bin = { id: string; code: string; siteId: string; isVirtual: boolean; type: string; active: boolean };
type PlannedLine = { itemId: string; fromLocationId: string; lotId: string | null; quantity: number };
type PlannedStop = { line: PlannedLine; code: string };

/**
 * Opens a pick list for an order at a site. Lines naming no bin are planned from the stock at the site (see
 * allocatePickLines) and split when one bin is not enough. Planning reads what the site can still promise under
 * the availability rule (lib/availability/availability-rule.ts) with the levels locked, and each planned line
 * then holds its units through a reservation of the line (./hold-pick-line.ts): nobody else can reserve or pick
 * them, a pick consumes the hold and cancelling the list releases what was not picked. When the site has a map
 * the lines are numbered in walking order (lib/routing/plan-pick-route.ts) and the answer gives the route's
 * length beside the bin-code order's; otherwise they keep the order of the request. A missing reference is made
 * up. Audited and announced (`pickList.created`).
 */
export async function createPickList(db: Db, actor: Actor, input: PickListInput): Promise<RoutedPickList> {
  const data = pickListInput.parse(input);
  const site = await db.site.findUnique({ where: { code: data.site }, select: { id: true, code: true } });
  if (!site) throw new ValidationFailed([{ field: "site", message: `No site has the code ${data.site}` }]);
  authorize(actor, "stock.move", { siteId: site.id });

  const items = await db.item.findMany({
    where: { skuKey: { in: data.lines.map((l) => l.sku.toLowerCase()) } },
    select: { id: true, sku: true, tracking: true, active: true },
  });
  const bins = await db.location.findMany({
    where: { code: { in: data.lines.flatMap((l) => (l.from ? [l.from] : [])) } },
    select: { id: true, code: true, siteId: true, isVirtual: true, type: true, active: true },
  });
  const itemBySku = new Map(items.map((i) => [i.sku.toLowerCase(), i]));
  const binByCode = new Map(bins.map((b) => [b.code, b]));
  const issues = data.lines.flatMap((line, index) =>
    lineIssues(line, index, itemBySku.get(line.sku.toLowerCase()), line.from ? binByCode.get(line.from) : undefined, site.id),
  );
  if (issues.length > 0) throw new ValidationFailed(issues);
  const lotIds = await lotsOf(db, data.lines, itemBySku);
  const map = await readSiteMap(db, site.id);
  const reference = data.reference ?? madeUpReference();

  try {
    return await unitOfWork(db, async (tx) => {
      const stock = await lockSellableStock(tx, site.id, [...new Set(items.map((i) => i.id))]);
      const demands: PickDemand[] = data.lines.map((line, index) => {
        const item = itemBySku.get(line.sku.toLowerCase())!;
        const from = line.from ? binByCode.get(line.from)!.id : null;
        return {
          itemId: item.id,
          quantity: line.quantity,
          isLotTracked: item.tracking === "lot",
          stock: stock.filter((s) => s.itemId === item.id && (!lotIds[index] || s.lotId === lotIds[index]) && (!from || s.locationId === from)),
        };
      });
      const planned: PlannedStop[] = allocatePickLines(demands).flatMap(({ takes, available }, index) => {
        const line = data.lines[index];
        const item = itemBySku.get(line.sku.toLowerCase())!;
        if (!takes)
          throw new NotEnoughToPick({
            line: index,
            sku: item.sku,
            requested: line.quantity,
            available,
            from: line.from ?? null,
            lot: line.lot ?? null,
          });
        return takes.map((take) => ({ line: plannedLine(item, take), code: take.stock.locationCode }));
      });
      const route = map
        ? planPickRoute(
            map.graph,
            planned.map((p) => p.code),
          )
        : null;
      const walk = route ? route.order.map((i) => planned[i].line) : planned.map((p) => p.line);

      const list = await tx.pickList.create({
        data: {
          siteId: site.id,
          reference,
          createdById: actor.type === "user" ? actor.id : null,
          createdByLabel: actor.label,
          lines: { create: walk.map((line, i) => ({ ...line, lineNo: i + 1 })) },
        },
        select: { id: true, lines: { select: { id: true, itemId: true, fromLocationId: true, lotId: true, quantity: true } } },
      });
      for (const line of list.lines)
        await holdPickLine(tx, actor, {
          pickListLineId: line.id,
          siteId: site.id,
          itemId: line.itemId,
          locationId: line.fromLocationId,
          lotId: line.lotId,
          quantity: line.quantity,
          reference,
        });
      const { view } = (await findPickListView(tx, list.id))!;
      await recordAudit(tx, actor, { action: "pickList.create", entityType: "pickList", entityId: list.id, siteId: site.id, after: view });
      await enqueueEvent(tx, { type: "pickList.created", siteId: site.id, aggregateId: list.id, payload: view });
      return { ...view, routeLength: route ? metres(route.length) : null, naiveLength: route ? metres(route.naiveLength) : null };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new PickListReferenceTaken(site.code, reference);
    throw error;
  }
}

function lineIssues(line: ParsedLine, index: number, item: Item | undefined, bin: Bin | undefined, siteId: string): FieldIssue[] {
  const field = (name: string, message: string) => [{ field: `lines.${index}.${name}`, message }];
  if (!item) return field("sku", `No item has the SKU ${line.sku}`);
  if (!item.active) return field("sku", `${item.sku} is archived`);
  if (line.lot && item.tracking === "none") return field("lot", `${item.sku} is not lot-tracked`);
  if (!line.from) return [];
  if (!bin || bin.siteId !== siteId) return field("from", `No location at this site has the code ${line.from}`);
  if (bin.isVirtual || bin.type === "site") return field("from", `${bin.code} does not hold stock: name a bin`);
  return [];
}

/** The lot each line names (null where it names none), refused (422 on the line's lot) when the item has no such lot. */
async function lotsOf(db: Db, lines: ParsedLine[], itemBySku: Map<string, Item>): Promise<(string | null)[]> {
  return Promise.all(
    lines.map(async (line, index) => {
      if (!line.lot) return null;
      const item = itemBySku.get(line.sku.toLowerCase())!;
      const lot = await db.lot.findUnique({ where: { itemId_number: { itemId: item.id, number: line.lot } }, select: { id: true } });
      if (!lot) throw new ValidationFailed([{ field: `lines.${index}.lot`, message: `${item.sku} has no lot ${line.lot}` }]);
      return lot.id;
    }),
  );
}

/**
 * What the site can still promise of these items, level by level, under the availability rule; the levels are
 * locked in the ledger's order (item, location, lot) so the plan made from them is what gets held.
 */
async function lockSellableStock(tx: DbTx, siteId: string, itemIds: string[]): Promise<(BinStock & { itemId: string })[]> {
  const rows = await tx.$queryRaw<(BinStock & { itemId: string })[]>`
    SELECT s."itemId", s."locationId", loc.code AS "locationCode", s."lotId", lot.number AS "lotNumber", lot."expiresOn",
      ${AVAILABLE_OF_LEVEL}::int AS available
    FROM "StockLevel" s
    JOIN "Location" loc ON loc.id = s."locationId"
    LEFT JOIN "Lot" lot ON lot.id = s."lotId"
    WHERE s."itemId" = ANY(${itemIds}::uuid[]) AND loc."siteId" = ${siteId}::uuid AND loc.active AND s."onHand" > s.reserved
      AND ${SELLABLE_LEVEL}
    ORDER BY s."itemId", s."locationId", s."lotId" NULLS FIRST
    FOR UPDATE OF s`;
  return rows;
}

function plannedLine(item: Item, take: BinTake): PlannedLine {
  return { itemId: item.id, fromLocationId: take.stock.locationId, lotId: take.stock.lotId, quantity: take.quantity };
}

/** PL-20261127-4F3A9C2B: the day and 32 random bits, unique per site in practice (the database still checks). */
function madeUpReference(): string {
  return `PL-${new Date().toISOString().slice(0, 10).replaceAll("-", "")}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

function metres(length: number): number {
  return Math.round(length * 100) / 100;
}
