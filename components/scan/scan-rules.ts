import type { Resolved } from "./scan-api";

export type Verdict = { tone: "ok" | "wrong"; text: string };

/** Stock is put into bins (or shelves, racks...) of the site being worked, never onto the site or a zone itself. */
export function isStorageLocation(r: Resolved, site: string): boolean {
  return r.kind === "location" && r.location!.site === site && !["site", "zone"].includes(r.location!.type);
}
