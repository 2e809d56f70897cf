import type { Actor } from "../auth/actor";
import { holdAt, releaseHeld } from "../availability/hold-stock";
import type { Db, DbTx } from "../db/client";
import { postResolvedLines } from "../ledger/post-resolved-lines";
import type { PostedMovement } from "../ledger/schemas";
import { workZoneCode } from "../locations/create-site";
import { moveOrderTo } from "../orders/settle-status";
import { PickNotHeld, PickRefused } from "./errors";

export type OrderPick = {
  siteId: string;
  order: { id: string; number: string };
  line: {
    id: string;
    orderLineId: string;
    allocationId: string;
    itemId: string;
    fromLocationId: string;
    lotId: string | null;
    item: { sku: string; tracking: string };
    fromLocation: { code: string };
    lot: { number: string } | null;
  };
  quantity: number;
  serials?: string[];
};

/**
 * Picks units of an order's line (the order and the pick list locked by the caller): the order's hold on the bin
 * gives way, the units move bin → the site's staging location as a movement (reason "picked", the order number),
 * and the hold follows them (the reservation's allocation is now on staging, which promises nothing to anyone
 * else). The order line's picked count rises under a conditional UPDATE, and the order becomes `picked` when
 * every unit is.
 */
export async function pickToStaging(tx: DbTx, actor: Actor, pick: OrderPick): Promise<PostedMovement> {
  const { line, quantity } = pick;
  const allocation = await tx.reservationAllocation.findUnique({
    where: { id: line.allocationId },
    select: { id: true, quantity: true, reservationId: true, reservation: { select: { status: true } } },
  });
  // A count that came up short may have moved the hold elsewhere (lib/availability/displace-holds.ts).
  if (!allocation || allocation.reservation.status !== "active" || allocation.quantity < quantity)
    throw new PickNotHeld(pick.order.number, line.fromLocation.code, allocation?.quantity ?? 0, quantity);
  if (line.item.tracking === "serial" && new Set(pick.serials ?? []).size !== quantity)
    throw new PickRefused("serials", `Scan ${quantity} different serials, one per unit`);

  const site = await tx.site.findUniqueOrThrow({ where: { id: pick.siteId }, select: { code: true } });
  const staging = await tx.location.findUniqueOrThrow({ where: { code: workZoneCode(site.code, "staging") }, select: { id: true, code: true } });
  await releaseHeld(tx, line.itemId, [{ locationId: line.fromLocationId, lotId: line.lotId, quantity }]);
  await tx.reservationAllocation.update({ where: { id: allocation.id }, data: { quantity: { decrement: quantity } } });
  const posted = await postResolvedLines(tx as unknown as Db, {
    action: "order.pick",
    siteId: pick.siteId,
    actor,
    lines: [
      {
        kind: "move",
        itemId: line.itemId,
        quantity,
        fromLocationId: line.fromLocationId,
        toLocationId: staging.id,
        lotId: line.lotId,
        serials: line.item.tracking === "serial" ? pick.serials : undefined,
        reasonCode: "picked",
        reference: pick.order.number,
        sku: line.item.sku,
        sourceCode: line.fromLocation.code,
        lot: line.lot?.number ?? null,
        fromCode: line.fromLocation.code,
        toCode: staging.code,
        fromKeepsLevels: true,
        toKeepsLevels: true,
        toIsVirtual: false,
      },
    ],
  });
  await holdAt(tx, line.itemId, [{ locationId: staging.id, lotId: line.lotId, quantity }]);
  const onStaging = await tx.reservationAllocation.findFirst({
    where: { reservationId: allocation.reservationId, locationId: staging.id, lotId: line.lotId },
    select: { id: true },
  });
  if (onStaging) await tx.reservationAllocation.update({ where: { id: onStaging.id }, data: { quantity: { increment: quantity } } });
  else
    await tx.reservationAllocation.create({
      data: { reservationId: allocation.reservationId, locationId: staging.id, lotId: line.lotId, quantity },
    });

  const raised = await tx.$executeRaw`
    UPDATE "SalesOrderLine" SET picked = picked + ${quantity} WHERE id = ${line.orderLineId}::uuid AND picked + ${quantity} <= quantity`;
  if (raised !== 1) throw new PickRefused("quantity", `Order ${pick.order.number} needs fewer than ${quantity} more of ${line.item.sku}`);
  const unpicked = await tx.salesOrderLine.count({ where: { orderId: pick.order.id, picked: { lt: tx.salesOrderLine.fields.quantity } } });
  if (unpicked === 0) await moveOrderTo(tx, actor, pick.order.id, "picked", "every unit in staging");
  return { ...posted, movement: posted.movements[0] ?? null };
}
