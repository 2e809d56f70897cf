import type { BadgeTone } from "../ui/badge";
import type { PurchaseOrderStatus } from "@/lib/purchasing/schemas";

export const PURCHASE_ORDER_STATUS_TONE: Record<PurchaseOrderStatus, BadgeTone> = {
  draft: "slate",
  approved: "blue",
  sent: "amber",
  partially_received: "amber",
  received: "green",
  closed: "green",
  cancelled: "red",
};

/** "partially_received" → "partially received". */
export function statusLabel(status: PurchaseOrderStatus): string {
  return status.replace("_", " ");
}
