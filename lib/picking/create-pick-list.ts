import { unitOfWork } from "../db/unit-of-work";
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { ValidationFailed, type FieldIssue } from "../domain-error";
import { readSiteMap } from "../maps/read-site-map";
import { enqueueEvent } from "../outbox/enqueue-event";
import { planPickRoute } from "../routing/plan-pick-route";
import { allocatePickLines, type BinStock, type BinTake, type PickDemand } from "./allocate-pick";
import { NotEnoughToPick, PickListReferenceTaken } from "./errors";
import { findPickListView } from "./pick-list-view";
import { pickListInput, type PickListInput, type RoutedPickList } from "./schemas";

type ParsedLine = ReturnType<typeof pickListInput.parse>["lines"][number];
type Item = { id: string; sku: string; tracking: "none" | "lot" | "serial"; active: boolean };
type Bin = { id: string; code: string; siteId: string; isVirtual: boolean; type: string; active: boolean };
type PlannedLine = { itemId: string; fromLocationId: string; lotId: string | null; quantity: number };
type PlannedStop = { line: PlannedLine; code: string };

/**
 * Opens a pick list for an order at a site. Lines naming no bin are planned from the stock at the site (see
 * allocatePickLines) and split when one bin is not enough; stock is checked but not reserved, so a pick may still
 * find it gone (the ledger then refuses the issue). When the site has a map the lines are numbered in walking
 * order (lib/routing/plan-pick-route.ts) and the answer gives the route's length beside the bin-code order's;
 * otherwise they keep the order of the request. A missing reference is made up. Audited and announced
 * (`pickList.created`).
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

  const demands: PickDemand[] = [];
  for (const [index, line] of data.lines.entries()) {
    const item = itemBySku.get(line.sku.toLowerCase())!;
    demands.push({
      itemId: item.id,
      quantity: line.quantity,
      isLotTracked: item.tracking === "lot",
      stock: await stockFor(db, site.id, item, line, index, binByCode),
    });
  }
  const planned: PlannedStop[] = allocatePickLines(demands).flatMap(({ takes, available }, index) => {
    const line = data.lines[index];
    const item = itemBySku.get(line.sku.toLowerCase())!;
    if (!takes)
      throw new NotEnoughToPick({ line: index, sku: item.sku, requested: line.quantity, available, from: line.from ?? null, lot: line.lot ?? null });
    return takes.map((take) => ({ line: plannedLine(item, take), code: take.stock.locationCode }));
  });

  const map = await readSiteMap(db, site.id);
  const route = map
    ? planPickRoute(
        map.graph,
        planned.map((p) => p.code),
      )
    : null;
  const walk = route ? route.order.map((i) => planned[i].line) : planned.map((p) => p.line);
  const reference = data.reference ?? madeUpReference();

  try {
    return await unitOfWork(db, async (tx) => {
      const list = await tx.pickList.create({
        data: {
          siteId: site.id,
          reference,
          createdById: actor.type === "user" ? actor.id : null,
          createdByLabel: actor.label,
          lines: { create: walk.map((line, i) => ({ ...line, lineNo: i + 1 })) },
        },
        select: { id: true },
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

/** What the site holds of the line's item, limited to its bin and lot when it names them. */
async function stockFor(db: Db, siteId: string, item: Item, line: ParsedLine, index: number, binByCode: Map<string, Bin>): Promise<BinStock[]> {
  let lotId: string | undefined;
  if (line.lot) {
    const lot = await db.lot.findUnique({ where: { itemId_number: { itemId: item.id, number: line.lot } }, select: { id: true } });
    if (!lot) throw new ValidationFailed([{ field: `lines.${index}.lot`, message: `${item.sku} has no lot ${line.lot}` }]);
    lotId = lot.id;
  }
  const levels = await db.stockLevel.findMany({
    where: {
      itemId: item.id,
      onHand: { gt: 0 },
      ...(lotId ? { lotId } : {}),
      ...(line.from ? { locationId: binByCode.get(line.from)!.id } : { location: { siteId, isVirtual: false, active: true } }),
    },
    select: {
      onHand: true,
      reserved: true,
      locationId: true,
      lotId: true,
      location: { select: { code: true } },
      lot: { select: { number: true, expiresOn: true } },
    },
  });
  return levels.map((l) => ({
    locationId: l.locationId,
    locationCode: l.location.code,
    lotId: l.lotId,
    lotNumber: l.lot?.number ?? null,
    expiresOn: l.lot?.expiresOn ?? null,
    available: l.onHand - l.reserved,
  }));
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
