// Plain data, so the ageing report's chart (a client component) can read it without the database client.
/** The age buckets, in days since a layer's units came in (its receivedAt, a UTC day) up to today: key, label, bounds. */
export const AGE_BUCKETS = [
  { key: "0to30", label: "0–30 days", min: 0, max: 30 },
  { key: "31to60", label: "31–60 days", min: 31, max: 60 },
  { key: "61to90", label: "61–90 days", min: 61, max: 90 },
  { key: "91to180", label: "91–180 days", min: 91, max: 180 },
  { key: "over180", label: "Over 180 days", min: 181, max: null },
] as const;
