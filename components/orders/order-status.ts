import type { OrderView } from "@/lib/orders/schemas";
import type { BadgeTone } from "../ui/badge";

export const ORDER_STATUS_TONE: Record<OrderView["status"], BadgeTone> = {
  backordered: "amber",
  allocated: "blue",
  picking: "blue",
  picked: "blue",
  packed: "green",
  shipped: "green",
  cancelled: "slate",
};
