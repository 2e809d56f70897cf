import type { BadgeTone } from "../ui/badge";
import type { TransferStatus } from "@/lib/transfers/schemas";

export const TRANSFER_STATUS_TONE: Record<TransferStatus, BadgeTone> = {
  draft: "slate",
  approved: "blue",
  shipped: "amber",
  receiving: "amber",
  closed: "green",
  cancelled: "red",
};
