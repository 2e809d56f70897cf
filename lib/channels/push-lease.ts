import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";

/** Longer than a pass takes (250 SKUs, a few calls each with their timeouts); a holder that died frees it then. */
export const PUSH_LEASE_MS = 5 * 60_000;

/**
 * Claims the right to push this channel, or answers null while another process holds it. Two processes pushing
 * one channel could each read the stock at a different moment and the older read could land last (no
 * compare-and-swap on WooCommerce; on Shopify a retry after a stale compare would still send the older figure),
 * leaving the shop wrong until the nightly reconcile. The claim is one conditional UPDATE, so exactly one wins.
 */
export async function claimPushLease(db: Db, channelId: string, now: Date): Promise<string | null> {
  const holder = randomUUID();
  const until = new Date(now.getTime() + PUSH_LEASE_MS);
  const claimed = await db.$executeRaw`
    UPDATE "Channel" SET "pushLeaseHolder" = ${holder}, "pushLeaseUntil" = ${until}
    WHERE id = ${channelId}::uuid AND ("pushLeaseUntil" IS NULL OR "pushLeaseUntil" <= ${now})`;
  return claimed === 1 ? holder : null;
}

/** Gives the lease back, if it is still this holder's. */
export async function releasePushLease(db: Db, channelId: string, holder: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "Channel" SET "pushLeaseHolder" = NULL, "pushLeaseUntil" = NULL WHERE id = ${channelId}::uuid AND "pushLeaseHolder" = ${holder}`;
}
