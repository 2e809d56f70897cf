import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { ValidationFailed, type FieldIssue } from "../domain-error";
import { postResolvedLines, type ResolvedLine } from "../ledger/post-resolved-lines";
import { workZoneCode } from "../locations/create-site";
import { virtualLocationCode } from "../locations/virtual-locations";
import { enqueueEvent } from "../outbox/enqueue-event";
import { findOrderView } from "./order-view";
import { orderStep, type LockedOrder } from "./order-step";
import { returnInput, type OrderView, type ReturnInput } from "./schemas";

type Line = ReturnType<typeof returnInput.parse>["lines"][number];
type Location = { id: string; code: string; type: string; isVirtual: boolean; purpose: string; siteId: string };

/**
 * A return (RMA) of shipped units: posted from the site's customer location by condition — restock into a bin
 * (the one the units were picked from unless named), quarantine into the site's quarantine zone (released or
 * scrapped later by an ordinary move or scrap), damaged straight to the site's damage location. At most what
 * was shipped and not yet returned, per line.
 */
export async function returnOrder(
  db: Db,
  actor: Actor,
  id: string,
  input: ReturnInput,
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<OrderView> {
  const data = returnInput.parse(input);
  return orderStep(db, actor, id, { name: "returned", allowed: ["shipped"], idempotency: options.idempotency }, async (tx, order) => {
    const site = await tx.site.findUniqueOrThrow({ where: { id: order.siteId! }, select: { id: true, code: true } });
    const orderLines = await tx.salesOrderLine.findMany({
      where: { orderId: id },
      select: { id: true, shipped: true, returned: true, itemId: true, item: { select: { sku: true, skuKey: true, tracking: true } } },
    });
    const issues: FieldIssue[] = [];
    const resolved: { line: Line; orderLine: (typeof orderLines)[number]; to: Location; lotId: string | null }[] = [];
    for (const [index, line] of data.lines.entries()) {
      const orderLine = orderLines.find((l) => l.item.skuKey === line.sku.toLowerCase());
      const field = (name: string, message: string) => issues.push({ field: `lines.${index}.${name}`, message });
      if (!orderLine) {
        field("sku", `Order ${order.number} has no line for ${line.sku}`);
        continue;
      }
      const returnedSoFar = orderLine.returned + resolved.filter((r) => r.orderLine.id === orderLine.id).reduce((sum, r) => sum + r.line.quantity, 0);
      if (line.quantity > orderLine.shipped - returnedSoFar)
        field("quantity", `At most ${orderLine.shipped - returnedSoFar} of ${orderLine.item.sku} can still come back`);
      if (orderLine.item.tracking === "serial" && (line.serials?.length ?? 0) !== line.quantity) field("serials", `Name ${line.quantity} serials`);
      let lotId: string | null = null;
      if (line.lot) {
        const lot = await tx.lot.findUnique({ where: { itemId_number: { itemId: orderLine.itemId, number: line.lot } }, select: { id: true } });
        if (!lot) field("lot", `${orderLine.item.sku} has no lot ${line.lot}`);
        lotId = lot?.id ?? null;
      } else if (orderLine.item.tracking === "lot") field("lot", `Name the lot of ${orderLine.item.sku} that came back`);
      const to = await destinationOf(tx, order, site, line, orderLine.itemId, (message) => field("location", message));
      if (to) resolved.push({ line, orderLine, to, lotId });
    }
    if (issues.length > 0) throw new ValidationFailed(issues);

    const customer = await tx.location.findUniqueOrThrow({
      where: { code: virtualLocationCode(site.code, "customer") },
      select: { id: true, code: true },
    });
    const lines: ResolvedLine[] = resolved.map(({ line, orderLine, to, lotId }) => ({
      kind: "return",
      itemId: orderLine.itemId,
      quantity: line.quantity,
      fromLocationId: customer.id,
      toLocationId: to.id,
      lotId,
      serials: line.serials,
      reasonCode: line.condition === "damaged" ? "damaged" : "returned",
      reference: order.number,
      note: data.note ?? null,
      sku: orderLine.item.sku,
      sourceCode: customer.code,
      lot: line.lot ?? null,
    }));
    const posted = await postResolvedLines(tx as unknown as Db, { action: "order.return", siteId: site.id, actor, lines });
    for (const { line, orderLine } of resolved)
      await tx.salesOrderLine.update({ where: { id: orderLine.id }, data: { returned: { increment: line.quantity } } });
    const record = resolved.map(({ line, to }) => ({
      sku: line.sku,
      quantity: line.quantity,
      lot: line.lot ?? null,
      serials: line.serials ?? [],
      condition: line.condition,
      location: to.code,
    }));
    await tx.orderReturn.create({ data: { id: randomUUID(), orderId: id, postingId: posted.postingId!, lines: record, actorLabel: actor.label } });
    await recordAudit(tx, actor, {
      action: "order.return",
      entityType: "order",
      entityId: id,
      siteId: site.id,
      after: { number: order.number, lines: record, postingId: posted.postingId },
    });
    await enqueueEvent(tx, {
      type: "order.returned",
      siteId: site.id,
      aggregateId: id,
      payload: { number: order.number, lines: record, postingId: posted.postingId },
    });
    return (await findOrderView(tx, id))!;
  });
}

/** Where a returned line goes by its condition; restock to the named bin, else the bin the item was picked from. */
async function destinationOf(
  tx: DbTx,
  order: LockedOrder,
  site: { id: string; code: string },
  line: Line,
  itemId: string,
  refuse: (message: string) => void,
): Promise<Location | null> {
  const select = { id: true, code: true, type: true, isVirtual: true, purpose: true, siteId: true } as const;
  if (line.condition === "damaged") return tx.location.findUniqueOrThrow({ where: { code: virtualLocationCode(site.code, "damage") }, select });
  if (line.condition === "quarantine") return tx.location.findUniqueOrThrow({ where: { code: workZoneCode(site.code, "quarantine") }, select });
  if (line.location) {
    const bin = await tx.location.findUnique({ where: { code: line.location }, select });
    if (!bin || bin.siteId !== site.id || bin.isVirtual || bin.type === "site") {
      refuse(`No bin at ${site.code} has the code ${line.location}`);
      return null;
    }
    return bin;
  }
  const picked = await tx.pickListLine.findFirst({
    where: { itemId, pickList: { orderId: order.id } },
    orderBy: { lineNo: "asc" },
    select: { fromLocation: { select } },
  });
  if (picked) return picked.fromLocation;
  const issued = await tx.stockMovement.findFirst({
    where: { itemId, reference: order.number, kind: "issue", fromLocation: { purpose: "storage", isVirtual: false } },
    orderBy: { id: "asc" },
    select: { fromLocation: { select } },
  });
  if (issued) return issued.fromLocation;
  refuse("Name the bin to restock into");
  return null;
}
