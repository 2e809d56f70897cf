import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import { NotFound } from "../domain-error";
import type { IdempotencyKey } from "../db/idempotency-key";
import { inUnitOfWork } from "../db/unit-of-work";
import { postMovement } from "../ledger/post-movement";
import type { PostedMovement } from "../ledger/schemas";
import { enqueueEvent } from "../outbox/enqueue-event";
import { OrderStepRefused } from "../orders/errors";
import { lockOrder } from "../orders/order-view";
import { PickListNotOpen, PickRefused } from "./errors";
import { releasePickLine } from "./hold-pick-line";
import { findPickListView } from "./pick-list-view";
import { pickToStaging } from "./pick-to-staging";
import { pickInput, type PickConfirmation, type PickInput } from "./schemas";
import { isUuid } from "../db/is-uuid";

type Options = { idempotency?: IdempotencyKey | null };

/**
 * Confirms that units of one line were taken from its bin and raises the line's picked quantity, in one
 * transaction. A plain list's line gives up its hold on the units and posts the issue (bin → customer, reason
 * "sold", the list's reference). An order's line (./pick-to-staging.ts) moves the units to the site's staging
 * location with the order's hold, raises the order line's picked count, and the order becomes `picked` when
 * every unit is.
 *
 * Why this cannot over-pick: the transaction locks the order (for an order's line) and then the pick list row
 * (SELECT … FOR UPDATE), in the order cancelling an order locks them, so confirmations of one list run one after
 * another and each sees what the previous one picked; the line is then raised with a conditional UPDATE
 * (picked + q <= quantity) under the table's CHECK as a second guard. The ledger posting runs on the same
 * transaction, so a refused posting leaves the line untouched and a failed line update takes the posting back.
 * The locks also make "every line picked → done" exact when two clerks finish the last two lines at once.
 *
 * One unit of work (lib/db/unit-of-work.ts): with an idempotency key, a retry gets the first answer and posts
 * nothing; a concurrent twin waits on the key's row and then replays.
 */
export async function confirmPick(db: Db, actor: Actor, pickListId: string, input: PickInput, options: Options = {}): Promise<PickConfirmation> {
  const data = pickInput.parse(input);
  if (!isUuid(pickListId)) throw new NotFound("Pick list", pickListId);
  const result = await inUnitOfWork(
    db,
    // Confirmations of one list queue on its lock; give the queue time rather than failing a busy list.
    { idempotency: options.idempotency, timeoutMs: 20_000 },
    async (tx): Promise<PickConfirmation> => {
      // The line's order never changes, so it can be read before any lock; the order is locked before the list.
      const target = await tx.pickListLine.findUnique({
        where: { pickListId_lineNo: { pickListId, lineNo: data.lineNo } },
        select: { orderLine: { select: { orderId: true } } },
      });
      const order = target?.orderLine ? await lockOrder(tx, target.orderLine.orderId) : null;
      const [list] = await tx.$queryRaw<{ siteId: string; status: string; reference: string }[]>`
        SELECT "siteId", status::text AS status, reference FROM "PickList" WHERE id = ${pickListId}::uuid FOR UPDATE`;
      if (!list) throw new NotFound("Pick list", pickListId);
      authorize(actor, "stock.move", { siteId: list.siteId });
      if (list.status !== "open") throw new PickListNotOpen(pickListId, list.status);
      if (order && order.status !== "picking") throw new OrderStepRefused(order.number, order.status, "picked");

      const line = await checkedLine(tx, pickListId, data);
      let posted: PostedMovement & { replayed?: boolean };
      if (order && line.allocationId && line.orderLineId) {
        posted = await pickToStaging(tx, actor, {
          siteId: list.siteId,
          order: { id: order.id, number: order.number },
          line: { ...line, allocationId: line.allocationId, orderLineId: line.orderLineId },
          quantity: data.quantity,
          serials: data.serials,
        });
      } else {
        // The line's hold gives way first: the ledger takes only what is not reserved.
        await releasePickLine(tx, line.id, data.quantity, "fulfilled", { locationId: line.fromLocationId, lotId: line.lotId });
        posted = await postMovement(tx as unknown as Db, actor, {
          kind: "issue",
          sku: line.item.sku,
          quantity: data.quantity,
          from: line.fromLocation.code,
          lot: line.lot?.number ?? data.lot,
          serials: data.serials,
          reason: "sold",
          reference: list.reference,
        });
      }
      const raised = await tx.$executeRaw`
        UPDATE "PickListLine" SET "pickedQuantity" = "pickedQuantity" + ${data.quantity}
        WHERE id = ${line.id}::uuid AND "pickedQuantity" + ${data.quantity} <= quantity`;
      if (raised !== 1) throw new PickRefused("quantity", `Line ${data.lineNo} has less than ${data.quantity} left to pick`);
      // A fully picked plain line lets go of anything its hold still has (units a short count moved to another bin).
      if (!order && line.pickedQuantity + data.quantity === line.quantity) await releasePickLine(tx, line.id, "rest", "released");

      const isDone = (await tx.pickListLine.count({ where: { pickListId, pickedQuantity: { lt: tx.pickListLine.fields.quantity } } })) === 0;
      if (isDone) await tx.pickList.update({ where: { id: pickListId }, data: { status: "done", closedAt: new Date() } });
      const { view } = (await findPickListView(tx, pickListId))!;
      const { replayed: _replayed, ...movement } = posted;
      const answer: PickConfirmation = { pickList: view, movement };

      await recordAudit(tx, actor, {
        action: "pickList.pick",
        entityType: "pickList",
        entityId: pickListId,
        siteId: list.siteId,
        after: { lineNo: data.lineNo, quantity: data.quantity, postingId: posted.postingId, status: view.status },
      });
      if (isDone) await enqueueEvent(tx, { type: "pickList.done", siteId: list.siteId, aggregateId: pickListId, payload: view });
      return answer;
    },
  );
  return result.replayed ? { ...(result.stored as PickConfirmation), replayed: true } : result.value;
}

/** The line being picked, refused (422, on the field to correct) when the scan does not match it. */
async function checkedLine(tx: DbTx, pickListId: string, data: ReturnType<typeof pickInput.parse>) {
  const line = await tx.pickListLine.findUnique({
    where: { pickListId_lineNo: { pickListId, lineNo: data.lineNo } },
    select: {
      id: true,
      quantity: true,
      pickedQuantity: true,
      orderLineId: true,
      allocationId: true,
      itemId: true,
      fromLocationId: true,
      lotId: true,
      item: { select: { sku: true, skuKey: true, tracking: true } },
      fromLocation: { select: { code: true } },
      lot: { select: { number: true } },
    },
  });
  if (!line) throw new PickRefused("lineNo", `This list has no line ${data.lineNo}`);
  if (data.from !== line.fromLocation.code) throw new PickRefused("from", `Line ${data.lineNo} is picked from ${line.fromLocation.code}`);
  if (data.sku.toLowerCase() !== line.item.skuKey) throw new PickRefused("sku", `This line is for SKU ${line.item.sku}`);
  if (line.lot && data.lot && data.lot !== line.lot.number) throw new PickRefused("lot", `This line is for lot ${line.lot.number}`);
  const remaining = line.quantity - line.pickedQuantity;
  if (data.quantity > remaining) {
    throw new PickRefused(
      "quantity",
      remaining === 0 ? `Line ${data.lineNo} is already picked` : `Only ${remaining} left to pick on line ${data.lineNo}`,
    );
  }
  return line;
}
