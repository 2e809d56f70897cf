import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { StockStatus } from "@/lib/catalog/schemas";

export const STOCK_STATUS: Record<StockStatus, { label: string; tone: BadgeTone }> = {
  out: { label: "Out", tone: "red" },
  low: { label: "Low", tone: "amber" },
  in: { label: "In stock", tone: "green" },
};

export function StockStatusBadge({ status }: { status: StockStatus }) {
  return <Badge tone={STOCK_STATUS[status].tone}>{STOCK_STATUS[status].label}</Badge>;
}
