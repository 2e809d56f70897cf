// The kinds and states of alerts with their words: plain constants (no zod), so client components may import them.

export const ALERT_KINDS = [
  "low_stock",
  "stockout",
  "overstock",
  "expiring",
  "expired",
  "count_overdue",
  "quarantine_aged",
  "bin_over_capacity",
] as const;
export const ALERT_STATES = ["open", "acknowledged", "resolved"] as const;

export type AlertKindName = (typeof ALERT_KINDS)[number];

/** What each kind means, in the words the screens and docs use. */
export const ALERT_KIND_LABELS: Record<AlertKindName, string> = {
  low_stock: "Low stock",
  stockout: "Stockout",
  overstock: "Overstock",
  expiring: "Expiring soon",
  expired: "Expired",
  count_overdue: "Count overdue",
  quarantine_aged: "Quarantine aged",
  bin_over_capacity: "Bin over capacity",
};
