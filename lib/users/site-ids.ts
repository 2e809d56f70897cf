import type { DbTx } from "../db/client";
import { UnknownSites } from "./errors";

/** Site codes → ids, refusing any code that is not a site. */
export async function siteIdsForCodes(tx: DbTx, codes: readonly string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const sites = await tx.site.findMany({ where: { code: { in: unique } }, select: { id: true, code: true } });
  const missing = unique.filter((code) => !sites.some((s) => s.code === code));
  if (missing.length > 0) throw new UnknownSites(missing);
  return sites.map((s) => s.id);
}
