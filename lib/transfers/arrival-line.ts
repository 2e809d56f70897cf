import type { ResolvedLine } from "../ledger/post-resolved-lines";
import { locationFlags } from "../ledger/posting-function";
import type { LockedTransfer } from "./run-transfer-step";
import type { Place } from "./transfer-locations";

/** Why units of an arrival leave transit (or appear): the reason code each movement carries. */
export const ARRIVAL_REASONS = { good: "transfer", damaged: "damaged", short: "lost", over: "found" } as const;

/**
 * One ledger line of a transfer's arrival or close. Every movement a transfer posts is of a transfer kind, so
 * the ledger alone shows which movements a transfer made; the reason tells good units, damaged, short and over
 * apart.
 */
export function arrivalLine(
  transfer: LockedTransfer,
  line: { lineNo: number; item: { id: string; sku: string } },
  take: {
    from: Place;
    to: Place;
    lotId: string | null;
    lotNumber: string | null;
    quantity: number;
    serials?: string[];
    reason: keyof typeof ARRIVAL_REASONS;
  },
): ResolvedLine {
  return {
    kind: "transfer_receive",
    itemId: line.item.id,
    quantity: take.quantity,
    lotId: take.lotId,
    serials: take.serials,
    fromLocationId: take.from.id,
    toLocationId: take.to.id,
    ...locationFlags(take.from, take.to),
    reasonCode: ARRIVAL_REASONS[take.reason],
    reference: transfer.reference ?? transfer.id,
    note: `transfer ${transfer.id} line ${line.lineNo}: ${take.reason}`,
    sku: line.item.sku,
    sourceCode: take.from.code,
    lot: take.lotNumber,
  };
}
