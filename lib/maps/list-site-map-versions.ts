import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { findMapSite } from "./find-map-site";
import type { SiteMapVersionView } from "./schemas";

const LIMIT = 500;

/** The saved versions of the site's map, newest first (the 500 newest), without their shapes. */
export async function listSiteMapVersions(db: Db, actor: Actor, siteCode: string): Promise<{ data: SiteMapVersionView[] }> {
  const site = await findMapSite(db, siteCode);
  authorize(actor, "stock.view", { siteId: site.id });
  const rows = await db.$queryRaw<{ version: number; savedAt: Date; savedByLabel: string; note: string | null; shapeCount: number }[]>`
    SELECT version, "savedAt", "savedByLabel", note, jsonb_array_length(shapes) AS "shapeCount"
    FROM "SiteMapVersion" WHERE "siteId" = ${site.id}::uuid ORDER BY version DESC LIMIT ${LIMIT}`;
  return {
    data: rows.map((r) => ({
      version: r.version,
      savedAt: r.savedAt.toISOString(),
      savedBy: r.savedByLabel,
      note: r.note,
      shapeCount: Number(r.shapeCount),
    })),
  };
}
