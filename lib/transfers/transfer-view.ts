import type { DbTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { movementSelect, toMovementView } from "../ledger/list-movements";
import type { MovementView } from "../ledger/schemas";
import { isApprovalNeeded } from "./approval-limit";
import type { TransferStepName, TransferView } from "./schemas";
import { isUuid } from "../db/is-uuid";

const transferSelect = {
  id: true,
  status: true,
  reference: true,
  value: true,
  currency: true,
  createdAt: true,
  createdByLabel: true,
  fromSiteId: true,
  toSiteId: true,
  fromSite: { select: { code: true } },
  toSite: { select: { code: true } },
  lines: {
    orderBy: { lineNo: "asc" },
    select: {
      lineNo: true,
      quantity: true,
      serials: true,
      shippedQuantity: true,
      receivedQuantity: true,
      damagedQuantity: true,
      shortQuantity: true,
      overQuantity: true,
      item: { select: { sku: true, name: true, tracking: true } },
      lot: { select: { number: true } },
      reservations: { where: { status: "active" }, select: { held: true } },
    },
  },
  steps: { orderBy: { id: "asc" }, select: { step: true, at: true, actorLabel: true, postingId: true } },
} satisfies Prisma.TransferOrderSelect;

type TransferRow = Prisma.TransferOrderGetPayload<{ select: typeof transferSelect }>;

/** Units shipped and not yet received, damaged or written off as short. */
export function inTransitOf(line: {
  shippedQuantity: number;
  receivedQuantity: number;
  overQuantity: number;
  damagedQuantity: number;
  shortQuantity: number;
}) {
  return line.shippedQuantity - (line.receivedQuantity - line.overQuantity) - line.damagedQuantity - line.shortQuantity;
}

function toTransferView(row: TransferRow, movementsByPosting: Map<string, MovementView[]>): TransferView {
  const value = row.value?.toFixed(4) ?? null;
  const lines = row.lines.map((line) => ({
    lineNo: line.lineNo,
    sku: line.item.sku,
    name: line.item.name,
    tracking: line.item.tracking,
    lot: line.lot?.number ?? null,
    serials: line.serials,
    quantity: line.quantity,
    held: line.reservations.reduce((sum, r) => sum + r.held, 0),
    shipped: line.shippedQuantity,
    received: line.receivedQuantity,
    damaged: line.damagedQuantity,
    short: line.shortQuantity,
    over: line.overQuantity,
    inTransit: inTransitOf(line),
  }));
  return {
    id: row.id,
    status: row.status,
    from: row.fromSite.code,
    to: row.toSite.code,
    reference: row.reference,
    value,
    currency: row.currency,
    needsApproval: isApprovalNeeded(value),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByLabel,
    lines,
    discrepancies: lines.flatMap((line) =>
      (["short", "damaged", "over"] as const).flatMap((kind) =>
        line[kind] > 0 ? [{ lineNo: line.lineNo, sku: line.sku, kind, quantity: line[kind] }] : [],
      ),
    ),
    steps: row.steps.map((step) => ({
      step: step.step as TransferStepName,
      at: step.at.toISOString(),
      actor: step.actorLabel,
      postingId: step.postingId,
      movements: step.postingId ? (movementsByPosting.get(step.postingId) ?? []) : [],
    })),
  };
}

/** A transfer as the API shows it, with its two sites' ids (for the caller's authorization); null when absent. */
export async function findTransferView(tx: DbTx, id: string): Promise<{ fromSiteId: string; toSiteId: string; view: TransferView } | null> {
  if (!isUuid(id)) return null;
  const row = await tx.transferOrder.findUnique({ where: { id }, select: transferSelect });
  if (!row) return null;
  const postingIds = row.steps.flatMap((step) => (step.postingId ? [step.postingId] : []));
  const movements =
    postingIds.length === 0
      ? []
      : await tx.stockMovement.findMany({
          where: { postingId: { in: postingIds } },
          orderBy: { id: "asc" },
          select: { ...movementSelect, postingId: true },
        });
  const movementsByPosting = new Map<string, MovementView[]>();
  for (const movement of movements) {
    const list = movementsByPosting.get(movement.postingId) ?? [];
    list.push(toMovementView(movement));
    movementsByPosting.set(movement.postingId, list);
  }
  return { fromSiteId: row.fromSiteId, toSiteId: row.toSiteId, view: toTransferView(row, movementsByPosting) };
}
