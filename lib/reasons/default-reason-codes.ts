import type { Db } from "../db/client";

/** The reason codes every installation starts with; admins may add more. */
export const DEFAULT_REASON_CODES = {
  received: "Received",
  sold: "Sold",
  returned: "Returned",
  damaged: "Damaged",
  lost: "Lost",
  expired: "Expired",
  found: "Found",
  scrapped: "Scrapped",
  count: "Count correction",
  putaway: "Put away",
  replenishment: "Replenishment",
  transfer: "Transfer",
  other: "Other",
  rfid: "RFID read",
} as const;

export async function ensureDefaultReasonCodes(db: Db) {
  await db.reasonCode.createMany({
    data: Object.entries(DEFAULT_REASON_CODES).map(([code, label]) => ({ code, label, builtIn: true })),
    skipDuplicates: true,
  });
}
