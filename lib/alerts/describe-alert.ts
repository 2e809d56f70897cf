import type { AlertView } from "./schemas";

type Detail = Record<string, unknown>;
const n = (detail: Detail, key: string) => Number(detail[key] ?? 0);

/** An alert's figures in the words a warehouse uses: what is wrong, with the numbers that say so. */
export function describeAlert(alert: Pick<AlertView, "kind" | "lot" | "location" | "detail">): string {
  const d = alert.detail;
  switch (alert.kind) {
    case "low_stock":
      return `Available ${n(d, "available")} ≤ reorder point ${n(d, "reorderPoint")} (on hand ${n(d, "onHand")})`;
    case "stockout":
      return n(d, "onHand") > 0 ? `None available to promise (on hand ${n(d, "onHand")}, all held or unsellable)` : "None on hand or available";
    case "overstock":
      return `On hand ${n(d, "onHand")} > maximum ${n(d, "max")}`;
    case "expiring": {
      const days = n(d, "daysLeft");
      return `Lot ${alert.lot ?? "?"} expires ${String(d.expiresOn)} (${days === 0 ? "today" : `in ${days} day${days === 1 ? "" : "s"}`}), ${n(d, "onHand")} on hand`;
    }
    case "expired":
      return `Lot ${alert.lot ?? "?"} expired ${String(d.expiresOn)}, ${n(d, "onHand")} on hand: blocked from picking and reservations`;
    case "quarantine_aged":
      return `${n(d, "onHand")} in quarantine at ${alert.location ?? "?"} for ${n(d, "days")} days`;
    case "count_overdue": {
      const bins = n(d, "bins");
      return `${bins} bin${bins === 1 ? "" : "s"} with stock not counted in ${n(d, "cycleDays")} days`;
    }
    case "bin_over_capacity":
      return `${n(d, "onHand")} units in ${alert.location ?? "a bin"} for a capacity of ${n(d, "capacity")}`;
  }
}
