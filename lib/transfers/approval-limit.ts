/**
 * When a transfer needs a manager's approval before it ships: when its value (Σ line quantity × the item's
 * preferred supplier unit cost, fixed when the transfer is drafted) is above STOCKROOM_TRANSFER_APPROVAL_LIMIT
 * (default 1000, in the costs' currency). A value exactly at the limit needs none. Items without a preferred
 * supplier cost count as 0: a transfer of uncosted items never needs approval on value alone.
 */
export const DEFAULT_APPROVAL_LIMIT = 1000;

export function transferApprovalLimit(env: Record<string, string | undefined> = process.env): number {
  const raw = env.STOCKROOM_TRANSFER_APPROVAL_LIMIT?.trim();
  if (!raw) return DEFAULT_APPROVAL_LIMIT;
  const limit = Number(raw);
  // A misspelt limit must not switch approvals off: fall back to the default rather than to Infinity or NaN.
  return Number.isFinite(limit) && limit >= 0 ? limit : DEFAULT_APPROVAL_LIMIT;
}

export function isApprovalNeeded(value: string | null, limit: number = transferApprovalLimit()): boolean {
  return value !== null && Number(value) > limit;
}
