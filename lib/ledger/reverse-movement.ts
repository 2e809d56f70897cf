import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { NotFound, ValidationFailed } from "../domain-error";
import { AlreadyReversed, InsufficientStock, SerialNotAtSource } from "./errors";
import type { IdempotencyKey } from "../db/idempotency-key";
import { checkKeyFirst } from "../db/unit-of-work";
import { PostingLineFailure, runPosting, type PostingAnswer } from "./posting-function";
import type { PostedMovement } from "./schemas";

/**
 * Undoes a posted movement by posting its opposite (to → from, same item, lot, serials and quantity), linked to
 * it. The original stays as it was; a movement can be reversed once. Needs stock.move at the sites of both
 * ends. Fails with InsufficientStock when the stock has moved on since (it is no longer there to take back).
 */
export async function reverseMovement(
  db: Db,
  actor: Actor,
  movementId: string,
  input: { reason?: string; note?: string } = {},
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<PostedMovement & { replayed: boolean }> {
  const result = await checkKeyFirst(db, options.idempotency, () => postReversal(db, actor, movementId, input, options.idempotency ?? null));
  if (!result.replayed) return result.value;
  const stored = result.stored as PostingAnswer;
  return { ...stored, movement: stored.movements[0] ?? null, replayed: true };
}

async function postReversal(
  db: Db,
  actor: Actor,
  movementId: string,
  input: { reason?: string; note?: string },
  idempotency: IdempotencyKey | null,
): Promise<PostedMovement & { replayed: boolean }> {
  if (!/^\d{1,18}$/.test(movementId)) throw new NotFound("Movement", movementId);
  const original = await db.stockMovement.findUnique({
    where: { id: BigInt(movementId) },
    include: {
      item: { select: { sku: true } },
      fromLocation: { select: { code: true, siteId: true, isVirtual: true } },
      toLocation: { select: { code: true, siteId: true, isVirtual: true } },
      serials: { select: { serial: { select: { serial: true } } } },
      reversedBy: { select: { id: true } },
    },
  });
  if (!original) throw new NotFound("Movement", movementId);
  if (original.reversedBy) throw new AlreadyReversed(movementId);
  const siteId = original.toLocation.isVirtual ? original.fromLocation.siteId : original.toLocation.siteId;
  // The reversal takes stock out of one end and puts it back into the other: both ends' sites must be the
  // actor's. They differ for a transfer's legs (a receipt comes from the source's in-transit location).
  for (const end of new Set([original.fromLocation.siteId, original.toLocation.siteId])) authorize(actor, "stock.move", { siteId: end });
  if (input.reason && !(await db.reasonCode.findFirst({ where: { code: input.reason, active: true }, select: { code: true } }))) {
    throw new ValidationFailed([{ field: "reason", message: `Unknown reason code ${input.reason}` }]);
  }
  try {
    const { replayed, answer } = await runPosting(db, {
      postingId: randomUUID(),
      action: "stock.reversal",
      siteId,
      actor,
      idempotency,
      lines: [
        {
          kind: "reversal",
          itemId: original.itemId,
          quantity: original.quantity,
          lotId: original.lotId,
          fromLocationId: original.toLocationId,
          toLocationId: original.fromLocationId,
          sku: original.item.sku,
          fromCode: original.toLocation.code,
          toCode: original.fromLocation.code,
          serials: original.serials.map((s) => s.serial.serial),
          unitCost: original.unitCost?.toString() ?? null,
          currency: original.currency,
          reasonCode: input.reason ?? original.reasonCode,
          note: input.note ?? `reverses movement ${movementId}`,
          reference: original.reference,
          reversesId: movementId,
        },
      ],
    });
    return { ...answer, movement: answer.movements[0] ?? null, replayed };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AlreadyReversed(movementId);
    if (error instanceof PostingLineFailure && error.sqlState === "SR410") {
      throw new SerialNotAtSource({ sku: original.item.sku, location: original.toLocation.code, serials: error.detail.serials ?? [] });
    }
    if (error instanceof PostingLineFailure) {
      throw new InsufficientStock({
        sku: original.item.sku,
        location: original.toLocation.code,
        lot: null,
        requested: original.quantity,
        available: error.detail.available ?? 0,
      });
    }
    throw error;
  }
}
