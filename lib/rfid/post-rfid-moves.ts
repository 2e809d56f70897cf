import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { DomainError, ValidationFailed } from "../domain-error";
import { MAX_BATCH, postMovements } from "../ledger/post-movement";
import type { ReadsOutcome } from "./schemas";

export type RfidMove = { siteId: string; sku: string; serial: string; lot: string | null; from: string; to: string; reader: string; tag: string };

type Refused = ReadsOutcome["refused"][number];

/** Past this many refusals in one posting, the batch is taken to be wrong as a whole and the error stands. */
const MAX_REFUSALS_PER_POSTING = 20;

/** Which movement of a batch the ledger refused, when it says (details.index, or the field path movements.N.…). */
function refusedIndex(error: unknown): number | undefined {
  if (!(error instanceof DomainError)) return undefined;
  if (typeof error.details.index === "number") return error.details.index;
  const field = error instanceof ValidationFailed ? error.issues[0]?.field : undefined;
  const match = field ? /^movements\.(\d+)\./.exec(field) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * Posts the moves of one site, at most MAX_BATCH per posting (each all or none). A move the ledger refuses
 * (a bin whose storage conditions do not suit the item, a unit moved by someone else meanwhile) is left out and
 * reported, and the rest is posted again: one misplaced tag must not stop a dock door's every batch.
 * `onPosted` hears each posted chunk, so a caller can tell what was done if a later chunk fails.
 */
export async function postRfidMoves(db: Db, actor: Actor, moves: readonly RfidMove[], onPosted: (moves: RfidMove[]) => void): Promise<Refused[]> {
  const refused: Refused[] = [];
  for (let start = 0; start < moves.length; start += MAX_BATCH) {
    let pending = moves.slice(start, start + MAX_BATCH);
    let refusals = 0;
    while (pending.length > 0) {
      try {
        await postMovements(
          db,
          actor,
          pending.map((move) => ({
            kind: "move",
            sku: move.sku,
            quantity: 1,
            serials: [move.serial],
            from: move.from,
            to: move.to,
            ...(move.lot ? { lot: move.lot } : {}),
            reason: "rfid",
            reference: `RFID ${move.reader}`.slice(0, 120),
          })),
        );
        onPosted(pending);
        break;
      } catch (error) {
        const index = refusedIndex(error);
        if (index === undefined || index >= pending.length || ++refusals > MAX_REFUSALS_PER_POSTING) throw error;
        const { sku, serial, from, to } = pending[index];
        refused.push({ sku, serial, from, to, reason: (error as Error).message });
        pending = pending.filter((_, position) => position !== index);
      }
    }
  }
  return refused;
}
