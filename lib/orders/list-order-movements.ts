import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { movementSelect, movementsInScope, toMovementView } from "../ledger/list-movements";
import type { MovementView } from "../ledger/schemas";
import type { OrderView } from "./schemas";

/** An order is small: its movements (picks, the issue at shipping, returns) fit one screen. */
const MOST = 200;

/**
 * The ledger rows of an order, oldest first: every posting made for it carries the order number as its
 * reference (ship, returns, backorder allocation). Narrowed to the order's items so the item index does the
 * work, and to the actor's sites like any movement list.
 */
export async function listOrderMovements(db: Db, actor: Actor, order: Pick<OrderView, "number" | "lines">): Promise<MovementView[]> {
  authorize(actor, "stock.view");
  const rows = await db.stockMovement.findMany({
    where: {
      AND: [movementsInScope(actor), { reference: order.number, item: { sku: { in: order.lines.map((line) => line.sku) } } }],
    },
    orderBy: { id: "asc" },
    take: MOST,
    select: movementSelect,
  });
  return rows.map(toMovementView);
}
